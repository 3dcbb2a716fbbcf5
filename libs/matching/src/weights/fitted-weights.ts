import type { MatchWeights } from './match-weights';

/**
 * Weights fitted on the development set's tuning part (scripts/eval), shipped with the code: stored as a new
 * 'fitted-tuning' version and activated once at start when no stored version has the same digest. Null: none shipped.
 */
export const FITTED_TUNING_WEIGHTS: { weights: MatchWeights; note: string; evidence: Record<string, number> } | null = null;
