import type { FeatureVector } from '../scoring/match-scoring';
import { FEATURE_CODES, FeatureCode, isConcernCode, MatchWeights, normaliseWeights } from './match-weights';

/** How much an outcome says the pair was a good one (graded: a signed contract says more than a first contact). */
export const OUTCOME_GAIN = {
  signed: 3,
  awarded: 3,
  negotiating: 2,
  shortlisted: 2,
  contacted: 1,
  /** Closed for a reason that is about the fit (not relevant, too early, price, mode), or a declined proposal. */
  rejected: 0,
} as const;

/** One judged pair as the refit sees it: feature strengths and a gain. No id, no text. */
export interface JudgedPair {
  features: FeatureVector;
  gain: number;
}

export interface RefitOptions {
  /** Fewer judged pairs above or below than this on either side: not enough to move anything. */
  minEach: number;
  /** Points of one step, tried from the largest down. */
  steps: number[];
  /** Rounds over all features. */
  rounds: number;
  /** How far one refit may move a feature from where it was (points). */
  maxShift: number;
  /** Pull back towards the current weights (per point², scaled by the number of ordered pairs). */
  l2: number;
  /** Temperature of the pairwise logistic loss, in points. */
  temperature: number;
  /** At most this many ordered pairs are compared (a fixed stride through them beyond). */
  maxOrderedPairs: number;
}

export const DEFAULT_REFIT_OPTIONS: RefitOptions = { minEach: 3, steps: [8, 4, 2, 1, 0.5], rounds: 12, maxShift: 12, l2: 0.002, temperature: 6, maxOrderedPairs: 50_000 };

export interface RefitResult {
  weights: MatchWeights;
  changed: boolean;
  evidence: { judged: number; better: number; worse: number; orderedPairs: number; orderedBefore: number; orderedAfter: number };
}

function linear(features: FeatureVector, w: Record<FeatureCode, number>): number {
  let s = 0;
  for (const code of Object.keys(features) as FeatureCode[]) s += (w[code] ?? 0) * (features[code] ?? 0);
  return s;
}

/**
 * Coordinate ascent on the feature weights (the fields need texts; a refit reads none): pairs judged better should
 * score above pairs judged worse. Maximises the mean pairwise log-likelihood of that order minus a pull towards the
 * current weights, one feature at a time with shrinking steps, keeping each feature's sign (reasons ≥ 0, concerns ≤ 0)
 * and within `maxShift` of where it was. Returns null when the outcomes are too few to say anything.
 */
export function refitFromOutcomes(current: MatchWeights, judged: JudgedPair[], options: RefitOptions = DEFAULT_REFIT_OPTIONS): RefitResult | null {
  const better = judged.filter((j) => j.gain > 0).length;
  const worse = judged.length - better;
  if (better < options.minEach || worse < options.minEach) return null;
  const ordered: Array<[JudgedPair, JudgedPair]> = [];
  let seen = 0;
  const total = judged.reduce((n, a) => n + judged.filter((b) => a.gain > b.gain).length, 0);
  const stride = Math.max(1, Math.ceil(total / options.maxOrderedPairs));
  for (const a of judged) for (const b of judged) if (a.gain > b.gain && seen++ % stride === 0) ordered.push([a, b]);

  const start = { ...current.features };
  const w = { ...current.features };
  const objective = () => {
    let ll = 0;
    for (const [a, b] of ordered) ll -= Math.log1p(Math.exp(-(linear(a.features, w) - linear(b.features, w)) / options.temperature));
    let pull = 0;
    for (const code of FEATURE_CODES) pull += (w[code] - start[code]) ** 2;
    return ll / ordered.length - options.l2 * pull;
  };
  const orderedShare = () => ordered.filter(([a, b]) => linear(a.features, w) > linear(b.features, w)).length / ordered.length;
  const before = orderedShare();
  const used = new Set(judged.flatMap((j) => Object.keys(j.features) as FeatureCode[]));
  let best = objective();
  for (let round = 0; round < options.rounds; round++) {
    let improved = false;
    for (const code of FEATURE_CODES.filter((c) => used.has(c))) {
      for (const step of options.steps) {
        for (const dir of [1, -1]) {
          const was = w[code];
          const next = clampFor(code, was + dir * step, start[code], options.maxShift);
          if (next === was) continue;
          w[code] = next;
          const value = objective();
          if (value > best + 1e-9) {
            best = value;
            improved = true;
          } else w[code] = was;
        }
      }
    }
    if (!improved) break;
  }
  const weights = normaliseWeights({ ...current, features: w });
  const changed = FEATURE_CODES.some((c) => Math.abs(weights.features[c] - current.features[c]) >= 0.5);
  return {
    weights,
    changed,
    evidence: { judged: judged.length, better, worse, orderedPairs: ordered.length, orderedBefore: round3(before), orderedAfter: round3(orderedShare()) },
  };
}

function clampFor(code: FeatureCode, value: number, start: number, maxShift: number): number {
  const bounded = Math.max(start - maxShift, Math.min(start + maxShift, value));
  const signed = isConcernCode(code) ? Math.min(0, bounded) : Math.max(0, bounded);
  return Math.round(signed * 10) / 10;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
