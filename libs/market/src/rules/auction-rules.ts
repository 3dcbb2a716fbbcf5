import { createHash } from 'node:crypto';

/**
 * The auction's rules as pure functions (no clock, no database): the minimum next bid on the increment ladder, whether
 * a bid is accepted and whether it extends the close, the outcome, and the hash chain of the bid log. Money in fen.
 */

/** From `from` fen upwards, each raise is at least `step` fen. The first step starts at 0. */
export interface LadderStep {
  from: number;
  step: number;
}

export interface AuctionTerms {
  startFen: number;
  reserveFen: number;
  ladder: LadderStep[];
  startsAtMs: number;
  extensionMs: number;
  maxExtensions: number;
}

export interface AuctionClock {
  closesAtMs: number;
  extensions: number;
  highFen: number | null;
  highOrgId: string | null;
}

export interface BidAttempt {
  orgId: string;
  amountFen: number;
  atMs: number;
}

export type BidRefusal = 'not-started' | 'closed' | 'below-minimum' | 'already-highest';

export type BidDecision =
  | { accepted: true; next: AuctionClock; extended: boolean }
  | { accepted: false; reason: BidRefusal; minimumFen: number };

export function stepAt(ladder: readonly LadderStep[], amountFen: number): number {
  let step = ladder[0]?.step ?? 1;
  for (const s of ladder) if (s.from <= amountFen) step = s.step;
  return step;
}

/** The lowest acceptable next bid: the start price, then the current high plus the ladder's step at that height. */
export function minimumNextBid(terms: AuctionTerms, clock: AuctionClock): number {
  return clock.highFen === null ? terms.startFen : clock.highFen + stepAt(terms.ladder, clock.highFen);
}

/**
 * Decide one bid. A bid accepted with less than the extension window left pushes the close to `at + window`,
 * at most `maxExtensions` times; the close is never moved otherwise.
 */
export function decideBid(terms: AuctionTerms, clock: AuctionClock, bid: BidAttempt): BidDecision {
  const minimumFen = minimumNextBid(terms, clock);
  if (bid.atMs < terms.startsAtMs) return { accepted: false, reason: 'not-started', minimumFen };
  if (bid.atMs >= clock.closesAtMs) return { accepted: false, reason: 'closed', minimumFen };
  if (clock.highOrgId === bid.orgId) return { accepted: false, reason: 'already-highest', minimumFen };
  if (bid.amountFen < minimumFen) return { accepted: false, reason: 'below-minimum', minimumFen };
  const late = clock.closesAtMs - bid.atMs < terms.extensionMs;
  const extended = late && clock.extensions < terms.maxExtensions;
  return {
    accepted: true,
    extended,
    next: {
      closesAtMs: extended ? bid.atMs + terms.extensionMs : clock.closesAtMs,
      extensions: clock.extensions + (extended ? 1 : 0),
      highFen: bid.amountFen,
      highOrgId: bid.orgId,
    },
  };
}

export interface RankedBid {
  orgId: string;
  amountFen: number;
  seq: number;
}

/**
 * Who is offered the lot, in order: each organisation by its highest bid, highest first, only bids at or above the
 * reserve. The first is the winner; if it does not confirm, the next is offered.
 */
export function offerOrder(bids: readonly RankedBid[], reserveFen: number): RankedBid[] {
  const best = new Map<string, RankedBid>();
  for (const b of bids) {
    const cur = best.get(b.orgId);
    if (!cur || b.amountFen > cur.amountFen || (b.amountFen === cur.amountFen && b.seq < cur.seq)) best.set(b.orgId, b);
  }
  return [...best.values()].filter((b) => b.amountFen >= reserveFen).sort((a, b) => b.amountFen - a.amountFen || a.seq - b.seq);
}

// ---- the hash chain ----

export interface ChainedBidFields {
  auctionId: string;
  seq: number;
  paddle: number;
  amountFen: number;
  placedAt: string;
}

export function genesisHash(auctionId: string): string {
  return createHash('sha256').update(`techbridge-auction:${auctionId}`).digest('hex');
}

/** sha256 over the previous hash and the bid's fields, in a fixed textual form anyone can recompute. */
export function bidHash(prevHash: string, b: ChainedBidFields): string {
  const amount = `${Math.trunc(b.amountFen / 100)}.${String(b.amountFen % 100).padStart(2, '0')}`;
  return createHash('sha256').update([prevHash, b.auctionId, b.seq, b.paddle, amount, b.placedAt].join('|')).digest('hex');
}

export interface ChainVerdict {
  valid: boolean;
  /** The seq of the first bid whose hash or link does not match, or null. */
  brokenAt: number | null;
  head: string;
}

export function verifyChain(auctionId: string, bids: ReadonlyArray<ChainedBidFields & { prevHash: string; hash: string }>): ChainVerdict {
  let prev = genesisHash(auctionId);
  for (const [i, b] of bids.entries()) {
    if (b.seq !== i + 1 || b.prevHash !== prev || bidHash(prev, b) !== b.hash) return { valid: false, brokenAt: b.seq, head: prev };
    prev = b.hash;
  }
  return { valid: true, brokenAt: null, head: prev };
}

export const toFen = (yuan: number | string): number => Math.round(Number(yuan) * 100);
export const fenToYuan = (fen: number): string => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
