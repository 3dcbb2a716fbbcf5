import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, JobName, OutboxService, TransactionRunner } from '@techbridge/platform';
import { AuctionLiveEvent, AuctionLiveService } from './auction-live.service';
import { AUCTION_LIFECYCLE } from './auction.state-machine';
import { AuctionService } from './auction.service';
import { DealContractService } from './deal-contract.service';
import { AuctionResponse } from './dto/auction.dto';
import { MarketAuction } from './entities/market-auction.entity';
import { LISTING_LIFECYCLE } from './listing.state-machine';
import { MarketErrors } from './market.exception';
import { MarketRepository } from './market.repository';
import { offerOrder, RankedBid, toFen } from './rules/auction-rules';

/**
 * The end of an auction: the close (a delayed job per close instant that re-reads the auction under its row lock, so
 * a superseded or repeated run does nothing), the offer to the highest bidder, its confirmation (→ draft contract),
 * and the default of a bidder who does not confirm in time (deposit forfeited, the next highest offered).
 */
@Injectable()
export class AuctionCloseService {
  constructor(
    private readonly repo: MarketRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly auctions: AuctionService,
    private readonly drafts: DealContractService,
    private readonly live: AuctionLiveService,
  ) {}

  async close(auctionId: string): Promise<'sold' | 'unsold' | 'skipped'> {
    const { outcome, event } = await this.tx.run(async (m) => {
      const a = await this.repo.findAuction(m, auctionId, true);
      if (!a || (a.status !== 'announced' && a.status !== 'live') || this.clock.now() < a.closesAt) return { outcome: 'skipped' as const, event: null };
      a.closedAt = this.clock.now();
      const order = await this.offerOrderOf(m, a);
      if (!order.length) {
        await this.unsold(m, a, 'close-unsold');
        return { outcome: 'unsold' as const, event: this.event(a, 'unsold') };
      }
      a.status = AUCTION_LIFECYCLE.next(a.status, 'close-sold', a.id);
      // Deposits of bidders who cannot be offered the lot are released now; those in the offer order wait for the sale.
      await this.repo.releaseDeposits(m, a.id, order.map((b) => b.orgId));
      await this.offer(m, a, order[0], 'auction-sold');
      return { outcome: 'sold' as const, event: this.event(a, 'closed') };
    });
    if (event) await this.live.publish(event);
    return outcome;
  }

  /** The offered bidder confirms: sold; its deposit goes towards the price, every other deposit is released. */
  async confirm(actor: Actor, auctionId: string): Promise<AuctionResponse> {
    const { view, event } = await this.tx.run(async (m) => {
      const a = await this.repo.findAuction(m, auctionId, true);
      if (!a) throw MarketErrors.auctionNotFound();
      AUCTION_LIFECYCLE.assert(a.status, 'confirm');
      const bid = a.offeredBidId ? await this.repo.findBid(m, a.offeredBidId) : null;
      if (!bid || bid.orgId !== actor.orgId) throw MarketErrors.notOffered();
      a.status = AUCTION_LIFECYCLE.next(a.status, 'confirm', a.id);
      a.winnerOrgId = bid.orgId;
      a.finalAmount = bid.amount;
      a.confirmBy = null;
      const winner = await this.repo.bidderOf(m, a.id, bid.orgId);
      if (winner) await this.repo.saveBidder(m, Object.assign(winner, { depositStatus: 'applied' }));
      await this.repo.releaseDeposits(m, a.id, [bid.orgId]);
      await this.repo.saveAuction(m, a);
      const l = await this.repo.findListing(m, a.listingId, true);
      let contractId: string | null = null;
      if (l && l.status === 'deal') contractId = (await this.drafts.draftContract(m, l, actor.userId)).contractId;
      return { view: this.auctions.view(a, contractId), event: this.event(a, 'sold') };
    });
    await this.live.publish(event);
    return view;
  }

  /** Job: the offered bidder let the deadline pass: it forfeits its deposit and the next highest is offered. */
  async confirmDeadline(auctionId: string, bidId: string): Promise<'offered-next' | 'unsold' | 'skipped'> {
    const { outcome, event } = await this.tx.run(async (m) => {
      const a = await this.repo.findAuction(m, auctionId, true);
      if (!a || a.status !== 'awaiting-confirmation' || a.offeredBidId !== bidId || !a.confirmBy || this.clock.now() < a.confirmBy) return { outcome: 'skipped' as const, event: null };
      const bid = await this.repo.findBid(m, bidId);
      const defaulter = bid ? await this.repo.bidderOf(m, a.id, bid.orgId) : null;
      if (defaulter) await this.repo.saveBidder(m, Object.assign(defaulter, { depositStatus: 'forfeited' }));
      const next = await this.offerOrderOf(m, a);
      if (!next.length) {
        await this.unsold(m, a, 'no-taker');
        return { outcome: 'unsold' as const, event: this.event(a, 'unsold') };
      }
      a.status = AUCTION_LIFECYCLE.next(a.status, 'offer-next', a.id);
      await this.offer(m, a, next[0], null);
      return { outcome: 'offered-next' as const, event: this.event(a, 'offered') };
    });
    if (event) await this.live.publish(event);
    return outcome;
  }

  /** Bidders who may still be offered the lot: at or above the reserve, highest first, none who forfeited. */
  private async offerOrderOf(m: EntityManager, a: MarketAuction): Promise<RankedBid[]> {
    const forfeited = new Set((await this.repo.biddersOf(m, a.id)).filter((b) => b.depositStatus === 'forfeited').map((b) => b.orgId));
    const bids = await this.repo.bidsOf(m, a.id);
    return offerOrder(bids.filter((b) => !forfeited.has(b.orgId)).map((b) => ({ orgId: b.orgId, amountFen: toFen(b.amount), seq: b.seq })), toFen(a.reservePrice));
  }

  private async offer(m: EntityManager, a: MarketAuction, ranked: RankedBid, listingAction: 'auction-sold' | null): Promise<void> {
    const bids = await this.repo.bidsOf(m, a.id, ranked.seq - 1, 1);
    const now = this.clock.now();
    a.offeredBidId = bids[0].id;
    a.confirmBy = new Date(now.getTime() + a.confirmHours * 3_600_000);
    await this.repo.saveAuction(m, a);
    const l = await this.repo.findListing(m, a.listingId, true);
    if (l) {
      if (listingAction) l.status = LISTING_LIFECYCLE.next(l.status, listingAction, l.id);
      l.dealAmount = bids[0].amount;
      l.dealBuyerOrgId = bids[0].orgId;
      await this.repo.saveListing(m, l);
    }
    await this.outbox.enqueue(m, JobName.MarketAuctionConfirmDeadline, { auctionId: a.id, bidId: bids[0].id }, {
      jobId: `market-auction:${a.id}:confirm:${bids[0].id}`, delayMs: a.confirmBy.getTime() - now.getTime(),
    });
  }

  private async unsold(m: EntityManager, a: MarketAuction, action: 'close-unsold' | 'no-taker'): Promise<void> {
    a.status = AUCTION_LIFECYCLE.next(a.status, action, a.id);
    a.offeredBidId = null;
    a.confirmBy = null;
    await this.repo.releaseDeposits(m, a.id, []);
    await this.repo.saveAuction(m, a);
    const l = await this.repo.findListing(m, a.listingId, true);
    if (!l) return;
    l.status = LISTING_LIFECYCLE.next(l.status, action === 'close-unsold' ? 'auction-unsold' : 'reopen', l.id);
    Object.assign(l, { dealAmount: null, dealBuyerOrgId: null });
    // Back on offer only for what is left of the listing period; past it, the listing lapses.
    if (l.listingEndsAt && this.clock.now() >= l.listingEndsAt) l.status = LISTING_LIFECYCLE.next(l.status, 'lapse', l.id);
    await this.repo.saveListing(m, l);
  }

  private event(a: MarketAuction, type: AuctionLiveEvent['type']): AuctionLiveEvent {
    return { type, auctionId: a.id, at: this.clock.now().toISOString(), status: a.status, closesAt: a.closesAt.toISOString(), amount: a.highAmount === null ? undefined : Number(a.highAmount) };
  }
}
