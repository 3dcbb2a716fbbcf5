import { Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import { Actor, Clock, PageQuery, TransactionRunner } from '@techbridge/platform';
import { AuctionLiveEvent, AuctionLiveService } from './auction-live.service';
import { AUCTION_LIFECYCLE, CLOSED_AUCTION } from './auction.state-machine';
import { auctionClock, AuctionService, auctionTerms } from './auction.service';
import { BidResponse, ChainVerificationResponse, mapBid, PlaceBidDto } from './dto/auction.dto';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { bidHash, decideBid, fenToYuan, toFen, verifyChain } from './rules/auction-rules';

export const CHAIN_ALGORITHM = "sha256(prevHash|auctionId|seq|paddle|amount with 2 decimals|placedAt ISO-8601), prevHash of bid 1 = sha256('techbridge-auction:'+auctionId)";

/**
 * Bidding. Each bid runs in one transaction holding the auction's row lock (SELECT … FOR UPDATE), so concurrent bids
 * are decided one after another against the latest high bid and close; the live event goes to Redis after commit,
 * never while the lock is held.
 */
@Injectable()
export class BiddingService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly auctions: AuctionService,
    private readonly live: AuctionLiveService,
  ) {}

  async placeBid(actor: Actor, auctionId: string, dto: PlaceBidDto): Promise<BidResponse> {
    const { bid, event } = await this.tx.run(async (m) => {
      const a = await this.repo.findAuction(m, auctionId, true);
      if (!a) throw MarketErrors.auctionNotFound();
      const amountFen = toFen(dto.amount);
      // Closed first: after the close a released deposit must not turn "too late" into "not qualified".
      if (CLOSED_AUCTION.includes(a.status)) throw MarketErrors.bidRefused('closed', fenToYuan(amountFen));
      const bidder = await this.repo.bidderOf(m, a.id, actor.orgId);
      if (!bidder || bidder.depositStatus !== 'confirmed') throw MarketErrors.notQualified();
      const now = this.clock.now();
      const last = a.bidCount ? (await this.repo.bidsOf(m, a.id, a.bidCount - 1, 1))[0] : null;
      const decision = decideBid(auctionTerms(a), auctionClock(a, last?.orgId ?? null), { orgId: actor.orgId, amountFen, atMs: now.getTime() });
      if (!decision.accepted) throw MarketErrors.bidRefused(decision.reason, fenToYuan(decision.minimumFen));
      if (a.status === 'announced') a.status = AUCTION_LIFECYCLE.next(a.status, 'open', a.id);
      const seq = a.bidCount + 1;
      const fields = { auctionId: a.id, seq, paddle: bidder.paddle, amountFen, placedAt: now.toISOString() };
      const hash = bidHash(a.lastHash, fields);
      const saved = await this.repo.insertBid(m, { auctionId: a.id, seq, bidderId: bidder.id, orgId: actor.orgId, userId: actor.userId, paddle: bidder.paddle, amount: fenToYuan(amountFen), placedAt: now, prevHash: a.lastHash, hash });
      a.bidCount = seq;
      a.highAmount = fenToYuan(amountFen);
      a.lastHash = hash;
      if (decision.extended) {
        a.closesAt = new Date(decision.next.closesAtMs);
        a.extensions = decision.next.extensions;
        // A new close job for the new instant; the one for the old instant finds the close moved and skips.
        await this.auctions.scheduleClose(m, a);
      }
      await this.repo.saveAuction(m, a);
      const e: AuctionLiveEvent = { type: 'bid', auctionId: a.id, at: now.toISOString(), seq, paddle: bidder.paddle, amount: Number(saved.amount), closesAt: a.closesAt.toISOString(), extensions: a.extensions };
      return { bid: saved, event: e };
    });
    await this.live.publish(event);
    return mapBid(bid);
  }

  async bids(auctionId: string, q: PageQuery): Promise<BidResponse[]> {
    const a = await this.repo.findAuction(this.tx.manager, auctionId);
    if (!a) throw MarketErrors.auctionNotFound();
    return (await this.repo.bidsOf(this.tx.manager, a.id, (q.page - 1) * q.pageSize, q.pageSize)).map(mapBid);
  }

  /** Anyone may recompute the chain once the auction has closed. */
  async verify(auctionId: string): Promise<ChainVerificationResponse> {
    const a = await this.repo.findAuction(this.tx.manager, auctionId);
    if (!a) throw MarketErrors.auctionNotFound();
    if (!CLOSED_AUCTION.includes(a.status)) throw MarketErrors.chainNotPublic();
    const bids = await this.repo.bidsOf(this.tx.manager, a.id);
    const verdict = verifyChain(a.id, bids.map((b) => ({ auctionId: a.id, seq: b.seq, paddle: b.paddle, amountFen: toFen(b.amount), placedAt: b.placedAt.toISOString(), prevHash: b.prevHash, hash: b.hash })));
    const headMatches = verdict.valid && verdict.head === a.lastHash;
    return { valid: headMatches, brokenAt: verdict.valid && !headMatches ? bids.length : verdict.brokenAt, bids: bids.length, head: verdict.head, algorithm: CHAIN_ALGORITHM };
  }

  async watch(auctionId: string): Promise<Observable<AuctionLiveEvent>> {
    const a = await this.repo.findAuction(this.tx.manager, auctionId);
    if (!a) throw MarketErrors.auctionNotFound();
    return this.live.watch(a.id);
  }
}
