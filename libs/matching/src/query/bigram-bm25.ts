/**
 * Okapi BM25 over character bigrams of the whole text (no segmenter, no dictionary, no thesaurus). Two uses: the
 * evaluation's baseline (the demand's full text against every achievement), and one signal of the product's relevance
 * within a candidate pool (query/relevance.ts), where it reads every word of the demand, the ones no dictionary knows too.
 * Chinese bigrams are the classic dictionary-free retrieval unit; Latin words and numbers count as single tokens.
 */
export interface Bm25Doc {
  id: string;
  text: string;
}

const K1 = 1.2;
const B = 0.75;

export function bigrams(text: string): string[] {
  const out: string[] = [];
  const norm = text.normalize('NFKC').toLowerCase();
  for (const m of norm.matchAll(/(\p{Script=Han}+)|([a-z0-9]+(?:\.[0-9]+)?)/gu)) {
    if (m[2]) {
      out.push(m[2]);
      continue;
    }
    const chars = Array.from(m[1]);
    if (chars.length === 1) out.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/** Bigram counts of one text and their total: what BM25 reads of a document (computed once per document version). */
export interface BigramCounts {
  tf: Map<string, number>;
  length: number;
}

export function bigramCounts(text: string): BigramCounts {
  const tf = new Map<string, number>();
  for (const g of bigrams(text)) tf.set(g, (tf.get(g) ?? 0) + 1);
  let length = 0;
  for (const n of tf.values()) length += n;
  return { tf, length };
}

/**
 * The same Okapi BM25 as BigramBm25.scores over a small collection given as counts (a candidate pool), in its order,
 * 0 where nothing matches. Document frequencies are counted for the query's bigrams only: a pool is re-read per query,
 * and counting every bigram of every candidate cost more than the scoring.
 */
export function bigramBm25Scores(query: string, docs: readonly BigramCounts[]): number[] {
  const q = new Map<string, number>();
  for (const g of bigrams(query)) q.set(g, (q.get(g) ?? 0) + 1);
  const N = docs.length;
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, N);
  const grams = [...q.keys()];
  // One look-up per (candidate, query bigram): the frequencies found give the document frequencies too.
  const found = docs.map((d) => grams.map((g) => d.tf.get(g) ?? 0));
  const idf = grams.map((_, k) => {
    let n = 0;
    for (const f of found) if (f[k]) n++;
    return Math.log(1 + (N - n + 0.5) / (n + 0.5));
  });
  return docs.map((d, i) => {
    let s = 0;
    const norm = K1 * (1 - B + (B * d.length) / avgLength);
    grams.forEach((g, k) => {
      const f = found[i][k];
      if (f) s += q.get(g)! * idf[k] * ((f * (K1 + 1)) / (f + norm));
    });
    return s;
  });
}

export class BigramBm25 {
  private readonly tf: Array<Map<string, number>>;
  private readonly lengths: number[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(private readonly docs: Bm25Doc[]) {
    this.tf = docs.map((d) => {
      const m = new Map<string, number>();
      for (const g of bigrams(d.text)) m.set(g, (m.get(g) ?? 0) + 1);
      return m;
    });
    this.lengths = this.tf.map((m) => [...m.values()].reduce((s, n) => s + n, 0));
    this.avgLength = this.lengths.reduce((s, n) => s + n, 0) / Math.max(1, docs.length);
    for (const m of this.tf) for (const g of m.keys()) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }

  /** Ids of the top k documents that pass the filter, best first (ties by id). */
  search(query: string, k: number, accept: (id: string) => boolean = () => true): string[] {
    return this.scores(query, accept).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([id]) => id);
  }

  /** Every document with a positive score that passes the filter, in collection order. */
  scores(query: string, accept: (id: string) => boolean = () => true): Array<[string, number]> {
    const q = new Map<string, number>();
    for (const g of bigrams(query)) q.set(g, (q.get(g) ?? 0) + 1);
    const N = this.docs.length;
    const scored: Array<[string, number]> = [];
    this.docs.forEach((d, i) => {
      if (!accept(d.id)) return;
      let s = 0;
      for (const [g, qtf] of q) {
        const f = this.tf[i].get(g);
        if (!f) continue;
        const n = this.df.get(g) ?? 0;
        const idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
        s += qtf * idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * this.lengths[i]) / this.avgLength)));
      }
      if (s > 0) scored.push([d.id, s]);
    });
    return scored;
  }
}
