/**
 * Optimal-string-alignment distance (a swap of neighbours is one typo, as in Meilisearch), stopping early past `limit`.
 * With `prefix`, the distance from `query` to the closest prefix of `term` (the last query word is a prefix).
 * Returns limit + 1 for anything over the limit.
 */
export function boundedEditDistance(query: string, term: string, limit: number, prefix: boolean): number {
  const m = query.length;
  const n = term.length;
  if (!prefix && Math.abs(m - n) > limit) return limit + 1;
  if (prefix && n < m - limit) return limit + 1;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  let best = prefix ? previous[0] : limit + 1;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = query.charCodeAt(i - 1) === term.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && query.charCodeAt(i - 1) === term.charCodeAt(j - 2) && query.charCodeAt(i - 2) === term.charCodeAt(j - 1)) {
        d = Math.min(d, before[j - 2] + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
    if (i === m) best = prefix ? Math.min(...previous) : previous[n];
  }
  if (m === 0) best = prefix ? 0 : n;
  return best > limit ? limit + 1 : best;
}

/** Typos Meilisearch allows for a query word of this length (defaults: 1 from 5 characters, 2 from 9). */
export function allowedTypos(word: string): number {
  const length = Array.from(word).length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}
