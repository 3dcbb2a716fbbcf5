import type { TextEvidence } from '../query/match-query';
import type { MatchWeights } from '../weights/match-weights';
import { AchievementFacts, DemandFacts, Labels, ScoredMatch, scorePair, scorePairOnly } from './match-scoring';

/** One eligible candidate of a pool: both sides' facts and its text evidence within the pool. */
export interface PoolCandidate<D extends { id: string }> {
  document: D;
  demand: DemandFacts;
  achievement: AchievementFacts;
  evidence: TextEvidence;
}

export interface RankedCandidate<D extends { id: string }> {
  document: D;
  scored: ScoredMatch;
  relevance: number;
}

/** Best score first, then the more relevant text, then the id: a total order, so equal scores never swap between runs. */
export function sortRanked<T extends { document: { id: string }; scored: { score: number }; relevance: number }>(items: T[]): T[] {
  return items.sort((a, b) => b.scored.score - a.scored.score || b.relevance - a.relevance || (a.document.id < b.document.id ? -1 : 1));
}

/**
 * The `keep` best candidates whose text relevance reaches `minRelevance`, scored with their reasons and concerns.
 * Every candidate is scored (scorePairOnly), but sentences are written only for those kept: composing them for the
 * whole pool of about a hundred was a third of the in-process time of a match. Scores and order are scorePair's.
 */
export function rankScored<D extends { id: string }>(
  candidates: Array<PoolCandidate<D>>,
  labels: Labels,
  weights: MatchWeights,
  minRelevance: number,
  keep: number,
): Array<RankedCandidate<D>> {
  const scored: Array<{ candidate: PoolCandidate<D>; document: D; scored: { score: number }; relevance: number }> = [];
  for (const c of candidates) {
    if (c.evidence.relevance < minRelevance) continue;
    scored.push({ candidate: c, document: c.document, scored: { score: scorePairOnly(c.demand, c.achievement, c.evidence, weights) }, relevance: c.evidence.relevance });
  }
  return sortRanked(scored)
    .slice(0, keep)
    .map(({ candidate: c }) => ({ document: c.document, scored: scorePair(c.demand, c.achievement, c.evidence, labels, undefined, weights), relevance: c.evidence.relevance }));
}
