import fitted from './fitted-tuning.json';
import { MatchWeights, normaliseWeights } from './match-weights';

/**
 * Weights fitted on the development set's tuning part (npm run fit:matching writes fitted-tuning.json), shipped with the
 * code: stored as a new 'fitted-tuning' version and activated once at start when no stored version has the same digest.
 */
export const FITTED_TUNING_WEIGHTS: { weights: MatchWeights; note: string; evidence: Record<string, number> } | null = {
  weights: normaliseWeights(fitted.weights),
  note: `${fitted.about} Objective: ${fitted.objective}.`,
  evidence: fitted.evidence,
};
