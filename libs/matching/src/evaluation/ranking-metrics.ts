/** Graded relevance judgements of one query: document key → grade 0-3 (unjudged = 0). */
export type Judgements = Record<string, number>;

/** nDCG@k with exponential gain (2^grade - 1), the usual choice for graded judgements. */
export function ndcgAt(ranked: string[], judged: Judgements, k = 10): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (2 ** (judged[id] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(judged).filter((g) => g > 0).sort((a, b) => b - a).slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Share of the relevant documents (grade ≥ 1) found in the top k. */
export function recallAt(ranked: string[], judged: Judgements, k = 10): number {
  const relevant = Object.entries(judged).filter(([, g]) => g > 0).map(([id]) => id);
  if (!relevant.length) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** Reciprocal rank of the first relevant document (grade ≥ 1), 0 when none is ranked. */
export function reciprocalRank(ranked: string[], judged: Judgements): number {
  const i = ranked.findIndex((id) => (judged[id] ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}
