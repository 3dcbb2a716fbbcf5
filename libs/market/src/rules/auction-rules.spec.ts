import fc from 'fast-check';
import { AuctionClock, AuctionTerms, bidHash, BidAttempt, decideBid, genesisHash, minimumNextBid, offerOrder, verifyChain } from './auction-rules';

const MIN = 60_000;

const termsArb = fc
  .record({
    startFen: fc.integer({ min: 100, max: 1_000_000 }),
    reserveExtra: fc.integer({ min: 0, max: 2_000_000 }),
    step1: fc.integer({ min: 1, max: 50_000 }),
    step2: fc.integer({ min: 1, max: 200_000 }),
    ladderAt: fc.integer({ min: 1, max: 3_000_000 }),
    extensionMin: fc.integer({ min: 1, max: 10 }),
    maxExtensions: fc.integer({ min: 0, max: 4 }),
    durationMin: fc.integer({ min: 10, max: 120 }),
  })
  .map((r) => ({
    terms: {
      startFen: r.startFen, reserveFen: r.startFen + r.reserveExtra, ladder: [{ from: 0, step: r.step1 }, { from: r.ladderAt, step: r.step2 }],
      startsAtMs: 0, extensionMs: r.extensionMin * MIN, maxExtensions: r.maxExtensions,
    } satisfies AuctionTerms,
    closesAtMs: r.durationMin * MIN,
  }));

/** Attempts in time order: who, how far above the minimum (or below it), and the gap since the previous attempt. */
const attemptsArb = fc.array(
  fc.record({ org: fc.constantFrom('A', 'B', 'C', 'D'), over: fc.integer({ min: -30_000, max: 400_000 }), gapMs: fc.integer({ min: 0, max: 12 * MIN }) }),
  { maxLength: 60 },
);

interface Run {
  accepted: Array<BidAttempt & { closesBefore: number; closesAfter: number; extended: boolean }>;
  refused: Array<BidAttempt & { reason: string; closesAt: number; minimum: number }>;
  final: AuctionClock;
}

function run(terms: AuctionTerms, closesAtMs: number, attempts: Array<{ org: string; over: number; gapMs: number }>): Run {
  let clock: AuctionClock = { closesAtMs, extensions: 0, highFen: null, highOrgId: null };
  let at = -5 * MIN;
  const out: Run = { accepted: [], refused: [], final: clock };
  for (const a of attempts) {
    at += a.gapMs;
    const bid = { orgId: a.org, amountFen: Math.max(1, minimumNextBid(terms, clock) + a.over), atMs: at };
    const d = decideBid(terms, clock, bid);
    if (d.accepted) {
      out.accepted.push({ ...bid, closesBefore: clock.closesAtMs, closesAfter: d.next.closesAtMs, extended: d.extended });
      clock = d.next;
    } else out.refused.push({ ...bid, reason: d.reason, closesAt: clock.closesAtMs, minimum: d.minimumFen });
  }
  out.final = clock;
  return out;
}

describe('auction rules (property)', () => {
  it('accepts no bid before the start or at/after the close, and only rising bids at or above the ladder\'s minimum', () => {
    fc.assert(
      fc.property(termsArb, attemptsArb, ({ terms, closesAtMs }, attempts) => {
        const r = run(terms, closesAtMs, attempts);
        let prev: number | null = null;
        for (const b of r.accepted) {
          expect(b.atMs).toBeGreaterThanOrEqual(terms.startsAtMs);
          expect(b.atMs).toBeLessThan(b.closesBefore);
          expect(b.atMs).toBeLessThan(r.final.closesAtMs);
          expect(b.amountFen).toBeGreaterThanOrEqual(prev === null ? terms.startFen : prev + 1);
          prev = b.amountFen;
        }
        for (const x of r.refused) if (x.reason === 'closed') expect(x.atMs).toBeGreaterThanOrEqual(x.closesAt);
        // Once an attempt has been refused as closed, nothing after it is accepted (the close never moves back).
        const firstClosed = r.refused.find((x) => x.reason === 'closed');
        if (firstClosed) expect(r.accepted.every((b) => b.atMs < firstClosed.atMs)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('extends the close only for a bid inside the window, to that bid\'s time plus the window, at most the maximum times', () => {
    fc.assert(
      fc.property(termsArb, attemptsArb, ({ terms, closesAtMs }, attempts) => {
        const r = run(terms, closesAtMs, attempts);
        const extensions = r.accepted.filter((b) => b.extended);
        expect(extensions.length).toBe(r.final.extensions);
        expect(r.final.extensions).toBeLessThanOrEqual(terms.maxExtensions);
        for (const b of r.accepted) {
          if (b.extended) {
            expect(b.closesBefore - b.atMs).toBeLessThan(terms.extensionMs);
            expect(b.closesAfter).toBe(b.atMs + terms.extensionMs);
          } else expect(b.closesAfter).toBe(b.closesBefore);
        }
        // The close moved exactly by the justified extensions and nothing else.
        expect(r.final.closesAtMs).toBe(extensions.length ? extensions[extensions.length - 1].closesAfter : closesAtMs);
      }),
      { numRuns: 300 },
    );
  });

  it('the winner is the highest valid bid at or above the reserve (none below it), then the next organisation by its best bid', () => {
    fc.assert(
      fc.property(termsArb, attemptsArb, ({ terms, closesAtMs }, attempts) => {
        const r = run(terms, closesAtMs, attempts);
        const ranked = r.accepted.map((b, i) => ({ orgId: b.orgId, amountFen: b.amountFen, seq: i + 1 }));
        const order = offerOrder(ranked, terms.reserveFen);
        const best = ranked.reduce<(typeof ranked)[number] | null>((m, b) => (!m || b.amountFen > m.amountFen ? b : m), null);
        if (!best || best.amountFen < terms.reserveFen) expect(order).toEqual([]);
        else {
          expect(order[0]).toEqual(best);
          expect(new Set(order.map((o) => o.orgId)).size).toBe(order.length);
          for (let i = 1; i < order.length; i++) expect(order[i].amountFen).toBeLessThan(order[i - 1].amountFen);
          for (const o of order) expect(o.amountFen).toBeGreaterThanOrEqual(terms.reserveFen);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the hash chain verifies, and detects any changed bid', () => {
    const bidArb = fc.record({ paddle: fc.integer({ min: 101, max: 400 }), amountFen: fc.integer({ min: 1, max: 1e11 }), at: fc.integer({ min: 0, max: 1e10 }) });
    fc.assert(
      fc.property(fc.uuid(), fc.array(bidArb, { minLength: 1, maxLength: 30 }), fc.nat(), fc.constantFrom('amountFen', 'paddle', 'placedAt', 'hash'), (auctionId, raw, pick, field) => {
        let prev = genesisHash(auctionId);
        const chain = raw.map((b, i) => {
          const fields = { auctionId, seq: i + 1, paddle: b.paddle, amountFen: b.amountFen, placedAt: new Date(1.7e12 + b.at).toISOString() };
          const hash = bidHash(prev, fields);
          const row = { ...fields, prevHash: prev, hash };
          prev = hash;
          return row;
        });
        expect(verifyChain(auctionId, chain)).toEqual({ valid: true, brokenAt: null, head: prev });
        const k = pick % chain.length;
        const tampered = chain.map((b) => ({ ...b }));
        if (field === 'amountFen') tampered[k].amountFen += 1;
        else if (field === 'paddle') tampered[k].paddle += 1;
        else if (field === 'placedAt') tampered[k].placedAt = new Date(Date.parse(tampered[k].placedAt) + 1).toISOString();
        else tampered[k].hash = tampered[k].hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
        const verdict = verifyChain(auctionId, tampered);
        expect(verdict.valid).toBe(false);
        // The changed row is the first that fails: its recomputed hash no longer matches the one stored.
        expect(verdict.brokenAt).toBe(k + 1);
      }),
      { numRuns: 300 },
    );
  });
});
