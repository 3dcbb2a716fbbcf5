import type { ChineseTokenizer } from '../chinese-tokenizer';
import { lowerBound } from './doc-lists';
import { allowedTypos, boundedEditDistance } from './edit-distance';

// How much a looser match is worth relative to the exact query word.
const PREFIX_WEIGHT = 0.8;
const SYNONYM_WEIGHT = 0.9;
export const DECOMPOSED_WEIGHT = 0.6;
const TYPO_WEIGHT = [1, 0.5, 0.3];
const MAX_PREFIX_EXPANSIONS = 100;
// Matched-word counts live in a Uint8Array; Meilisearch itself reads only 10 query words.
const MAX_QUERY_WORDS = 64;
// Longest index term tried when spelling an unknown Chinese word out of known ones.
const MAX_SPELLED_PART = 8;

/** The index terms one query word may match, each with how sure the match is. */
export interface Slot {
  variants: Array<{ term: string; weight: number }>;
}
/** Slots that must all match (a word, a multi-word synonym, the parts of a decomposed word). */
export interface Alternative {
  slots: Slot[];
  weight: number;
}
/** One query word (or phrase with synonyms): matched by any of its alternatives. */
export interface QueryUnit {
  alternatives: Alternative[];
}

/** What the planner needs to know of an index's terms. */
export interface Vocabulary {
  has(term: string): boolean;
  /** Documents holding the term (to keep the most frequent prefix expansions). */
  frequency(term: string): number;
  /** Latin terms in sort order (prefix and typo matching). */
  latinTerms(): string[];
}

/** Turns query text into units over an index's vocabulary: the same words, synonyms and typo rules as Meilisearch. */
export class QueryPlanner {
  private synonyms = new Map<string, string[][]>();
  private maxSynonymWords = 0;

  constructor(
    private readonly tokenizer: ChineseTokenizer,
    private readonly vocabulary: Vocabulary,
    synonyms: Record<string, string[]>,
  ) {
    this.buildSynonyms(synonyms);
  }

  /** Query words → units; a unit is matched by any of its alternatives (the words themselves, a synonym, a decomposition). */
  parse(q: string): QueryUnit[] {
    const words = this.tokenizer.queryTerms(q).slice(0, MAX_QUERY_WORDS);
    // Like Meilisearch, the last word is a prefix unless the query ends with a space.
    const prefixLast = q.length > 0 && !/\s$/u.test(q);
    const units: QueryUnit[] = [];
    for (let i = 0; i < words.length; ) {
      let length = Math.min(this.maxSynonymWords, words.length - i);
      for (; length > 0; length--) {
        const phrase = words.slice(i, i + length);
        const others = this.synonyms.get(phrase.join(' '));
        if (!others) continue;
        const own = phrase.flatMap((w, k) => this.slotsOf(w, prefixLast && i + k === words.length - 1));
        units.push({
          alternatives: [
            { slots: own, weight: 1 },
            ...others.map((other) => ({ slots: other.flatMap((w) => this.slotsOf(w, false)), weight: SYNONYM_WEIGHT })),
          ],
        });
        break;
      }
      if (length > 0) {
        i += length;
        continue;
      }
      const word = words[i];
      const alternatives: Alternative[] = [{ slots: this.slotsOf(word, prefixLast && i === words.length - 1), weight: 1 }];
      const parts = this.tokenizer.decompose(word);
      if (parts) alternatives.push({ slots: parts.map((p) => this.slot(p, false)), weight: DECOMPOSED_WEIGHT });
      units.push({ alternatives });
      i++;
    }
    return units;
  }

  /**
   * The slots a query word needs. A Chinese word the index has never seen (a word added to the dictionary after these
   * documents were cut, until the rebuild swaps in) is spelled out of the longest index terms it is made of, all required.
   */
  private slotsOf(word: string, prefix: boolean): Slot[] {
    if (this.vocabulary.has(word) || !this.tokenizer.isHanTerm(word)) return [this.slot(word, prefix)];
    const parts = this.spell(word);
    return parts ? parts.map((p) => ({ variants: [{ term: p, weight: DECOMPOSED_WEIGHT }] })) : [this.slot(word, prefix)];
  }

  /** Greedy longest match of a word over index terms (无卤阻燃 → 无, 卤, 阻燃), or undefined if some part is unknown. */
  private spell(word: string): string[] | undefined {
    const parts: string[] = [];
    for (let i = 0; i < word.length; ) {
      let j = Math.min(word.length, i + MAX_SPELLED_PART);
      while (j > i && !this.vocabulary.has(word.slice(i, j))) j--;
      if (j === i || j - i === word.length) return undefined;
      parts.push(word.slice(i, j));
      i = j;
    }
    return parts;
  }

  /** The index terms a query word matches: itself, and for Latin words its typo and (last word) prefix variants. */
  slot(word: string, prefix: boolean): Slot {
    const variants: Slot['variants'] = [];
    if (this.vocabulary.has(word)) variants.push({ term: word, weight: 1 });
    if (this.tokenizer.isHanTerm(word)) return { variants };
    const seen = new Set([word]);
    const latin = this.vocabulary.latinTerms();
    if (prefix) {
      const expansions: string[] = [];
      for (let i = lowerBound(latin, word); i < latin.length && latin[i].startsWith(word); i++) if (latin[i] !== word) expansions.push(latin[i]);
      expansions.sort((x, y) => this.vocabulary.frequency(y) - this.vocabulary.frequency(x));
      for (const term of expansions.slice(0, MAX_PREFIX_EXPANSIONS)) {
        seen.add(term);
        variants.push({ term, weight: PREFIX_WEIGHT });
      }
    }
    const limit = allowedTypos(word);
    if (limit > 0 && /\p{L}/u.test(word)) {
      // A first-letter typo costs two, so with one typo allowed only terms sharing the first letter can match.
      const from = limit === 1 ? lowerBound(latin, word[0]) : 0;
      const to = limit === 1 ? lowerBound(latin, String.fromCharCode(word.charCodeAt(0) + 1)) : latin.length;
      for (let i = from; i < to; i++) {
        const term = latin[i];
        if (seen.has(term)) continue;
        // A typo on the first letter counts double, as in Meilisearch.
        const typos = boundedEditDistance(word, term, limit, prefix) + (term[0] === word[0] ? 0 : 1);
        if (typos <= limit) variants.push({ term, weight: TYPO_WEIGHT[typos] * (prefix && term.length > word.length ? PREFIX_WEIGHT : 1) });
      }
    }
    return { variants };
  }

  private buildSynonyms(synonyms: Record<string, string[]>): void {
    const add = (from: string[], to: string[]) => {
      const key = from.join(' ');
      const list = this.synonyms.get(key) ?? [];
      if (key !== to.join(' ') && !list.some((l) => l.join(' ') === to.join(' '))) list.push(to);
      this.synonyms.set(key, list);
      this.maxSynonymWords = Math.max(this.maxSynonymWords, from.length);
    };
    // Symmetric: every phrase of a group stands for every other one.
    for (const [key, values] of Object.entries(synonyms)) {
      const group = [key, ...values].map((p) => this.tokenizer.queryTerms(p)).filter((p) => p.length > 0);
      for (const from of group) for (const to of group) add(from, to);
    }
    for (const [key, list] of this.synonyms) if (list.length === 0) this.synonyms.delete(key);
  }
}
