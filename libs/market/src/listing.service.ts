import { Injectable } from '@nestjs/common';
import { CatalogService } from '@techbridge/catalog';
import { ContractsService } from '@techbridge/contracts';
import { IdentityService } from '@techbridge/identity';
import { Actor, BeijingCalendar, Clock, DomainError, isPlatformStaff, JobName, OutboxService, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { CreateListingDto, ListingListQuery, ListingResponse, ListingRouteAction, mapListing, UpdateListingDto } from './dto/listing.dto';
import { MarketListing } from './entities/market-listing.entity';
import { EDITABLE_LISTING, LISTING_LIFECYCLE, PUBLIC_LISTING_STATUSES } from './listing.state-machine';
import { ListingPermission, MarketAccessPolicy } from './market-access.policy';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { fenToYuan, toFen } from './rules/auction-rules';
import { DealService } from './deal.service';
import { IntroductionService } from './introduction.service';

export const DEFAULT_LISTING_DAYS = 20;

/** Listings (挂牌): the owner's draft, review, the listing period on the holiday calendar, withdrawal and lapse. */
@Injectable()
export class ListingService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
    private readonly access: MarketAccessPolicy,
    private readonly catalog: CatalogService,
    private readonly identity: IdentityService,
    private readonly contracts: ContractsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly deals: DealService,
    private readonly introductions: IntroductionService,
  ) {}

  async create(actor: Actor, dto: CreateListingDto): Promise<ListingResponse> {
    const subject = await this.loadSubject(actor, dto.subject, dto.subjectId);
    const owner = await this.identity.findOrganisation(actor.orgId);
    if (!owner) throw MarketErrors.notOwner();
    return this.tx.run(async (m) => {
      const l = await this.repo.insertListing(m, {
        subject: dto.subject, subjectId: dto.subjectId, ...subject, ownerOrgId: owner.id, ownerType: owner.type, parkCode: owner.parkCode ?? null,
        ...this.terms(dto), listingDays: dto.listingDays ?? DEFAULT_LISTING_DAYS, status: 'draft', createdBy: actor.userId,
      });
      await this.identity.audit(m, actor, { action: 'create-listing', entityType: 'market-listing', entityId: l.id, changes: { subjectId: dto.subjectId } });
      return mapListing(l);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateListingDto): Promise<ListingResponse> {
    return this.tx.run(async (m) => {
      const l = await this.access.requireListing(m, actor, ListingPermission.Own, id, { lock: true });
      if (!EDITABLE_LISTING.includes(l.status)) throw DomainError.illegalTransition('market listing', l.status, 'edit');
      Object.assign(l, this.terms({ ...this.current(l), ...dto }));
      if (dto.listingDays !== undefined) l.listingDays = dto.listingDays;
      return mapListing(await this.repo.saveListing(m, l));
    });
  }

  /** Contact details only to the owner, staff and organisations it accepted an introduction from (staged disclosure). */
  async get(actor: Actor | null, id: string): Promise<ListingResponse> {
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Read, id);
    return mapListing(l, await this.introductions.maySeeContact(actor, l));
  }

  async list(actor: Actor | null, q: ListingListQuery): Promise<Page<ListingResponse>> {
    const { skip, take } = skipTake(q);
    const base = { industry: q.industry, transferMode: q.transferMode, q: q.q, skip, take };
    let filter;
    if (q.scope === 'mine') {
      if (!actor) return pageOf([], 0, q);
      filter = { ...base, ownerOrgId: actor.orgId, statuses: q.status ? [q.status] : null };
    } else if (q.scope === 'review') {
      if (!actor || !this.access.isReviewerOf(actor, { parkCode: actor.parkCode ?? null }) && !isPlatformStaff(actor)) return pageOf([], 0, q);
      filter = { ...base, statuses: ['under-review' as const], parkCode: isPlatformStaff(actor) ? null : actor.parkCode ?? null };
    } else {
      const statuses = q.status && PUBLIC_LISTING_STATUSES.includes(q.status) ? [q.status] : q.status ? [] : PUBLIC_LISTING_STATUSES;
      if (!statuses.length) return pageOf([], 0, q);
      filter = { ...base, statuses };
    }
    const [rows, total] = await this.repo.listListings(this.tx.manager, filter);
    return pageOf(rows.map((l) => mapListing(l, !!actor && (this.access.isOwner(actor, l) || isPlatformStaff(actor)))), total, q);
  }

  async transition(actor: Actor, id: string, action: ListingRouteAction, comment?: string): Promise<ListingResponse> {
    return this.tx.run(async (m) => {
      const permission = action === 'approve' || action === 'return' ? ListingPermission.Review : ListingPermission.Own;
      const l = await this.access.requireListing(m, actor, permission, id, { lock: true });
      if (permission === ListingPermission.Review) await this.identity.assertVerified(actor, m);
      const from = l.status;
      l.status = LISTING_LIFECYCLE.next(l.status, action, l.id);
      if (action === 'approve' || action === 'return') {
        l.reviewedBy = actor.userId;
        l.reviewComment = comment ?? null;
      }
      if (action === 'approve') await this.startListingPeriod(m, l);
      if (action === 'break-off') await this.deals.breakOff(m, l);
      const saved = await this.repo.saveListing(m, l);
      await this.identity.audit(m, actor, { action: `listing-${action}`, entityType: 'market-listing', entityId: id, changes: { from, to: l.status, comment } });
      return mapListing(saved);
    });
  }

  /** Job: the listing period is over; a listing still on offer (no negotiation, no auction) lapses. */
  async lapse(listingId: string): Promise<'lapsed' | 'skipped'> {
    return this.tx.run(async (m) => {
      const l = await this.repo.findListing(m, listingId, true);
      if (!l || l.status !== 'listed' || !l.listingEndsAt || this.clock.now() < l.listingEndsAt) return 'skipped';
      l.status = LISTING_LIFECYCLE.next(l.status, 'lapse', l.id);
      await this.repo.saveListing(m, l);
      return 'lapsed';
    });
  }

  /** The period runs for the listing's working days on the official holiday calendar, to the end of its last day. */
  private async startListingPeriod(m: import('typeorm').EntityManager, l: MarketListing): Promise<void> {
    const now = this.clock.now();
    const lastDay = await this.contracts.workingDaysAfter(BeijingCalendar.dateOf(now), l.listingDays, m);
    l.listedAt = now;
    l.listingEndsAt = BeijingCalendar.dayBounds(lastDay).to;
    const endsMs = l.listingEndsAt.getTime();
    await this.outbox.enqueue(m, JobName.MarketListingLapse, { listingId: l.id }, { jobId: `market-listing:${l.id}:lapse:${endsMs}`, delayMs: endsMs - now.getTime() });
  }

  private async loadSubject(actor: Actor, subject: 'achievement' | 'package', id: string) {
    if (subject === 'achievement') {
      const a = await this.catalog.getPublishedAchievement(id).catch(() => null);
      if (!a) throw MarketErrors.subjectNotFound();
      if (a.owner.id !== actor.orgId) throw MarketErrors.notOwner();
      return { achievementId: a.id, title: a.title, industry: a.industry, field: a.field, trl: a.trl };
    }
    const p = await this.catalog.getPublishedPackage(id).catch(() => null);
    if (!p) throw MarketErrors.subjectNotFound();
    if (p.curatorOrgId !== actor.orgId) throw MarketErrors.notOwner();
    return { achievementId: p.achievements[0]?.id ?? null, title: p.title, industry: p.industry, field: null, trl: p.trlMax ?? 1 };
  }

  private current(l: MarketListing): UpdateListingDto {
    return {
      transferMode: l.transferMode, territory: l.territory, termMonths: l.termMonths, price: Number(l.price), priceKind: l.priceKind,
      paymentTerms: l.paymentTerms, ipCovered: l.ipCovered, contact: l.contact,
    };
  }

  private terms(dto: UpdateListingDto) {
    return {
      transferMode: dto.transferMode!, territory: dto.territory!.trim(), termMonths: dto.termMonths!, price: fenToYuan(toFen(dto.price!)),
      priceKind: dto.priceKind!, paymentTerms: dto.paymentTerms!.trim(), ipCovered: dto.ipCovered ?? [],
      contact: { name: dto.contact!.name, ...(dto.contact!.phone ? { phone: dto.contact!.phone } : {}), ...(dto.contact!.email ? { email: dto.contact!.email } : {}) },
    };
  }
}
