import type { RecordRef } from '../entities/figure.entity';

export interface ReportingPeriod {
  quarter: string;
  /** [from, to) instants, Beijing quarter bounds. */
  from: Date;
  to: Date;
  /** Inclusive Beijing dates. */
  fromDate: string;
  toDate: string;
}

/** A figure a source computed from its context's records, with the records behind it. park null = the zone. */
export interface ComputedFigure {
  indicator: string;
  park: string | null;
  breakdown: string;
  value: number | null;
  records: RecordRef[];
}

/**
 * What a context provides to monitoring: figures for the indicators it knows, computed through its own
 * facade (monitoring never reads another context's tables). Register a provider under COMPUTED_INDICATOR_SOURCES.
 */
export interface ComputedIndicatorSource {
  readonly name: string;
  readonly indicators: readonly string[];
  collect(period: ReportingPeriod): Promise<ComputedFigure[]>;
}

export const COMPUTED_INDICATOR_SOURCES = Symbol('COMPUTED_INDICATOR_SOURCES');

/** A record as a tally sees it: where it belongs, how much it weighs, how it breaks down. */
export interface TallyItem {
  ref: RecordRef;
  park: string | null;
  /** Counted when absent; summed (yuan, to the fen) when present. */
  amount?: number;
  breakdowns?: string[];
}

/**
 * Count or sum items per park, for the zone (every item, attributed or not) and per breakdown; every park gets a
 * figure, zero when nothing happened there, so reports and the index see all eleven.
 */
export function tally(indicator: string, items: TallyItem[], parks: readonly string[], mode: 'count' | 'sum'): ComputedFigure[] {
  const groups = new Map<string, { park: string | null; breakdown: string; fen: number; records: RecordRef[] }>();
  const add = (park: string | null, breakdown: string, it: TallyItem) => {
    const key = `${park ?? ''}|${breakdown}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { park, breakdown, fen: 0, records: [] }));
    g.fen += mode === 'sum' ? Math.round((it.amount ?? 0) * 100) : 100;
    g.records.push(it.ref);
  };
  for (const p of [...parks, null]) groups.set(`${p ?? ''}|`, { park: p, breakdown: '', fen: 0, records: [] });
  for (const it of items) {
    const scopes: Array<string | null> = it.park && parks.includes(it.park) ? [it.park, null] : [null];
    for (const s of scopes) {
      add(s, '', it);
      for (const b of it.breakdowns ?? []) add(s, b, it);
    }
  }
  return [...groups.values()].map((g) => ({ indicator, park: g.park, breakdown: g.breakdown, value: g.fen / 100, records: g.records }));
}

/** Distinct things (brokers, institutions) per park and for the zone. */
export function distinct(indicator: string, items: Array<{ park: string | null; ref: RecordRef | null }>, parks: readonly string[]): ComputedFigure[] {
  const byScope = new Map<string | null, Map<string, RecordRef>>([...parks, null].map((p) => [p, new Map()]));
  for (const it of items) {
    if (!it.ref) continue;
    const scopes: Array<string | null> = it.park && parks.includes(it.park) ? [it.park, null] : [null];
    for (const s of scopes) byScope.get(s)!.set(`${it.ref.type}:${it.ref.id}`, it.ref);
  }
  return [...byScope.entries()].map(([park, refs]) => ({ indicator, park, breakdown: '', value: refs.size, records: [...refs.values()] }));
}
