import type { RecordRef } from '../entities/figure.entity';
import type { ComputedFigure } from './computed-source';

export const REWARD_INDICATORS = ['rewards-accrued'] as const;

/** A reward ledger line as the indicator needs it: amount in yuan, contracts placed in time and park. */
export interface RewardAccrualLine {
  lineId: string;
  kind: string;
  amount: number;
  /** For a line without contracts (the accreditation award): when it accrued. */
  accruedAt: Date | null;
  contracts: Array<{ contractId: string; technologyAmount: number; registeredAt: Date | null; park: string | null }>;
}

const fen = (yuan: number) => BigInt(Math.round(yuan * 100));

/**
 * Split an amount (fen) over weights in proportion, to the fen: floor shares, then the remaining fen to the largest
 * remainders (ties to the earlier item), so the shares always add up to the amount. All-zero weights split evenly.
 */
export function splitProRata(amountFen: bigint, weights: readonly bigint[]): bigint[] {
  if (!weights.length) return [];
  const ws = weights.some((w) => w > 0n) ? weights.map((w) => (w > 0n ? w : 0n)) : weights.map(() => 1n);
  const total = ws.reduce((a, b) => a + b, 0n);
  const shares = ws.map((w) => (amountFen * w) / total);
  let left = amountFen - shares.reduce((a, b) => a + b, 0n);
  const order = ws.map((w, i) => ({ i, rem: (amountFen * w) % total })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const o of order) {
    if (left <= 0n) break;
    shares[o.i] += 1n;
    left -= 1n;
  }
  return shares;
}

/**
 * 'rewards-accrued' for a period: each line's (capped) amount is spread over the contracts behind it in proportion to
 * their technology amount and lands in the quarter each was registered and in its park (the zone only when the park is
 * unknown); a line without contracts lands in the zone when it accrued. Records are the ledger lines and the contracts.
 */
export function rewardFigures(lines: readonly RewardAccrualLine[], period: { from: Date; to: Date }, parks: readonly string[]): ComputedFigure[] {
  const groups = new Map<string, { park: string | null; breakdown: string; fen: bigint; records: Map<string, RecordRef> }>();
  const group = (park: string | null, breakdown: string) => {
    const key = `${park ?? ''}|${breakdown}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { park, breakdown, fen: 0n, records: new Map() }));
    return g;
  };
  for (const p of [...parks, null]) group(p, '');
  const inPeriod = (at: Date | null) => !!at && at >= period.from && at < period.to;
  const add = (park: string | null, kind: string, amount: bigint, refs: RecordRef[]) => {
    const scopes: Array<string | null> = park && parks.includes(park) ? [park, null] : [null];
    for (const s of scopes) {
      for (const g of [group(s, ''), group(s, `kind:${kind}`)]) {
        g.fen += amount;
        for (const r of refs) g.records.set(`${r.type}:${r.id}`, r);
      }
    }
  };
  for (const l of lines) {
    const lineRef: RecordRef = { type: 'reward-ledger-line', id: l.lineId };
    if (!l.contracts.length) {
      if (inPeriod(l.accruedAt)) add(null, l.kind, fen(l.amount), [lineRef]);
      continue;
    }
    const shares = splitProRata(fen(l.amount), l.contracts.map((c) => fen(c.technologyAmount)));
    l.contracts.forEach((c, i) => {
      if (inPeriod(c.registeredAt)) add(c.park, l.kind, shares[i], [lineRef, { type: 'technology-contract', id: c.contractId }]);
    });
  }
  return [...groups.values()].map((g) => ({ indicator: 'rewards-accrued', park: g.park, breakdown: g.breakdown, value: Number(g.fen) / 100, records: [...g.records.values()] }));
}
