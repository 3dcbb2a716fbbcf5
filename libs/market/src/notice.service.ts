import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, BeijingCalendar, Clock, DomainError, isPlatformStaff, JobName, OutboxService, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { DealContractService } from './deal-contract.service';
import { AnswerObjectionDto, DecideObjectionDto, LodgeObjectionDto, mapNotice, mapObjection, NoticeListQuery, NoticeResponse, ObjectionResponse } from './dto/notice.dto';
import { MarketListing } from './entities/market-listing.entity';
import { MarketNotice } from './entities/market-notice.entity';
import { LISTING_LIFECYCLE } from './listing.state-machine';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { NOTICE_LIFECYCLE, OBJECTION_LIFECYCLE } from './notice.state-machine';
import { NOTICE_POLICY, noticePolicyInForce } from './rules/notice-policy';

const DAY_MS = 86_400_000;

/**
 * Public notice (公示) of a public seller's negotiated deal. The clock runs in natural days per the policy version in
 * force; an objection pauses it until the owner has answered and staff have decided every objection; a sustained
 * objection cancels the notice and puts the listing back on the market; a notice that runs out becomes a contract.
 */
@Injectable()
export class NoticeService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly drafts: DealContractService,
  ) {}

  /** Whether the seller's deals must be published before they become contracts (policy in force today). */
  requiresNotice(ownerType: string): boolean {
    return noticePolicyInForce(NOTICE_POLICY, BeijingCalendar.dateOf(this.clock.now())).sellerTypes.includes(ownerType);
  }

  async start(m: EntityManager, l: MarketListing, createdBy: string): Promise<MarketNotice> {
    const now = this.clock.now();
    const policy = noticePolicyInForce(NOTICE_POLICY, BeijingCalendar.dateOf(now));
    const orgs = await this.identity.findOrganisations([l.ownerOrgId, l.dealBuyerOrgId!], m);
    const n = await this.repo.insertNotice(m, {
      listingId: l.id, sellerOrgId: l.ownerOrgId, buyerOrgId: l.dealBuyerOrgId!, amount: l.dealAmount!, status: 'running', policyVersion: policy.from,
      noticeDays: policy.days, startedAt: now, endsAt: new Date(now.getTime() + policy.days * DAY_MS), remainingMs: null, createdBy,
      terms: {
        title: l.title, achievementId: l.achievementId, seller: orgs.get(l.ownerOrgId)?.name ?? '', buyer: orgs.get(l.dealBuyerOrgId!)?.name ?? '',
        transferMode: l.transferMode, territory: l.territory, termMonths: l.termMonths, paymentTerms: l.paymentTerms, ipCovered: l.ipCovered,
      },
    });
    await this.scheduleEnd(m, n);
    return n;
  }

  async list(q: NoticeListQuery): Promise<Page<NoticeResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listNotices(this.tx.manager, q.when === 'past' ? ['ended', 'cancelled'] : ['running', 'paused'], skip, take);
    return pageOf(rows.map((n) => mapNotice(n, [])), total, q);
  }

  async get(actor: Actor | null, id: string): Promise<NoticeResponse> {
    const n = await this.repo.findNotice(this.tx.manager, id);
    if (!n) throw MarketErrors.noticeNotFound();
    return this.view(this.tx.manager, actor, n);
  }

  async lodge(actor: Actor, noticeId: string, dto: LodgeObjectionDto): Promise<NoticeResponse> {
    return this.tx.run(async (m) => {
      const n = await this.repo.findNotice(m, noticeId, true);
      if (!n) throw MarketErrors.noticeNotFound();
      if (n.status !== 'running' && n.status !== 'paused') throw DomainError.illegalTransition('public notice', n.status, 'object');
      if (actor.orgId === n.sellerOrgId || actor.orgId === n.buyerOrgId) throw MarketErrors.objectorIsParty();
      await this.repo.insertObjection(m, {
        noticeId, objectorUserId: actor.userId, objectorOrgId: actor.orgId, realName: dto.realName.trim(), contactPhone: dto.contactPhone,
        grounds: dto.grounds, evidence: dto.evidence, status: 'open',
      });
      if (n.status === 'running') this.pause(n);
      await this.repo.saveNotice(m, n);
      return this.view(m, actor, n);
    });
  }

  async answer(actor: Actor, objectionId: string, dto: AnswerObjectionDto): Promise<ObjectionResponse> {
    return this.tx.run(async (m) => {
      const { o, n } = await this.loadObjection(m, objectionId);
      if (actor.orgId !== n.sellerOrgId) throw MarketErrors.notOwner();
      o.status = OBJECTION_LIFECYCLE.next(o.status, 'answer', o.id);
      o.ownerAnswer = dto.answer;
      o.answeredAt = this.clock.now();
      return mapObjection(await this.repo.saveObjection(m, o), true);
    });
  }

  async decide(actor: Actor, objectionId: string, dto: DecideObjectionDto): Promise<NoticeResponse> {
    if (!isPlatformStaff(actor)) throw MarketErrors.notStaff();
    return this.tx.run(async (m) => {
      const { o, n } = await this.loadObjection(m, objectionId, true);
      o.status = OBJECTION_LIFECYCLE.next(o.status, dto.decision, o.id);
      o.decidedBy = actor.userId;
      o.decisionReason = dto.reason;
      o.decidedAt = this.clock.now();
      await this.repo.saveObjection(m, o);
      if (o.status === 'sustained' && n.status !== 'cancelled' && n.status !== 'ended') await this.cancel(m, n);
      else if (n.status === 'paused') {
        const undecided = (await this.repo.objectionsOf(m, n.id)).some((x) => x.status === 'open' || x.status === 'answered');
        if (!undecided) await this.resume(m, n);
      }
      await this.identity.audit(m, actor, { action: `objection-${dto.decision}`, entityType: 'market-objection', entityId: o.id, changes: { reason: dto.reason } });
      return this.view(m, actor, n);
    });
  }

  /** Job: the notice ran its full time without a sustained objection: the deal becomes a draft contract. */
  async end(noticeId: string): Promise<'ended' | 'skipped'> {
    return this.tx.run(async (m) => {
      const n = await this.repo.findNotice(m, noticeId, true);
      if (!n || n.status !== 'running' || !n.endsAt || this.clock.now() < n.endsAt) return 'skipped';
      n.status = NOTICE_LIFECYCLE.next(n.status, 'end', n.id);
      n.endedAt = this.clock.now();
      await this.repo.saveNotice(m, n);
      const l = await this.repo.findListing(m, n.listingId, true);
      if (l && l.status === 'deal') await this.drafts.draftContract(m, l, n.createdBy);
      return 'ended';
    });
  }

  private pause(n: MarketNotice): void {
    n.status = NOTICE_LIFECYCLE.next(n.status, 'pause', n.id);
    n.remainingMs = String(Math.max(0, n.endsAt!.getTime() - this.clock.now().getTime()));
    n.endsAt = null;
  }

  private async resume(m: EntityManager, n: MarketNotice): Promise<void> {
    n.status = NOTICE_LIFECYCLE.next(n.status, 'resume', n.id);
    n.endsAt = new Date(this.clock.now().getTime() + Number(n.remainingMs ?? 0));
    n.remainingMs = null;
    await this.repo.saveNotice(m, n);
    await this.scheduleEnd(m, n);
  }

  private async cancel(m: EntityManager, n: MarketNotice): Promise<void> {
    n.status = NOTICE_LIFECYCLE.next(n.status, 'cancel', n.id);
    n.endedAt = this.clock.now();
    n.endsAt = null;
    await this.repo.saveNotice(m, n);
    const l = await this.repo.findListing(m, n.listingId, true);
    if (!l || l.status !== 'deal') return;
    l.status = LISTING_LIFECYCLE.next(l.status, 'reopen', l.id);
    if (l.acceptedIntentId) {
      const intent = await this.repo.findIntent(m, l.acceptedIntentId);
      if (intent) await this.repo.saveIntent(m, Object.assign(intent, { status: 'declined' }));
    }
    Object.assign(l, { acceptedIntentId: null, dealAmount: null, dealBuyerOrgId: null });
    await this.repo.saveListing(m, l);
  }

  /** One delayed job per end instant: a resumed notice gets a new one, the old one finds the clock moved and skips. */
  private async scheduleEnd(m: EntityManager, n: MarketNotice): Promise<void> {
    const endsMs = n.endsAt!.getTime();
    await this.outbox.enqueue(m, JobName.MarketNoticeEnd, { noticeId: n.id }, { jobId: `market-notice:${n.id}:end:${endsMs}`, delayMs: endsMs - this.clock.now().getTime() });
  }

  private async loadObjection(m: EntityManager, id: string, lockNotice = false) {
    const o = await this.repo.findObjection(m, id);
    if (!o) throw MarketErrors.objectionNotFound();
    const n = await this.repo.findNotice(m, o.noticeId, lockNotice);
    if (!n) throw MarketErrors.objectionNotFound();
    return { o, n };
  }

  private async view(m: EntityManager, actor: Actor | null, n: MarketNotice): Promise<NoticeResponse> {
    const party = !!actor && (isPlatformStaff(actor) || actor.orgId === n.sellerOrgId || actor.orgId === n.buyerOrgId);
    const objections = await this.repo.objectionsOf(m, n.id);
    return mapNotice(n, objections.map((o) => mapObjection(o, party || (!!actor && actor.userId === o.objectorUserId))));
  }
}
