import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, hasRole, isPlatformStaff, OrgType, Role } from '@techbridge/platform';
import { DemandErrors } from './demand.exception';
import { DemandRepository, ViewerScope } from './demand.repository';
import { DemandStatus } from './demand.state-machine';
import { canReadDescription, isDemandOwner, readableFilter, readableVisibilities, VisibilitySubject } from './demand.visibility';
import { DemandResponse, DemandView, redactedView } from './dto/demand.dto';
import { Demand } from './entities/demand.entity';
import { Proposal } from './entities/proposal.entity';

/** Organisation kinds that propose solutions (揭榜方). */
const PROPOSER_ORG_TYPES: OrgType[] = [OrgType.University, OrgType.Institute];

/**
 * The one place that decides who sees and does what with demands and proposals. The visibility levels of a
 * demand's description (public, members, brokers) are the pure rules in demand.visibility.ts; this adds the
 * object checks: drafts, the enterprise's management, assigned brokers, proposers.
 */
@Injectable()
export class DemandAccessPolicy {
  constructor(private readonly repo: DemandRepository) {}

  /** May this viewer read the description (and everything beyond title, industry, field and park)? */
  canReadDescription(actor: Actor | null | undefined, demand: VisibilitySubject): boolean {
    return canReadDescription(actor, demand);
  }

  /** The one redaction rule, for lists, detail, search, match results and exports alike. */
  redact(actor: Actor | null | undefined, demand: DemandResponse): DemandView {
    if (!canReadDescription(actor, { visibility: demand.visibility, enterpriseId: demand.enterprise.id })) return redactedView(demand);
    // Contact details are for signed-in readers only, so public demands cannot be scraped for phone numbers.
    return actor ? demand : { ...demand, contact: null };
  }

  /** May the viewer see that this demand exists at all (drafts are private to the enterprise)? */
  canSee(actor: Actor | null | undefined, d: { status: DemandStatus; enterpriseId: string }): boolean {
    return d.status !== 'draft' || isDemandOwner(actor, d) || isPlatformStaff(actor);
  }

  /** The enterprise manages its demands; platform administrators may step in. */
  canManage(actor: Actor, d: Pick<Demand, 'enterpriseId'>): boolean {
    return actor.orgId === d.enterpriseId || hasRole(actor, Role.PlatformAdmin);
  }

  /** What the repository filters lists and searches by for this viewer. */
  viewerScope(actor: Actor | null): ViewerScope {
    const staff = isPlatformStaff(actor);
    return { readableLevels: staff ? null : readableVisibilities(actor), orgId: actor?.orgId ?? null, seesAllDrafts: staff };
  }

  /** Does a list asked for one enterprise show that enterprise's own view (every status)? */
  ownView(actor: Actor | null, enterpriseId: string | undefined): boolean {
    return !!actor && (enterpriseId === actor.orgId || isPlatformStaff(actor));
  }

  /** Index filter for the demands this viewer may read in full (null = all): applied before ranking. */
  readableFilter(actor: Actor | null | undefined) {
    return readableFilter(actor);
  }

  requireEnterprise(actor: Actor): void {
    if (actor.orgType !== OrgType.Enterprise) throw DemandErrors.notAnEnterprise();
  }

  requireProposer(actor: Actor): void {
    if (!PROPOSER_ORG_TYPES.includes(actor.orgType)) throw DemandErrors.notAProposer();
  }

  /** A demand the caller may see, else 404. */
  async requireVisible(m: EntityManager, actor: Actor | null, id: string): Promise<Demand> {
    const d = await this.repo.findById(m, id);
    if (!d || !this.canSee(actor, d)) throw DemandErrors.demandNotFound();
    return d;
  }

  /** The demand, locked, if this actor may change it; everyone else gets 404 (it is not theirs). */
  async requireManaged(m: EntityManager, actor: Actor, id: string): Promise<Demand> {
    const d = await this.repo.findByIdForUpdate(m, id);
    if (!d || !this.canManage(actor, d)) throw DemandErrors.demandNotFound();
    return d;
  }

  /** Assigned to follow the demand, and a broker in effect now (an assignment outlives no revocation). */
  private async isAssignedBroker(m: EntityManager, actor: Actor, demandId: string): Promise<boolean> {
    return hasRole(actor, Role.Broker) && (await this.repo.isAssignedBroker(m, demandId, actor.userId));
  }

  /** The enterprise's side of a demand: its managers and the brokers assigned to follow it; others 404. */
  async requireFollowed(m: EntityManager, actor: Actor, id: string): Promise<Demand> {
    const d = await this.repo.findById(m, id);
    if (!d || !(this.canManage(actor, d) || (await this.isAssignedBroker(m, actor, d.id)))) throw DemandErrors.demandNotFound();
    return d;
  }

  /** The enterprise and assigned brokers see every proposal to a demand; a proposer its own only. */
  async seesAllProposals(m: EntityManager, actor: Actor, d: Pick<Demand, 'id' | 'enterpriseId'>): Promise<boolean> {
    return d.enterpriseId === actor.orgId || (await this.isAssignedBroker(m, actor, d.id));
  }

  /** A proposal its submitter organisation, the enterprise or an assigned broker may read; others 404. */
  async requireProposal(m: EntityManager, actor: Actor, id: string): Promise<Proposal> {
    const p = await this.repo.findProposal(m, id);
    const d = p ? await this.repo.findById(m, p.demandId) : null;
    if (!p || !d || !(p.proposerOrgId === actor.orgId || (await this.seesAllProposals(m, actor, d)))) throw DemandErrors.proposalNotFound();
    return p;
  }

  /** Only the enterprise decides on proposals: to anyone else (proposer, broker, stranger) the action does not exist. Locks the demand. */
  async requireDecidable(m: EntityManager, actor: Actor, id: string): Promise<{ p: Proposal; d: Demand }> {
    const found = await this.repo.findProposal(m, id);
    const d = found ? await this.repo.findByIdForUpdate(m, found.demandId) : null;
    if (!found || !d || d.enterpriseId !== actor.orgId) throw DemandErrors.proposalNotFound();
    // Read again under the demand's lock: a concurrent decision may have moved it.
    return { p: (await this.repo.findProposal(m, id))!, d };
  }

  /** Only the submitter organisation withdraws its proposal; others 404. */
  async requireOwnProposal(m: EntityManager, actor: Actor, id: string): Promise<Proposal> {
    const p = await this.repo.findProposal(m, id);
    if (!p || p.proposerOrgId !== actor.orgId) throw DemandErrors.proposalNotFound();
    return p;
  }
}
