/**
 * The zone innovation index (示范区创新指数), as a pure function of its inputs and weights so a stored
 * computation can be replayed exactly: min-max normalise each indicator across the parks (direction-aware,
 * 0–100), weight indicators within their dimension, then combine dimensions with their weights.
 */
export type Direction = 'higher' | 'lower';

export interface IndexIndicator {
  code: string;
  dimension: string;
  direction: Direction;
}

export interface IndexWeights {
  /** Dimension weights; normalised by their sum over dimensions that have weighted indicators. */
  dimensions: Record<string, number>;
  /** Relative weights within a dimension; an indicator absent or at 0 does not count. */
  indicators: Record<string, number>;
}

export interface IndexInputs {
  parks: string[];
  indicators: IndexIndicator[];
  /** values[park][indicator]; null or missing = not reported, which scores 0 on that indicator. */
  values: Record<string, Record<string, number | null | undefined>>;
}

export interface ParkIndexResult {
  park: string;
  score: number;
  rank: number;
  dimensions: Record<string, number>;
  normalised: Record<string, number>;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function validateWeights(w: IndexWeights): string | null {
  for (const [k, v] of Object.entries(w.dimensions)) if (!Number.isFinite(v) || v < 0) return `dimensions.${k}`;
  for (const [k, v] of Object.entries(w.indicators)) if (!Number.isFinite(v) || v < 0) return `indicators.${k}`;
  if (!Object.values(w.dimensions).some((v) => v > 0)) return 'dimensions';
  return null;
}

export function normalise(values: Array<number | null | undefined>, direction: Direction): number[] {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!present.length) return values.map(() => 0);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 0;
    // Every reporting park level: the indicator does not discriminate, nobody lags on it.
    if (max === min) return 100;
    return direction === 'higher' ? ((v - min) / (max - min)) * 100 : ((max - v) / (max - min)) * 100;
  });
}

export function computeInnovationIndex(inputs: IndexInputs, weights: IndexWeights): ParkIndexResult[] {
  const bad = validateWeights(weights);
  if (bad) throw new RangeError(`invalid weight: ${bad}`);
  const used = inputs.indicators.filter((i) => (weights.indicators[i.code] ?? 0) > 0);
  const normalised = new Map<string, number[]>();
  for (const ind of used) normalised.set(ind.code, normalise(inputs.parks.map((p) => inputs.values[p]?.[ind.code]), ind.direction));
  const dimensions = [...new Set(used.map((i) => i.dimension))].filter((d) => (weights.dimensions[d] ?? 0) > 0);
  const dimensionWeightSum = dimensions.reduce((a, d) => a + weights.dimensions[d], 0);

  const rows = inputs.parks.map((park, pi) => {
    const dims: Record<string, number> = {};
    for (const d of dimensions) {
      const inDim = used.filter((i) => i.dimension === d);
      const wSum = inDim.reduce((a, i) => a + weights.indicators[i.code], 0);
      dims[d] = round4(inDim.reduce((a, i) => a + weights.indicators[i.code] * normalised.get(i.code)![pi], 0) / wSum);
    }
    const score = dimensionWeightSum ? round4(dimensions.reduce((a, d) => a + weights.dimensions[d] * dims[d], 0) / dimensionWeightSum) : 0;
    const norm = Object.fromEntries(used.map((i) => [i.code, round4(normalised.get(i.code)![pi])]));
    return { park, score, rank: 0, dimensions: dims, normalised: norm };
  });
  // Competition ranking (1, 2, 2, 4); equal scores listed by park code so output order is stable.
  rows.sort((a, b) => b.score - a.score || a.park.localeCompare(b.park));
  rows.forEach((r, i) => (r.rank = i > 0 && r.score === rows[i - 1].score ? rows[i - 1].rank : i + 1));
  return rows;
}

/** A park with data: at least one input reported as a number other than 0 (figures computed from platform records are 0 for a park with none). */
export function hasReportedData(values: Record<string, number | null | undefined> | undefined): boolean {
  return Object.values(values ?? {}).some((v) => typeof v === 'number' && Number.isFinite(v) && v !== 0);
}

/**
 * The published ranks: competition ranking (1, 2, 2, 4) among the parks with data only. A park that reported nothing
 * is not ranked (null) rather than placed level with the others on indicators where everybody shows the same zero.
 */
export function rankParksWithData(results: Array<{ park: string; score: number }>, withData: (park: string) => boolean): Map<string, number | null> {
  const ranked = results.filter((r) => withData(r.park)).sort((a, b) => b.score - a.score || a.park.localeCompare(b.park));
  const out = new Map<string, number | null>(results.map((r) => [r.park, null]));
  ranked.forEach((r, i) => out.set(r.park, i > 0 && r.score === ranked[i - 1].score ? out.get(ranked[i - 1].park)! : i + 1));
  return out;
}
