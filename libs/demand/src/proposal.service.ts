import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, DomainError, OrgType, TransactionRunner } from '@techbridge/platform';
import { CatalogService } from '@techbridge/catalog';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { deadlineDate, isDeadlinePassed } from './demand.deadline';
import { DemandErrors } from './demand.exception';
import { DemandRepository } from './demand.repository';
import { DemandService } from './demand.service';
import { ProposalAction, transitionProposal } from './demand.state-machine';
import { DeclineProposalDto, mapProposal, ProposalResponse, SubmitProposalDto } from './dto/proposal.dto';
import { Demand } from './entities/demand.entity';
import { Proposal } from './entities/proposal.entity';

export const AUTO_DECLINE_ON_AWARD = 'another proposal awarded';
const PROPOSER_ORG_TYPES: OrgType[] = [OrgType.University, OrgType.Institute];

/**
 * Solution proposals (揭榜 / 招投标). A proposal is visible only to its submitter organisation, the enterprise
 * and the brokers assigned to the demand; everyone else gets 404. Only the enterprise decides on proposals.
 */
@Injectable()
export class ProposalService {
  constructor(
    private readonly repo: DemandRepository,
    private readonly demands: DemandService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly catalog: CatalogService,
  ) {}

  async submit(actor: Actor, demandId: string, dto: SubmitProposalDto): Promise<ProposalResponse> {
    if (!PROPOSER_ORG_TYPES.includes(actor.orgType)) throw DemandErrors.notAProposer();
    const org = await this.identity.findOrganisation(actor.orgId);
    if (!org) throw DemandErrors.notAProposer();
    await this.checkAchievements(actor.orgId, dto.achievementIds ?? []);
    return this.tx.run(async (m) => {
      // Lock the demand so an award or a close cannot slip between the checks and the insert.
      const d = await this.repo.findByIdForUpdate(m, demandId);
      // A draft is the enterprise's alone: 404 here as on GET, never a 409 that would reveal its state.
      if (!d || !this.demands.isVisible(actor, d)) throw DemandErrors.demandNotFound();
      if (d.status !== 'published') throw DomainError.illegalTransition('demand', d.status, 'propose');
      if (isDeadlinePassed(d.deadlineAt, this.clock.now())) throw DemandErrors.deadlinePassed(d.status, deadlineDate(d.deadlineAt!));
      if (await this.repo.hasOpenProposalFrom(m, d.id, actor.orgId)) throw DemandErrors.duplicateProposal();
      const p = await this.repo.saveProposal(m, {
        demandId: d.id,
        proposerOrgId: org.id,
        proposerOrgName: org.name,
        submittedBy: actor.userId,
        approach: dto.approach,
        team: (dto.team ?? []).map((t) => ({ name: t.name, ...(t.title ? { title: t.title } : {}), ...(t.role ? { role: t.role } : {}) })),
        price: dto.price ?? null,
        timeline: dto.timeline,
        durationMonths: dto.durationMonths ?? null,
        achievementIds: dto.achievementIds ?? [],
        status: 'submitted',
      });
      await this.notifications.notify({
        orgId: d.enterpriseId, kind: 'demand.proposal-submitted', dedupeKey: `proposal:${p.id}:submitted`, link: `/demands/${d.id}/proposals/${p.id}`,
        title: { zh: `${org.name} 对需求「${d.title}」提交了揭榜方案`, en: `${org.name} proposed a solution to '${d.title}'` },
      }, m);
      await this.notifyBrokers(m, d, p, { zh: `需求「${d.title}」收到新的揭榜方案`, en: `New proposal for '${d.title}'` });
      await this.identity.audit(m, actor, { action: 'proposal.submit', entityType: 'proposal', entityId: p.id, changes: { demandId: d.id } });
      return mapProposal(p);
    });
  }

  /** The enterprise and assigned brokers see every proposal; a proposer sees its own; anyone else 404. */
  async list(actor: Actor, demandId: string): Promise<ProposalResponse[]> {
    const m = this.tx.manager;
    const d = await this.repo.findById(m, demandId);
    if (!d || !this.demands.isVisible(actor, d)) throw DemandErrors.demandNotFound();
    if (await this.seesAll(m, actor, d)) return (await this.repo.listProposals(m, d.id)).map(mapProposal);
    return (await this.repo.listProposals(m, d.id, actor.orgId)).map(mapProposal);
  }

  async get(actor: Actor, id: string): Promise<ProposalResponse> {
    const m = this.tx.manager;
    const p = await this.repo.findProposal(m, id);
    const d = p ? await this.repo.findById(m, p.demandId) : null;
    if (!p || !d || !(p.proposerOrgId === actor.orgId || (await this.seesAll(m, actor, d)))) throw DemandErrors.proposalNotFound();
    return mapProposal(p);
  }

  shortlist(actor: Actor, id: string): Promise<ProposalResponse> {
    return this.decide(actor, id, 'shortlist');
  }

  decline(actor: Actor, id: string, dto: DeclineProposalDto): Promise<ProposalResponse> {
    return this.decide(actor, id, 'decline', dto.reason);
  }

  /** Award one proposal: the demand moves to in-negotiation and every other open proposal is declined. */
  award(actor: Actor, id: string): Promise<ProposalResponse> {
    return this.decide(actor, id, 'award');
  }

  async withdraw(actor: Actor, id: string): Promise<ProposalResponse> {
    return this.tx.run(async (m) => {
      const p = await this.repo.findProposal(m, id);
      if (!p || p.proposerOrgId !== actor.orgId) throw DemandErrors.proposalNotFound();
      const d = await this.repo.findByIdForUpdate(m, p.demandId);
      p.status = transitionProposal(p.status, 'withdraw');
      p.decidedAt = this.clock.now();
      const saved = await this.repo.saveProposal(m, p);
      if (d) {
        await this.notifications.notify({
          orgId: d.enterpriseId, kind: 'demand.proposal-withdrawn', dedupeKey: `proposal:${p.id}:withdrawn`, link: `/demands/${d.id}/proposals`,
          title: { zh: `${p.proposerOrgName} 撤回了对「${d.title}」的揭榜方案`, en: `${p.proposerOrgName} withdrew its proposal for '${d.title}'` },
        }, m);
      }
      await this.identity.audit(m, actor, { action: 'proposal.withdraw', entityType: 'proposal', entityId: p.id });
      return mapProposal(saved);
    });
  }

  private async decide(actor: Actor, id: string, action: Exclude<ProposalAction, 'withdraw'>, reason?: string): Promise<ProposalResponse> {
    return this.tx.run(async (m) => {
      const found = await this.repo.findProposal(m, id);
      // Only the enterprise decides; to anyone else (proposer, broker, stranger) the action does not exist.
      const d = found ? await this.repo.findByIdForUpdate(m, found.demandId) : null;
      if (!found || !d || d.enterpriseId !== actor.orgId) throw DemandErrors.proposalNotFound();
      const p = (await this.repo.findProposal(m, id))!;
      if (d.status !== 'published') throw DomainError.illegalTransition('demand', d.status, action);
      p.status = transitionProposal(p.status, action);
      p.decidedAt = this.clock.now();
      p.decidedBy = actor.userId;
      if (action === 'decline') p.declineReason = reason ?? null;
      const saved = await this.repo.saveProposal(m, p);
      if (action === 'award') {
        await this.demands.startNegotiation(m, d);
        for (const other of await this.repo.findOpenProposals(m, d.id)) {
          await this.repo.saveProposal(m, { ...other, status: 'declined', declineReason: AUTO_DECLINE_ON_AWARD, decidedAt: this.clock.now(), decidedBy: actor.userId });
          await this.notifyProposer(m, d, other, 'declined', AUTO_DECLINE_ON_AWARD);
        }
      }
      await this.notifyProposer(m, d, saved, saved.status as 'shortlisted' | 'awarded' | 'declined', saved.declineReason);
      if (action === 'award') await this.notifyBrokers(m, d, saved, { zh: `需求「${d.title}」已选定揭榜方：${saved.proposerOrgName}`, en: `'${d.title}' awarded to ${saved.proposerOrgName}` });
      await this.identity.audit(m, actor, { action: `proposal.${action}`, entityType: 'proposal', entityId: p.id, changes: reason ? { reason } : {} });
      return mapProposal(saved);
    });
  }

  private async seesAll(m: EntityManager, actor: Actor, d: Demand): Promise<boolean> {
    return d.enterpriseId === actor.orgId || (await this.demands.isAssignedBroker(m, actor, d.id));
  }

  /** Linked achievements must be published and belong to the proposing organisation. */
  private async checkAchievements(orgId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = new Map((await this.catalog.getAchievementsByIds(ids)).map((a) => [a.id, a]));
    ids.forEach((id, i) => {
      const a = found.get(id);
      if (!a || a.status !== 'published' || a.owner.id !== orgId) {
        throw DomainError.validation(`achievementIds[${i}]`, { zh: '只能关联本单位已发布的科技成果', en: 'Only published achievements of your own organisation can be linked' }, 'ownPublishedAchievement');
      }
    });
  }

  private async notifyProposer(m: EntityManager, d: Demand, p: Proposal, outcome: 'shortlisted' | 'awarded' | 'declined', reason: string | null): Promise<void> {
    const text = {
      shortlisted: { zh: `您对「${d.title}」的揭榜方案已入围`, en: `Your proposal for '${d.title}' was shortlisted` },
      awarded: { zh: `恭喜！您对「${d.title}」的揭榜方案已中选`, en: `Your proposal for '${d.title}' was awarded` },
      declined: { zh: `您对「${d.title}」的揭榜方案未被采纳`, en: `Your proposal for '${d.title}' was declined` },
    }[outcome];
    await this.notifications.notify({
      orgId: p.proposerOrgId, kind: `demand.proposal-${outcome}`, dedupeKey: `proposal:${p.id}:${outcome}`, link: `/demands/${d.id}/proposals/${p.id}`,
      title: text, body: reason ? { zh: `原因：${reason}`, en: `Reason: ${reason}` } : undefined, data: { demandId: d.id, proposalId: p.id },
    }, m);
  }

  private async notifyBrokers(m: EntityManager, d: Demand, p: Proposal, title: { zh: string; en: string }): Promise<void> {
    const brokers = await this.repo.listBrokers(m, d.id);
    await this.notifications.notify(brokers.map((b) => ({
      userId: b.userId, kind: 'demand.proposal-activity', dedupeKey: `proposal:${p.id}:${p.status}:broker:${b.userId}`, link: `/demands/${d.id}/proposals/${p.id}`, title,
    })), m);
  }
}
