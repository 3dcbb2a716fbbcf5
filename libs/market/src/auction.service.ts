import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { RoadshowService } from '@techbridge/roadshow';
import { Actor, Clock, DomainError, FileStorage, isPlatformStaff, JobName, OrgType, OutboxService, storePdf, TransactionRunner } from '@techbridge/platform';
import { AuctionResponse, BidderResponse, CreateAuctionDto, mapAuction, mapBidder, RegisterBidderDto } from './dto/auction.dto';
import { MarketAuction } from './entities/market-auction.entity';
import { LISTING_LIFECYCLE } from './listing.state-machine';
import { ListingPermission, MarketAccessPolicy } from './market-access.policy';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { AuctionClock, AuctionTerms, fenToYuan, genesisHash, LadderStep, minimumNextBid, toFen } from './rules/auction-rules';

const MAX_LETTER_BYTES = 10 * 1024 * 1024;
const BIDDER_TYPES: OrgType[] = [OrgType.Enterprise, OrgType.University, OrgType.Institute];

export function auctionTerms(a: MarketAuction): AuctionTerms {
  return {
    startFen: toFen(a.startPrice), reserveFen: toFen(a.reservePrice), ladder: a.ladder, startsAtMs: a.startsAt.getTime(),
    extensionMs: a.extensionMinutes * 60_000, maxExtensions: a.maxExtensions,
  };
}

export function auctionClock(a: MarketAuction, highOrgId: string | null): AuctionClock {
  return { closesAtMs: a.closesAt.getTime(), extensions: a.extensions, highFen: a.highAmount === null ? null : toFen(a.highAmount), highOrgId };
}

/** Auctions: announcing one on a listing with two or more intents, bidder registration (letter, deposit confirmed by staff). */
@Injectable()
export class AuctionService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
    private readonly access: MarketAccessPolicy,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
    private readonly roadshow: RoadshowService,
  ) {}

  async create(actor: Actor, listingId: string, dto: CreateAuctionDto): Promise<AuctionResponse> {
    const ladder = this.ladder(dto.ladder);
    const startsAt = new Date(dto.startsAt);
    const now = this.clock.now();
    if (Number.isNaN(startsAt.getTime()) || startsAt.getTime() < now.getTime() - 60_000) throw MarketErrors.badTimes();
    if (toFen(dto.reservePrice) < toFen(dto.startPrice)) throw MarketErrors.reserveBelowStart();
    return this.tx.run(async (m) => {
      const l = await this.access.requireListing(m, actor, ListingPermission.Own, listingId, { lock: true });
      LISTING_LIFECYCLE.assert(l.status, 'start-auction');
      const open = (await this.repo.intentsOfListing(m, l.id)).filter((i) => i.status === 'open').length;
      if (open < 2) throw MarketErrors.notEnoughIntents(open);
      l.status = LISTING_LIFECYCLE.next(l.status, 'start-auction', l.id);
      await this.repo.saveListing(m, l);
      const closesAt = new Date(startsAt.getTime() + dto.durationMinutes * 60_000);
      if (dto.roadshowEventId) {
        // A session of a roadshow: the event must take it, with room for every extension the late bids may cause.
        const latest = closesAt.getTime() + (dto.maxExtensions ?? 3) * (dto.extensionMinutes ?? 5) * 60_000;
        await this.roadshow.auctionSession({ eventId: dto.roadshowEventId, sellerOrgId: l.ownerOrgId, subjectId: l.subjectId, startsAt, endsAt: new Date(latest) }, m);
      }
      const id = randomUUID();
      const a = await this.repo.insertAuction(m, {
        id, listingId: l.id, roadshowEventId: dto.roadshowEventId ?? null, status: 'announced', startsAt, scheduledCloseAt: closesAt, closesAt,
        startPrice: fenToYuan(toFen(dto.startPrice)), reservePrice: fenToYuan(toFen(dto.reservePrice)), ladder, depositAmount: fenToYuan(toFen(dto.depositAmount)),
        extensionMinutes: dto.extensionMinutes ?? 5, maxExtensions: dto.maxExtensions ?? 3, confirmHours: dto.confirmHours ?? 72, lastHash: genesisHash(id), createdBy: actor.userId,
      });
      await this.scheduleClose(m, a);
      await this.identity.audit(m, actor, { action: 'announce-auction', entityType: 'market-auction', entityId: a.id, changes: { listingId: l.id } });
      return this.view(a, null);
    });
  }

  async get(id: string): Promise<AuctionResponse> {
    const a = await this.repo.findAuction(this.tx.manager, id);
    if (!a) throw MarketErrors.auctionNotFound();
    const l = await this.repo.findListing(this.tx.manager, a.listingId);
    return this.view(a, a.status === 'sold' ? l?.contractId ?? null : null);
  }

  async auctionsOfListing(actor: Actor | null, listingId: string): Promise<AuctionResponse[]> {
    const l = await this.access.requireListing(this.tx.manager, actor, ListingPermission.Read, listingId);
    return (await this.repo.auctionsOfListing(this.tx.manager, l.id)).map((a) => this.view(a, a.status === 'sold' ? l.contractId : null));
  }

  /** The auctions held as sessions of a roadshow event, in the order they start (the event's programme shows them). */
  async auctionsOfRoadshow(eventId: string): Promise<AuctionResponse[]> {
    const rows = await this.repo.auctionsOfRoadshow(this.tx.manager, eventId);
    const contracts = new Map((await Promise.all(rows.filter((a) => a.status === 'sold').map((a) => this.repo.findListing(this.tx.manager, a.listingId)))).map((l) => [l?.id, l?.contractId ?? null]));
    return rows.map((a) => this.view(a, a.status === 'sold' ? contracts.get(a.listingId) ?? null : null));
  }

  async registerBidder(actor: Actor, auctionId: string, dto: RegisterBidderDto): Promise<BidderResponse> {
    return this.tx.run(async (m) => {
      const a = await this.repo.findAuction(m, auctionId, true);
      if (!a) throw MarketErrors.auctionNotFound();
      const l = await this.repo.findListing(m, a.listingId);
      if (l && this.access.isOwner(actor, l)) throw MarketErrors.ownListing();
      if (!BIDDER_TYPES.includes(actor.orgType)) throw MarketErrors.buyerTypeNotAllowed();
      await this.identity.assertVerified(actor, m);
      if (a.status !== 'announced' && a.status !== 'live') throw MarketErrors.registrationClosed();
      if (await this.repo.bidderOf(m, a.id, actor.orgId)) throw new DomainError('conflict', 'BIDDER_EXISTS', { zh: '贵单位已登记竞买', en: 'Your organisation is already registered' });
      const b = await this.repo.insertBidder(m, {
        auctionId: a.id, orgId: actor.orgId, userId: actor.userId, paddle: await this.repo.nextPaddle(m, a.id), depositReference: dto.depositReference.trim(), depositStatus: 'recorded',
      });
      return mapBidder(b);
    });
  }

  /** The authorisation letter (授权委托书), a PDF kept in file storage; replaced until the deposit is confirmed. */
  async uploadLetter(actor: Actor, bidderId: string, file: { filename: string; mimetype: string; content: Readable | Buffer }): Promise<BidderResponse> {
    const bidder = await this.repo.findBidder(this.tx.manager, bidderId);
    if (!bidder || bidder.orgId !== actor.orgId) throw MarketErrors.bidderNotFound();
    if (bidder.depositStatus !== 'recorded') throw DomainError.illegalTransition('bidder registration', bidder.depositStatus, 'upload-letter');
    const key = `market/bidders/${bidder.id}/letter-${randomUUID()}.pdf`;
    await storePdf(this.storage, key, file.content, MAX_LETTER_BYTES, MarketErrors.letterNotAPdf);
    return this.tx.run(async (m) => {
      const b = (await this.repo.findBidder(m, bidderId))!;
      const old = b.letterKey;
      b.letterKey = key;
      b.letterName = file.filename.slice(0, 200);
      const saved = await this.repo.saveBidder(m, b);
      if (old) await this.storage.remove(old).catch(() => undefined);
      return mapBidder(saved);
    });
  }

  /** Staff confirm the deposit arrived (and the letter is on file): the organisation may bid. */
  async confirmDeposit(actor: Actor, bidderId: string): Promise<BidderResponse> {
    this.access.requireStaff(actor);
    return this.tx.run(async (m) => {
      const b = await this.repo.findBidder(m, bidderId);
      if (!b) throw MarketErrors.bidderNotFound();
      if (b.depositStatus !== 'recorded') throw DomainError.illegalTransition('bidder registration', b.depositStatus, 'confirm-deposit');
      if (!b.letterKey) throw MarketErrors.letterMissing();
      b.depositStatus = 'confirmed';
      b.confirmedBy = actor.userId;
      await this.identity.audit(m, actor, { action: 'confirm-deposit', entityType: 'market-bidder', entityId: b.id, changes: { reference: b.depositReference } });
      return mapBidder(await this.repo.saveBidder(m, b));
    });
  }

  /** Staff and the listing's owner see every registration; a bidder sees only its own (never another's deposit). */
  async bidders(actor: Actor, auctionId: string): Promise<BidderResponse[]> {
    const a = await this.repo.findAuction(this.tx.manager, auctionId);
    if (!a) throw MarketErrors.auctionNotFound();
    const l = await this.repo.findListing(this.tx.manager, a.listingId);
    const all = isPlatformStaff(actor) || (!!l && this.access.isOwner(actor, l));
    return (await this.repo.biddersOf(this.tx.manager, a.id)).filter((b) => all || b.orgId === actor.orgId).map(mapBidder);
  }

  async scheduleClose(m: EntityManager, a: MarketAuction): Promise<void> {
    const closeMs = a.closesAt.getTime();
    await this.outbox.enqueue(m, JobName.MarketAuctionClose, { auctionId: a.id }, { jobId: `market-auction:${a.id}:close:${closeMs}`, delayMs: closeMs - this.clock.now().getTime() });
  }

  view(a: MarketAuction, contractId: string | null): AuctionResponse {
    return mapAuction(a, Number(fenToYuan(minimumNextBid(auctionTerms(a), auctionClock(a, null)))), contractId);
  }

  private ladder(steps: Array<{ from: number; step: number }>): LadderStep[] {
    const ladder = steps.map((s) => ({ from: toFen(s.from), step: toFen(s.step) }));
    if (ladder[0].from !== 0 || ladder.some((s, i) => s.step <= 0 || (i > 0 && s.from <= ladder[i - 1].from))) throw MarketErrors.badLadder();
    return ladder;
  }
}

