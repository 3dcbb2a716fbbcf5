import type { Vocabulary } from './query-plan';

/** A posting's document number is its value divided by this (the low 10 bits hold attribute, place and frequency). */
export const DOC_UNIT = 1 << 10;
// Rare terms keep a plain array; past this many postings a typed array is smaller.
const TYPED_POSTINGS_FROM = 32;

export type Postings = { list: number[] | Uint32Array; n: number };

/** Term → postings sorted by document number, and the Latin terms in order for prefix and typo matching. */
export class PostingLists implements Vocabulary {
  private readonly lists = new Map<string, Postings>();
  private readonly latin = new Set<string>();
  private latinSorted: string[] | null = null;

  constructor(private readonly isLatin: (term: string) => boolean) {}

  get size(): number {
    return this.lists.size;
  }

  get(term: string): Postings | undefined {
    return this.lists.get(term);
  }

  has(term: string): boolean {
    return this.lists.has(term);
  }

  frequency(term: string): number {
    return this.lists.get(term)?.n ?? 0;
  }

  latinTerms(): string[] {
    this.latinSorted ??= [...this.latin].sort();
    return this.latinSorted;
  }

  /** Append a posting; documents are added in increasing number, so lists stay sorted. */
  add(term: string, entry: number): void {
    const postings = this.lists.get(term);
    if (!postings) {
      this.lists.set(term, { list: [entry], n: 1 });
      if (this.isLatin(term)) {
        this.latin.add(term);
        this.latinSorted = null;
      }
      return;
    }
    const { list } = postings;
    if (Array.isArray(list)) {
      list.push(entry);
      postings.n++;
      if (postings.n >= TYPED_POSTINGS_FROM) {
        const typed = new Uint32Array(postings.n * 2);
        typed.set(list);
        postings.list = typed;
      }
      return;
    }
    if (postings.n === list.length) {
      const grown = new Uint32Array(list.length * 2);
      grown.set(list);
      postings.list = grown;
    }
    postings.list[postings.n++] = entry;
  }

  /** Binary search of a posting list (sorted by document number). */
  contains(term: string, doc: number): boolean {
    const postings = this.lists.get(term);
    if (!postings) return false;
    let lo = 0;
    let hi = postings.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Math.floor(postings.list[mid] / DOC_UNIT) < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo < postings.n && Math.floor(postings.list[lo] / DOC_UNIT) === doc;
  }

  /** Give documents their new numbers (-1: dropped); terms left without postings go. Returns the postings kept. */
  renumber(renumber: Int32Array): number {
    let total = 0;
    for (const [term, postings] of this.lists) {
      const kept: number[] = [];
      for (let i = 0; i < postings.n; i++) {
        const entry = postings.list[i];
        const doc = renumber[Math.floor(entry / DOC_UNIT)];
        if (doc >= 0) kept.push(doc * DOC_UNIT + (entry % DOC_UNIT));
      }
      if (kept.length === 0) {
        this.lists.delete(term);
        if (this.latin.delete(term)) this.latinSorted = null;
        continue;
      }
      postings.list = kept.length >= TYPED_POSTINGS_FROM ? Uint32Array.from(kept) : kept;
      postings.n = kept.length;
      total += kept.length;
    }
    return total;
  }
}
