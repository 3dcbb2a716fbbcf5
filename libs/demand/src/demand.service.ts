import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, DomainError, isFieldOf, JobName, OutboxService, Role, SearchFilter, TransactionRunner } from '@techbridge/platform';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { DemandAccessPolicy } from './demand-access.policy';
import { deadlineInstant, isDeadlinePassed } from './demand.deadline';
import { DemandErrors } from './demand.exception';
import { DEMANDS_INDEX } from './demand.projection';
import { DemandRepository } from './demand.repository';
import { assertDemandEditable, DemandStatus, transitionDemand, transitionProposal } from './demand.state-machine';
import { VisibilitySubject } from './demand.visibility';
import {
  AssignBrokerDto, AwardedProposalRecord, CreateDemandDto, DemandBrokerResponse, DemandResponse, DemandView, mapDemand, PublishedDemandRecord, UpdateDemandDto,
} from './dto/demand.dto';
import { Demand } from './entities/demand.entity';

const AUTO_DECLINE_ON_CLOSE = 'demand closed';

/** What an import line provides, already validated against demand.schema.json. */
export interface DemandImportRecord extends CreateDemandDto {
  externalId: string;
  enterprise: NonNullable<CreateDemandDto['enterprise']> & { name: string };
}

/** The demand context's commands (the enterprise's lifecycle of a demand, assigned brokers, imports) and its facade for other contexts. */
@Injectable()
export class DemandService {
  constructor(
    private readonly repo: DemandRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly access: DemandAccessPolicy,
  ) {}

  // ---- facade for other contexts (read-only) ----

  /** For the matching reconciler: (id, version) of listed demands after `after` in id order, changed before `changedBefore`. */
  listedDemandVersions(after: string | null, limit: number, changedBefore: Date): Promise<Array<{ id: string; version: number }>> {
    return this.repo.listedVersionsPage(this.tx.manager, after, limit, changedBefore);
  }

  /**
   * For the matching refit: enterprises' shortlists, awards and declines of proposals, as (demand, achievement, decision)
   * ids only — the refit reads features, never a text, so a confidential demand reveals nothing through it.
   */
  async proposalDecisions(): Promise<Array<{ demandId: string; achievementId: string; decision: 'shortlisted' | 'awarded' | 'declined' }>> {
    const rows = await this.repo.proposalDecisions(this.tx.manager);
    return rows.map((r) => ({ demandId: r.demand_id, achievementId: r.achievement_id, decision: r.status }));
  }

  /** Full demands by id, any status, no permission filter: for other contexts' internal use (then `redact`). */
  async getDemandsByIds(ids: string[]): Promise<DemandResponse[]> {
    const rows = await this.repo.findByIds(this.tx.manager, [...new Set(ids)]);
    const byId = new Map(rows.map((d) => [d.id, d]));
    return ids.filter((id, i) => byId.has(id) && ids.indexOf(id) === i).map((id) => mapDemand(byId.get(id)!));
  }

  /** May this viewer read the description (and all fields beyond title, industry, field and park)? */
  canReadDescription(actor: Actor | null | undefined, demand: DemandResponse | VisibilitySubject): boolean {
    return this.access.canReadDescription(actor, 'enterprise' in demand ? { visibility: demand.visibility, enterpriseId: demand.enterprise.id } : demand);
  }

  /** The one redaction rule, for lists, detail, search, match results and exports alike. */
  redact(actor: Actor | null | undefined, demand: DemandResponse): DemandView {
    return this.access.redact(actor, demand);
  }

  /** Index filter for the demands this viewer may read in full (null = all): apply before ranking. */
  readableFilter(actor: Actor | null | undefined): SearchFilter | null {
    return this.access.readableFilter(actor);
  }

  /** May the viewer see that this demand exists at all (drafts are private to the enterprise)? */
  isVisible(actor: Actor | null | undefined, demand: { status: DemandStatus; enterprise: { id: string } } | Demand): boolean {
    return this.access.canSee(actor, 'enterprise' in demand ? { status: demand.status, enterpriseId: demand.enterprise.id } : demand);
  }

  // ---- commands ----

  async create(actor: Actor, dto: CreateDemandDto): Promise<DemandResponse> {
    this.access.requireEnterprise(actor);
    const org = await this.identity.findOrganisation(actor.orgId);
    if (!org) throw DemandErrors.notAnEnterprise();
    this.checkContent({ industry: dto.industry, field: dto.field ?? null });
    const deadlineAt = this.checkDeadline(dto.deadline);
    if (dto.enterprise?.creditCode && org.creditCode && dto.enterprise.creditCode !== org.creditCode) throw DemandErrors.creditCodeMismatch();
    return this.tx.run(async (m) => {
      const source = dto.source ?? 'manual';
      if (dto.externalId && (await this.repo.findBySourceAndExternalId(m, source, dto.externalId))) throw DemandErrors.duplicateExternalId();
      const d = await this.repo.save(m, {
        source,
        externalId: dto.externalId ?? null,
        title: dto.title,
        description: dto.description,
        keywords: normaliseKeywords(dto.keywords),
        industry: dto.industry,
        field: dto.field ?? null,
        minTrl: dto.minTrl ?? null,
        budget: dto.budget ?? null,
        cooperationModes: dto.cooperationModes ?? [],
        park: dto.park ?? org.parkCode ?? null,
        deadlineAt,
        visibility: dto.visibility ?? 'public',
        enterpriseId: org.id,
        enterpriseName: dto.enterprise?.name ?? org.name,
        enterpriseCreditCode: org.creditCode ?? dto.enterprise?.creditCode ?? null,
        enterpriseRegion: org.region ?? 'other',
        qualifications: dto.enterprise?.qualifications ?? [],
        contactName: dto.contact?.name ?? null,
        contactPhone: dto.contact?.phone ?? null,
        contactEmail: dto.contact?.email ?? null,
        status: 'draft',
        createdBy: actor.userId,
        version: 1,
      });
      await this.identity.audit(m, actor, { action: 'demand.create', entityType: 'demand', entityId: d.id, changes: { title: d.title } });
      return mapDemand(d);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateDemandDto): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.access.requireManaged(m, actor, id);
      assertDemandEditable(d.status);
      const before = { deadline: d.deadlineAt?.getTime() ?? null };
      if (dto.title !== undefined) d.title = dto.title;
      if (dto.description !== undefined) d.description = dto.description;
      if (dto.keywords !== undefined) d.keywords = normaliseKeywords(dto.keywords);
      if (dto.industry !== undefined) d.industry = dto.industry;
      if (dto.field !== undefined) d.field = dto.field;
      if (dto.minTrl !== undefined) d.minTrl = dto.minTrl;
      if (dto.budget !== undefined) d.budget = dto.budget;
      if (dto.cooperationModes !== undefined) d.cooperationModes = dto.cooperationModes;
      if (dto.park !== undefined) d.park = dto.park;
      if (dto.visibility !== undefined) d.visibility = dto.visibility;
      if (dto.deadline !== undefined) d.deadlineAt = this.checkDeadline(dto.deadline);
      if (dto.enterprise?.name !== undefined) d.enterpriseName = dto.enterprise.name;
      if (dto.enterprise?.qualifications !== undefined) d.qualifications = dto.enterprise.qualifications;
      if (dto.enterprise?.creditCode !== undefined && d.enterpriseCreditCode && dto.enterprise.creditCode !== d.enterpriseCreditCode) {
        throw DemandErrors.creditCodeMismatch();
      }
      if (dto.contact !== undefined) {
        d.contactName = dto.contact?.name ?? null;
        d.contactPhone = dto.contact?.phone ?? null;
        d.contactEmail = dto.contact?.email ?? null;
      }
      this.checkContent(d);
      d.version += 1;
      const saved = await this.repo.save(m, d);
      if (saved.status === 'published') {
        await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
        if ((saved.deadlineAt?.getTime() ?? null) !== before.deadline) await this.scheduleExpiry(m, saved);
        await this.enqueueMatching(m, saved);
      }
      await this.identity.audit(m, actor, { action: 'demand.update', entityType: 'demand', entityId: d.id, changes: { fields: Object.keys(dto) } });
      return mapDemand(saved);
    });
  }

  async publish(actor: Actor, id: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.access.requireManaged(m, actor, id);
      d.status = transitionDemand(d.status, 'publish');
      if (isDeadlinePassed(d.deadlineAt, this.clock.now())) throw DemandErrors.pastDeadline();
      const now = this.clock.now();
      d.publishedAt = now;
      d.statusChangedAt = now;
      d.version += 1;
      const saved = await this.repo.save(m, d);
      await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
      await this.scheduleExpiry(m, saved);
      await this.enqueueMatching(m, saved);
      await this.outbox.enqueue(m, JobName.AlertSavedSearches, { subject: 'demand', id: saved.id }, { jobId: `demand:${saved.id}:saved-search-alerts:${saved.version}` });
      await this.identity.audit(m, actor, { action: 'demand.publish', entityType: 'demand', entityId: d.id });
      return mapDemand(saved);
    });
  }

  async close(actor: Actor, id: string, reason: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.access.requireManaged(m, actor, id);
      d.status = transitionDemand(d.status, 'close');
      d.closeReason = reason;
      const saved = await this.changeStatus(m, d);
      for (const p of await this.repo.findOpenProposals(m, d.id)) {
        await this.repo.saveProposal(m, { ...p, status: transitionProposal(p.status, 'decline'), declineReason: AUTO_DECLINE_ON_CLOSE, decidedAt: this.clock.now(), decidedBy: actor.userId });
        await this.notifications.notify({
          orgId: p.proposerOrgId, kind: 'demand.proposal-declined', dedupeKey: `proposal:${p.id}:declined`, link: `/demands/${d.id}`,
          title: { zh: `需求「${d.title}」已关闭，您的揭榜方案未被采纳`, en: `Demand '${d.title}' was closed; your proposal was declined` },
        }, m);
      }
      await this.identity.audit(m, actor, { action: 'demand.close', entityType: 'demand', entityId: d.id, changes: { reason } });
      return mapDemand(saved);
    });
  }

  async solve(actor: Actor, id: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.access.requireManaged(m, actor, id);
      d.status = transitionDemand(d.status, 'solve');
      const saved = await this.changeStatus(m, d);
      await this.identity.audit(m, actor, { action: 'demand.solve', entityType: 'demand', entityId: d.id });
      return mapDemand(saved);
    });
  }

  async reopen(actor: Actor, id: string): Promise<DemandResponse> {
    return this.tx.run(async (m) => {
      const d = await this.access.requireManaged(m, actor, id);
      d.status = transitionDemand(d.status, 'reopen');
      d.closeReason = null;
      const saved = await this.changeStatus(m, d);
      await this.identity.audit(m, actor, { action: 'demand.reopen', entityType: 'demand', entityId: d.id });
      return mapDemand(saved);
    });
  }

  /** Called by the proposal flow inside its transaction when the enterprise awards a proposal. */
  async startNegotiation(m: EntityManager, d: Demand): Promise<Demand> {
    d.status = transitionDemand(d.status, 'start-negotiation');
    return this.changeStatus(m, d);
  }

  /**
   * The expiry job: re-reads the demand and skips when it has moved on (status changed, or the deadline was moved).
   * A demand with open proposals stays published after its deadline so the enterprise can still decide on them.
   */
  async expire(demandId: string): Promise<'expired' | 'skipped' | 'awaiting-decision'> {
    return this.tx.run(async (m) => {
      const d = await this.repo.findByIdForUpdate(m, demandId);
      if (!d || d.status !== 'published' || !isDeadlinePassed(d.deadlineAt, this.clock.now())) return 'skipped';
      const open = await this.repo.findOpenProposals(m, d.id);
      if (open.length) {
        await this.notifications.notify({
          orgId: d.enterpriseId, kind: 'demand.deadline-reached', dedupeKey: `demand:${d.id}:deadline:${d.deadlineAt!.getTime()}`, link: `/demands/${d.id}/proposals`,
          title: { zh: `需求「${d.title}」揭榜已截止，请评审 ${open.length} 份方案`, en: `Proposals for '${d.title}' are closed: ${open.length} to review` },
        }, m);
        return 'awaiting-decision';
      }
      d.status = transitionDemand(d.status, 'expire');
      await this.changeStatus(m, d);
      await this.notifications.notify({
        orgId: d.enterpriseId, kind: 'demand.expired', dedupeKey: `demand:${d.id}:expired:${d.deadlineAt!.getTime()}`, link: `/demands/${d.id}`,
        title: { zh: `需求「${d.title}」已到截止日期，未收到揭榜方案`, en: `Demand '${d.title}' reached its deadline without proposals` },
      }, m);
      await this.identity.audit(m, null, { action: 'demand.expire', entityType: 'demand', entityId: d.id });
      return 'expired';
    });
  }

  async assignBroker(actor: Actor, id: string, dto: AssignBrokerDto): Promise<DemandBrokerResponse> {
    const user = await this.identity.findUser(dto.userId);
    if (!user || !user.effectiveRoles.includes(Role.Broker)) throw DemandErrors.notABroker();
    return this.tx.run(async (m) => {
      const d = await this.access.requireManaged(m, actor, id);
      const b = await this.repo.assignBroker(m, { demandId: d.id, userId: user.id, assignedBy: actor.userId });
      await this.notifications.notify({
        userId: user.id, kind: 'demand.broker-assigned', dedupeKey: `demand:${d.id}:broker:${user.id}`, link: `/demands/${d.id}`,
        title: { zh: `您被指派跟进技术需求「${d.title}」`, en: `You were assigned to follow the demand '${d.title}'` },
      }, m);
      await this.identity.audit(m, actor, { action: 'demand.assign-broker', entityType: 'demand', entityId: d.id, changes: { userId: user.id } });
      return { demandId: d.id, userId: user.id, displayName: user.displayName, assignedAt: b.assignedAt.toISOString() };
    });
  }

  async listBrokers(actor: Actor, id: string): Promise<DemandBrokerResponse[]> {
    const m = this.tx.manager;
    const d = await this.access.requireFollowed(m, actor, id);
    const rows = await this.repo.listBrokers(m, d.id);
    const users = await Promise.all(rows.map((r) => this.identity.findUser(r.userId)));
    return rows.map((r, i) => ({ demandId: r.demandId, userId: r.userId, displayName: users[i]?.displayName ?? '', assignedAt: r.assignedAt.toISOString() }));
  }

  // ---- import (called by the generic import framework inside its transaction) ----

  /** Upsert by source + externalId; the enterprise was resolved by the caller. Returns whether it was created. */
  async upsertImported(
    m: EntityManager,
    record: DemandImportRecord,
    enterprise: { id: string; name: string; creditCode: string | null; region: string; parkCode: string | null },
    importer: { userId: string; publish: boolean },
  ): Promise<{ id: string; created: boolean }> {
    this.checkContent({ industry: record.industry, field: record.field ?? null });
    const deadlineAt = this.checkDeadline(record.deadline);
    const source = record.source ?? 'manual';
    const existing = await this.repo.findBySourceAndExternalId(m, source, record.externalId);
    const content: Partial<Demand> = {
      title: record.title,
      description: record.description,
      keywords: normaliseKeywords(record.keywords),
      industry: record.industry,
      field: record.field ?? null,
      minTrl: record.minTrl ?? null,
      budget: record.budget ?? null,
      cooperationModes: record.cooperationModes ?? [],
      park: record.park ?? enterprise.parkCode ?? null,
      deadlineAt,
      visibility: record.visibility ?? 'public',
      enterpriseId: enterprise.id,
      enterpriseName: record.enterprise.name,
      enterpriseCreditCode: record.enterprise.creditCode ?? enterprise.creditCode,
      enterpriseRegion: enterprise.region,
      qualifications: record.enterprise.qualifications ?? [],
    };
    if (existing) {
      // A source's identifiers belong to one enterprise: another one's line must not take the demand over.
      if (existing.enterpriseId !== enterprise.id) throw DomainError.validation('externalId', { zh: '该外部编号已属于另一家企业的需求', en: "externalId already belongs to another enterprise's demand" }, 'externalIdTaken');
      assertDemandEditable(existing.status);
      const saved = await this.repo.save(m, { ...existing, ...content, version: existing.version + 1 });
      if (saved.status === 'published') {
        await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
        if ((existing.deadlineAt?.getTime() ?? null) !== (saved.deadlineAt?.getTime() ?? null)) await this.scheduleExpiry(m, saved);
      }
      return { id: saved.id, created: false };
    }
    // A platform administrator's `publish` import (an official collection campaign) goes live; others land as drafts.
    const now = this.clock.now();
    const saved = await this.repo.save(m, {
      ...content, source, externalId: record.externalId, status: importer.publish ? 'published' : 'draft', publishedAt: importer.publish ? now : null,
      statusChangedAt: now, createdBy: importer.userId, version: 1,
    });
    if (saved.status === 'published') {
      await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
      await this.scheduleExpiry(m, saved);
      await this.enqueueMatching(m, saved);
    }
    return { id: saved.id, created: true };
  }

  // ---- helpers ----

  private async changeStatus(m: EntityManager, d: Demand): Promise<Demand> {
    d.statusChangedAt = this.clock.now();
    d.version += 1;
    const saved = await this.repo.save(m, d);
    await this.outbox.indexChanged(m, DEMANDS_INDEX, saved.id);
    return saved;
  }

  /** One delayed job per (demand, deadline): a moved deadline gets a new job, the old one finds nothing to do. */
  private async scheduleExpiry(m: EntityManager, d: Demand): Promise<void> {
    if (d.status !== 'published' || !d.deadlineAt) return;
    await this.outbox.enqueue(m, JobName.DemandExpire, { demandId: d.id }, {
      jobId: `demand:${d.id}:expire:${d.deadlineAt.getTime()}`,
      delayMs: Math.max(0, d.deadlineAt.getTime() - this.clock.now().getTime()),
    });
  }

  private async enqueueMatching(m: EntityManager, d: Demand): Promise<void> {
    await this.outbox.enqueue(m, JobName.ComputeDemandMatches, { demandId: d.id }, { jobId: `demand:${d.id}:matches:${d.version}` });
  }

  private checkContent(d: { industry: string; field: string | null }): void {
    if (d.field && !isFieldOf(d.industry, d.field)) throw DemandErrors.fieldNotOfIndustry();
  }

  private checkDeadline(input: string | null | undefined): Date | null {
    if (!input) return null;
    const at = deadlineInstant(input);
    if (isDeadlinePassed(at, this.clock.now())) throw DemandErrors.pastDeadline();
    return at;
  }

  // ======== monitoring feeds ========

  /** Demands first published in [from, to), whatever their status since: the records behind monitoring's demands-posted figure. */
  async demandsPublishedBetween(from: Date, to: Date): Promise<PublishedDemandRecord[]> {
    const rows = await this.repo.publishedBetween(this.tx.manager, { from, to });
    return rows.map((r) => ({ id: r.id, park: r.park, industry: r.industry, minTrl: r.min_trl }));
  }

  /** Proposals awarded in [from, to), with the demand's park: the records behind monitoring's proposals-awarded figure. */
  async proposalsAwardedBetween(from: Date, to: Date): Promise<AwardedProposalRecord[]> {
    const rows = await this.repo.proposalsAwardedBetween(this.tx.manager, { from, to });
    return rows.map((r) => ({ proposalId: r.id, demandId: r.demand_id, park: r.park, awardedAt: new Date(r.decided_at).toISOString() }));
  }
}

function normaliseKeywords(keywords: string[] | undefined): string[] {
  return [...new Set((keywords ?? []).map((k) => k.trim()).filter(Boolean))];
}
