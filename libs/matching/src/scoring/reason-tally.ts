/**
 * The scoring-with-reasons rule every match on the platform follows (technology matching, financing matching):
 * a score is the sum of named features' points, each feature that applies gives exactly one reason (points > 0) or
 * concern (decided by code, never by sign; ≤ 0), so what is shown always adds up to the score.
 */
export interface AppliedFeature<C extends string = string> {
  code: C;
  /** 0-1: how strongly the feature applies. */
  strength: number;
  zh: string;
  en: string;
}

export interface TalliedReason<C extends string = string> {
  code: C;
  zh: string;
  en: string;
  points: number;
}

export interface Tally<C extends string = string> {
  /** 0-100, the rounded sum of the reasons' and concerns' points, clamped. */
  score: number;
  reasons: Array<TalliedReason<C>>;
  concerns: Array<TalliedReason<C>>;
  /** Strength per feature code, rounded to three decimals. */
  features: Partial<Record<C, number>>;
}

/** Points of a feature: its weight times its strength, to one decimal. */
export function featurePoints(weight: number, strength: number): number {
  return Math.round(weight * strength * 10) / 10;
}

export function clampScore(total: number): number {
  return Math.max(0, Math.min(100, Math.round(total)));
}

export function tallyReasons<C extends string>(applied: Array<AppliedFeature<C>>, weightOf: (code: C) => number, isConcern: (code: C) => boolean): Tally<C> {
  const reasons: Array<TalliedReason<C>> = [];
  const concerns: Array<TalliedReason<C>> = [];
  const features: Partial<Record<C, number>> = {};
  for (const f of applied) {
    features[f.code] = Math.round(f.strength * 1000) / 1000;
    const points = featurePoints(weightOf(f.code), f.strength);
    if (isConcern(f.code)) concerns.push({ code: f.code, points: Math.min(0, points) || 0, zh: f.zh, en: f.en });
    else if (points > 0) reasons.push({ code: f.code, points, zh: f.zh, en: f.en });
  }
  return {
    score: clampScore([...reasons, ...concerns].reduce((s, r) => s + r.points, 0)),
    reasons: reasons.sort((a, b) => b.points - a.points),
    concerns: concerns.sort((a, b) => a.points - b.points),
    features,
  };
}

/**
 * tallyReasons' score alone, for ranking a pool before any reason is written: the same points, kept or dropped by the
 * same rule, summed in the same order (reasons as applied, then concerns), so the score is exactly tallyReasons'.
 */
export function tallyScore<C extends string>(codes: readonly C[], strengths: readonly number[], weightOf: (code: C) => number, isConcern: (code: C) => boolean): number {
  let total = 0;
  let concerns: number[] | null = null;
  for (let i = 0; i < codes.length; i++) {
    const points = featurePoints(weightOf(codes[i]), strengths[i]);
    if (isConcern(codes[i])) (concerns ??= []).push(Math.min(0, points) || 0);
    else if (points > 0) total += points;
  }
  if (concerns) for (const p of concerns) total += p;
  return clampScore(total);
}
