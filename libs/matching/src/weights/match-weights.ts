/**
 * The weights the matcher ranks with, as one versioned value: per-field weights of query construction and of the
 * candidate's text, and the points each named feature is worth at full strength. PostgreSQL keeps every version
 * (match_weights); exactly one is active. Version 1 is these defaults; later versions are fitted on the tuning set or
 * refitted from brokers' outcomes. A feature's points are `features[code] × strength` (strength 0-1, see scorePair).
 */

/** Features that speak for a pair: their points are ≥ 0 and they are shown as reasons. */
export const REASON_CODES = [
  'text-relevance',
  'same-industry',
  'same-field',
  'trl-meets-required',
  'trl-mature',
  'price-within-budget',
  'price-negotiable',
  'mode-overlap',
  'region-flow',
  'park-key-industry',
  'fiscally-funded',
] as const;

/** Features that speak against a pair: their points are ≤ 0 and they are shown apart, as concerns. */
export const CONCERN_CODES = ['price-above-budget', 'trl-early', 'trl-at-minimum', 'mode-mismatch', 'region-outside'] as const;

export type ReasonCode = (typeof REASON_CODES)[number];
export type ConcernCode = (typeof CONCERN_CODES)[number];
export type FeatureCode = ReasonCode | ConcernCode;
export const FEATURE_CODES: readonly FeatureCode[] = [...REASON_CODES, ...CONCERN_CODES];

export function isConcernCode(code: string): code is ConcernCode {
  return (CONCERN_CODES as readonly string[]).includes(code);
}

/** Where a query term was found on the querying side (demand or achievement). */
export interface QueryFieldWeights {
  title: number;
  keyword: number;
  body: number;
}

/** Where a query term is found in the candidate: title and keywords, or the body. */
export interface CandidateFieldWeights {
  head: number;
  body: number;
}

export interface MatchWeights {
  fields: QueryFieldWeights;
  candidate: CandidateFieldWeights;
  /** Points at full strength; reason codes ≥ 0, concern codes ≤ 0. */
  features: Record<FeatureCode, number>;
  /** Tuning parameters of query construction (pseudo-relevance feedback and the like), by name; absent = the code's default. */
  params: Record<string, number>;
}

/** What a score was computed with: stored with every match, so stale ones can be found and recomputed. */
export interface ModelVersion {
  weightsVersion: number;
  thesaurusVersion: string;
}

export const WEIGHT_SOURCES = ['default', 'fitted-tuning', 'refit-outcomes'] as const;
export type WeightSource = (typeof WEIGHT_SOURCES)[number];

/** Version 1: the hand-set constants the matcher shipped with (text relevance dominates, the rest refines the order). */
export const DEFAULT_WEIGHTS: MatchWeights = Object.freeze({
  fields: { title: 1.5, keyword: 1.4, body: 1.0 },
  candidate: { head: 1, body: 0.8 },
  features: {
    'text-relevance': 62,
    'same-industry': 7,
    'same-field': 8,
    'trl-meets-required': 5,
    'trl-mature': 3,
    'price-within-budget': 5,
    'price-negotiable': 1,
    'mode-overlap': 4,
    'region-flow': 4,
    'park-key-industry': 3,
    'fiscally-funded': 2,
    'price-above-budget': -6,
    'trl-early': -4,
    // New concerns start at no points: they are shown, and only outcomes or a fit give them weight.
    'trl-at-minimum': 0,
    'mode-mismatch': 0,
    'region-outside': 0,
  },
  params: {},
}) as MatchWeights;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A stored or submitted weights value made whole: missing keys take the defaults (a version written before a feature
 * existed stays usable), unknown feature codes are dropped, and signs are forced (reasons ≥ 0, concerns ≤ 0) so a
 * concern can never be shown as a reason.
 */
export function normaliseWeights(raw: unknown): MatchWeights {
  const r = (raw ?? {}) as Partial<Record<keyof MatchWeights, Record<string, unknown>>>;
  const pick = <T extends object>(defaults: T, given: Record<string, unknown> | undefined): T =>
    Object.fromEntries(Object.entries(defaults).map(([k, d]) => [k, finite(given?.[k]) ? (given![k] as number) : d])) as T;
  const features = pick(DEFAULT_WEIGHTS.features, r.features);
  for (const code of FEATURE_CODES) features[code] = isConcernCode(code) ? Math.min(0, features[code]) : Math.max(0, features[code]);
  const params = Object.fromEntries(Object.entries(r.params ?? {}).filter(([, v]) => finite(v))) as Record<string, number>;
  return { fields: pick(DEFAULT_WEIGHTS.fields, r.fields), candidate: pick(DEFAULT_WEIGHTS.candidate, r.candidate), features, params };
}
