import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, Clock, DomainError, OrgType, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { EngagementResponse, FinancingListQuery, InvestDto, mapEngagement, TermSheetDto } from './dto/financing.dto';
import { FinancingEngagement } from './entities/financing-engagement.entity';
import { FinancingRequest } from './entities/financing-request.entity';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, FinancingPermission, isInvestor } from './finance-access.policy';
import { ENGAGEMENT_LIFECYCLE, EngagementAction, FINANCING_LIFECYCLE, LISTED_STATUSES } from './finance.state-machine';
import { FinancingRepository } from './financing.repository';

/**
 * Talks between a request's owner and each investor. The request follows its engagements: the first investor
 * admitted opens the talks, a term sheet moves it to term sheet, an investment closes it funded.
 */
@Injectable()
export class EngagementService {
  constructor(
    private readonly repo: FinancingRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** A verified investor asks to join the talks (and see the data room); the owner decides. */
  async express(actor: Actor, requestId: string, note?: string): Promise<EngagementResponse> {
    if (!isInvestor(actor)) throw FinanceErrors.requestNotFound();
    const saved = await this.tx.run(async (m) => {
      await this.identity.assertVerified(actor, m);
      const { request, engagement } = await this.access.requireRequest(m, actor, FinancingPermission.Read, requestId, true);
      if (engagement) throw FinanceErrors.alreadyEngaged(engagement.status);
      if (!LISTED_STATUSES.includes(request.status)) throw DomainError.illegalTransition('financing request', request.status, 'engage');
      const e = await this.repo.saveEngagement(m, { requestId: request.id, investorId: actor.orgId, status: 'requested', note: note ?? null });
      await this.identity.audit(m, actor, { action: 'financing-engagement.request', entityType: 'financing-request', entityId: request.id, changes: { engagementId: e.id } });
      await this.notifications.notify({
        orgId: request.ownerId, kind: 'finance.engagement-requested', title: { zh: `投资机构希望洽谈「${request.title}」`, en: `An investor asks to talk about "${request.title}"` },
        link: `/workspace/financing/${request.id}`, dedupeKey: `engagement:${e.id}:requested`,
      }, m);
      return e;
    });
    return this.map(saved);
  }

  /** The owner invites a verified investor straight into the data room. */
  async invite(actor: Actor, requestId: string, investorId: string): Promise<EngagementResponse> {
    const investor = await this.identity.findOrganisation(investorId);
    if (!investor || investor.type !== OrgType.InvestmentFund || !investor.verified) throw FinanceErrors.investorNotFound();
    const saved = await this.tx.run(async (m) => {
      const { request } = await this.access.requireRequest(m, actor, FinancingPermission.Manage, requestId, true);
      const existing = await this.repo.findEngagementOf(m, request.id, investorId);
      if (existing && existing.status !== 'requested') throw FinanceErrors.alreadyEngaged(existing.status);
      this.openTalks(request, 'admit');
      if (request.status === 'published') request.status = FINANCING_LIFECYCLE.next(request.status, 'start-talks', request.id);
      await this.repo.saveRequest(m, request);
      const e = await this.repo.saveEngagement(m, { ...(existing ?? {}), requestId: request.id, investorId, status: 'admitted' });
      await this.identity.audit(m, actor, { action: 'financing-engagement.invite', entityType: 'financing-request', entityId: request.id, changes: { investorId } });
      await this.notifyInvestor(m, e, request, 'admit');
      return e;
    });
    return this.map(saved);
  }

  /** The owner's step on one engagement (the investor may only end its own talks). */
  async decide(actor: Actor, requestId: string, engagementId: string, action: EngagementAction, body: { amount?: number; note?: string } = {}): Promise<EngagementResponse> {
    const saved = await this.tx.run(async (m) => {
      const ownerSide = action !== 'end' || !isInvestor(actor);
      const { request } = await this.access.requireRequest(m, actor, ownerSide ? FinancingPermission.Manage : FinancingPermission.Read, requestId, true);
      const e = await this.repo.findEngagement(m, request.id, engagementId, true);
      if (!e || (!ownerSide && e.investorId !== actor.orgId)) throw FinanceErrors.engagementNotFound();
      ENGAGEMENT_LIFECYCLE.assert(e.status, action);
      this.applyToRequest(request, e, action, body.amount);
      e.status = ENGAGEMENT_LIFECYCLE.next(e.status, action, e.id);
      if (body.note !== undefined) e.note = body.note;
      if (action === 'term-sheet') e.termSheetAmount = body.amount ?? null;
      if (action === 'invest') {
        e.investedAmount = body.amount ?? null;
        e.investedAt = this.clock.now();
      }
      const others = await this.repo.listEngagements(m, request.id);
      // A lapsed term sheet reopens the talks when no other investor holds one.
      if (action === 'end' && request.status === 'term-sheet' && !others.some((o) => o.id !== e.id && o.status === 'term-sheet')) {
        request.status = FINANCING_LIFECYCLE.next(request.status, 'reopen-talks', request.id);
      }
      await this.repo.saveRequest(m, request);
      const saved = await this.repo.saveEngagement(m, e);
      await this.identity.audit(m, actor, { action: `financing-engagement.${action}`, entityType: 'financing-request', entityId: request.id, changes: { engagementId: e.id, ...body } });
      await this.notifyInvestor(m, saved, request, action);
      return saved;
    });
    return this.map(saved);
  }

  /** The request's side of an engagement step; a request that is not (or no longer) in talks refuses it with 409. */
  private applyToRequest(r: FinancingRequest, e: FinancingEngagement, action: EngagementAction, amount?: number): void {
    switch (action) {
      case 'admit':
        this.openTalks(r, action);
        if (r.status === 'published') r.status = FINANCING_LIFECYCLE.next(r.status, 'start-talks', r.id);
        return;
      case 'term-sheet':
        this.requireAmount(amount);
        if (r.status === 'in-talks') r.status = FINANCING_LIFECYCLE.next(r.status, 'agree-term-sheet', r.id);
        else if (r.status !== 'term-sheet') throw DomainError.illegalTransition('financing request', r.status, action);
        return;
      case 'invest':
        this.requireAmount(amount);
        r.status = FINANCING_LIFECYCLE.next(r.status, 'close-funded', r.id);
        r.fundedAmount = amount!;
        r.leadInvestorId = e.investorId;
        r.fundedAt = this.clock.now();
        return;
      case 'decline':
      case 'end':
        return;
    }
  }

  private openTalks(r: FinancingRequest, action: string): void {
    if (!['published', 'in-talks', 'term-sheet'].includes(r.status)) throw DomainError.illegalTransition('financing request', r.status, action);
  }

  private requireAmount(amount: number | undefined): void {
    if (amount == null || amount <= 0) throw FinanceErrors.amountField('amount', { zh: '金额必须大于零', en: 'amount must be positive' });
  }

  async listOfRequest(actor: Actor, requestId: string): Promise<EngagementResponse[]> {
    const { request } = await this.access.requireRequest(this.tx.manager, actor, FinancingPermission.Manage, requestId);
    const rows = await this.repo.listEngagements(this.tx.manager, request.id);
    const orgs = await this.identity.findOrganisations(rows.map((r) => r.investorId));
    return rows.map((e) => mapEngagement(e, orgs.get(e.investorId)?.name ?? null));
  }

  async mine(actor: Actor, q: FinancingListQuery): Promise<Page<EngagementResponse>> {
    if (!isInvestor(actor)) throw FinanceErrors.notAnInvestor();
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listEngagementsOfInvestor(this.tx.manager, actor.orgId, skip, take);
    return pageOf(rows.map((e) => mapEngagement(e, null)), total, q);
  }

  private async map(e: FinancingEngagement): Promise<EngagementResponse> {
    const org = await this.identity.findOrganisation(e.investorId);
    return mapEngagement(e, org?.name ?? null);
  }

  private async notifyInvestor(m: EntityManager, e: FinancingEngagement, r: FinancingRequest, action: EngagementAction): Promise<void> {
    if (action !== 'admit' && action !== 'decline') return;
    const admitted = action === 'admit';
    await this.notifications.notify({
      orgId: e.investorId, kind: admitted ? 'finance.data-room-admitted' : 'finance.engagement-declined',
      title: admitted ? { zh: `「${r.title}」已向您开放资料室`, en: `The data room of "${r.title}" is open to you` } : { zh: `「${r.title}」暂不安排洽谈`, en: `"${r.title}" declined talks for now` },
      link: `/workspace/deal-flow/${r.id}`, dedupeKey: `engagement:${e.id}:${action}`,
    }, m);
  }
}
