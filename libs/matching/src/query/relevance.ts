import { bigramBm25Scores, BigramCounts, bigramCounts } from './bigram-bm25';
import { informative, MatchQuery, MatchText, Segmenter, TextEvidence, WeightedTerm } from './match-query';

/**
 * Text relevance of candidates to a match query, ranked within the candidate pool the engine retrieved:
 * BM25F-style (per-field weights of the candidate's head — title and keywords — and body, saturating term frequency,
 * inverse document frequency over the pool so a word every candidate shares decides nothing), then RM3-style
 * pseudo-relevance feedback: the words the best first-pass candidates share are added to the query with a fraction of
 * its weight, and the pool is scored again. All parameters are fitted on the tuning part of the development set
 * (npm run fit:matching); the defaults below are that fit's result.
 */
export interface RelevanceParams {
  /**
   * Weight of a term found in the candidate's title (what it is about: a process that does 脱硝 says so in its title,
   * a monitoring platform mentions 脱硝 in its body), in its keywords (`head`) and in its body.
   */
  title: number;
  head: number;
  body: number;
  /** BM25 saturation of the weighted term frequency. */
  k1: number;
  /** A candidate scoring this share of the query's best achievable score is fully relevant (relevance 1). */
  saturation: number;
  /** How much of an idf-less match counts: 0 ranks by rarity in the pool only, 1 ignores rarity. */
  idfFloor: number;
  /**
   * Share of the relevance taken from a character-bigram BM25 of the querying side's whole text within the pool (relative
   * to the pool's best): it reads every word the text has, the ones the segmenter or the thesaurus does not know too.
   */
  bigramShare: number;
  /**
   * Weight in re-ranking of the terms the thesaurus added (neighbours of the text's words and the techniques its
   * symptoms call for), relative to the query's: 1 counts them as built, 0 ignores them. Retrieval is not affected.
   * Fitted like the rest: what the shipped associations are worth is a matter of evidence, not of faith.
   */
  expansionShare: number;
  /** Pseudo-relevance feedback: first-pass candidates read, words added, and their weight relative to the query's. */
  feedbackDocs: number;
  feedbackTerms: number;
  feedbackWeight: number;
}

export const DEFAULT_RELEVANCE: RelevanceParams = {
  title: 1.5,
  head: 1,
  body: 0.8,
  k1: 1.2,
  saturation: 0.6,
  idfFloor: 0.3,
  bigramShare: 0.3,
  expansionShare: 1,
  feedbackDocs: 3,
  feedbackTerms: 8,
  feedbackWeight: 0.4,
};

/** Terms of the query that decide relevance (expansions beyond these add noise more than recall). */
const SCORED_TERMS = 24;
/** The query's best achievable score is taken over its strongest terms: covering the core of the problem is enough. */
const CORE_TERMS = 6;
/** Several expansions of one source word or symptom count once at full weight, then this share each. */
const REPEAT_SHARE = 0.35;
/** A feedback word found in more than this share of the pool says nothing about the problem. */
const FEEDBACK_MAX_POOL_SHARE = 0.5;

/**
 * What relevance reads of a candidate, worked out once per candidate version (PreparedTextCache) rather than per query:
 * its normalised fields, the bigram counts of its whole text, and (when feedback first reads it) its informative words.
 */
export interface PreparedText {
  readonly prepared: true;
  text: MatchText;
  title: string;
  keywords: string;
  /** Title and keywords: where a term says what the candidate is. */
  head: string;
  body: string;
  /** Head and body in one string: one scan tells whether a term occurs at all (most do not). */
  all: string;
  bigrams: BigramCounts;
  /** Informative segmented words, filled when feedback reads the candidate first. */
  words?: string[];
}

export function prepareText(text: MatchText): PreparedText {
  const title = text.title.normalize('NFKC').toLowerCase();
  const keywords = text.keywords.join('\n').normalize('NFKC').toLowerCase();
  const head = `${title}\n${keywords}`;
  const body = text.body.normalize('NFKC').toLowerCase();
  return { prepared: true, text, title, keywords, head, body, all: `${head}\n${body}`, bigrams: bigramCounts(wholeText(text)) };
}

function asPrepared(x: MatchText | PreparedText): PreparedText {
  return 'prepared' in x ? x : prepareText(x);
}

function wordsOf(doc: PreparedText, segmenter: Segmenter): string[] {
  doc.words ??= segmenter.queryTerms(`${doc.text.title}。${doc.text.keywords.join('。')}。${doc.text.body}`).filter(informative);
  return doc.words;
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * Where each term occurs in each candidate of one pool, looked up once per term and pool (both passes, the pool IDF and
 * feedback's document frequency read it): per candidate, the field-weighted term frequency (0: absent).
 */
class PoolTerms {
  private readonly seen = new Map<string, { tf: Float64Array; df: number }>();

  constructor(private readonly pool: PreparedText[], private readonly p: RelevanceParams) {}

  of(term: string): { tf: Float64Array; df: number } {
    let hit = this.seen.get(term);
    if (hit) return hit;
    const tf = new Float64Array(this.pool.length);
    let df = 0;
    this.pool.forEach((doc, i) => {
      if (!doc.all.includes(term)) return;
      df++;
      tf[i] = this.p.title * occurrences(doc.title, term) + this.p.head * occurrences(doc.keywords, term) + this.p.body * occurrences(doc.body, term);
    });
    this.seen.set(term, (hit = { tf, df }));
    return hit;
  }
}

/** Pool document frequency of each term: in how many candidates it occurs anywhere. */
function poolIdf(terms: WeightedTerm[], pool: PoolTerms, size: number, floor: number): Map<string, number> {
  const P = size;
  const maxIdf = Math.log(1 + (P + 0.5) / 0.5);
  const out = new Map<string, number>();
  for (const t of terms) {
    const df = pool.of(t.term).df;
    // A word no candidate has cannot tell candidates apart: it weighs at the floor, not as the rarest word of all,
    // so a demand full of words the pool lacks does not make every candidate look irrelevant.
    const idf = df === 0 ? 0 : Math.log(1 + (P - df + 0.5) / (df + 0.5)) / maxIdf;
    out.set(t.term, floor + (1 - floor) * idf);
  }
  return out;
}

/** The query's terms as re-ranking weighs them: expansions at `expansionShare` of their weight, none left at 0. */
export function scoredTerms(query: MatchQuery, p: Pick<RelevanceParams, 'expansionShare'>): WeightedTerm[] {
  const terms = query.terms.slice(0, SCORED_TERMS);
  if (p.expansionShare === 1) return terms;
  return terms
    .map((t) => (t.origin === 'thesaurus' || t.origin === 'symptom' ? { ...t, weight: t.weight * p.expansionShare } : t))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
}

function score(query: MatchQuery, pool: PoolTerms, size: number, p: RelevanceParams): TextEvidence[] {
  const terms = scoredTerms(query, p);
  const idf = poolIdf(terms, pool, size, p.idfFloor);
  const best = [...terms].sort((a, b) => b.weight * idf.get(b.term)! - a.weight * idf.get(a.term)!).slice(0, CORE_TERMS);
  const ceiling = best.reduce((s, t) => s + t.weight * idf.get(t.term)!, 0) || 1;
  const stats = terms.map((t) => pool.of(t.term).tf);
  // Read once per term, not once per (candidate, term): the arithmetic below is the same expression in the same order.
  const idfs = terms.map((t) => idf.get(t.term)!);
  const groupOf = terms.map((t) => t.via ?? t.term);
  const out: TextEvidence[] = [];
  for (let i = 0; i < size; i++) {
    let got = 0;
    const matched: WeightedTerm[] = [];
    let groups: Set<string> | null = null;
    for (let k = 0; k < terms.length; k++) {
      const tf = stats[k][i];
      if (!tf) continue;
      const t = terms[k];
      const group = groupOf[k];
      const share = groups?.has(group) ? REPEAT_SHARE : 1;
      (groups ??= new Set<string>()).add(group);
      got += share * t.weight * idfs[k] * ((tf * (p.k1 + 1)) / (tf + p.k1)) / (p.k1 + 1);
      matched.push(t);
    }
    out.push({ relevance: Math.min(1, got / (p.saturation * ceiling)), matched });
  }
  return out;
}

/**
 * RM3: the relevance model of the top first-pass candidates (each word's share of a candidate's words, weighted by the
 * candidate's relevance), its strongest words not yet in the query added with `feedbackWeight` of the query's mean
 * core weight. Words most of the pool shares are skipped: they do not tell candidates apart.
 */
export function feedbackQuery(
  query: MatchQuery,
  top: Array<{ text: MatchText | PreparedText; relevance: number }>,
  pool: number,
  segmenter: Segmenter,
  p: RelevanceParams,
  poolDf: (term: string) => number,
): MatchQuery {
  const docs = top.filter((d) => d.relevance > 0).slice(0, p.feedbackDocs);
  if (!docs.length || p.feedbackTerms <= 0 || p.feedbackWeight <= 0) return query;
  const known = new Set(query.terms.map((t) => t.term));
  const model = new Map<string, number>();
  const mass = docs.reduce((s, d) => s + d.relevance, 0);
  for (const d of docs) {
    const words = wordsOf(asPrepared(d.text), segmenter);
    if (!words.length) continue;
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w, n] of counts) model.set(w, (model.get(w) ?? 0) + (d.relevance / mass) * (n / words.length));
  }
  // Strongest first; the pool's document frequency is looked up only until enough words are chosen (same choice).
  const ordered = [...model].filter(([w]) => !known.has(w)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const chosen: Array<[string, number]> = [];
  const maxDf = Math.max(1, pool * FEEDBACK_MAX_POOL_SHARE);
  for (const entry of ordered) {
    if (chosen.length >= p.feedbackTerms) break;
    if (poolDf(entry[0]) <= maxDf) chosen.push(entry);
  }
  if (!chosen.length) return query;
  const core = query.terms.slice(0, CORE_TERMS);
  const unit = (core.reduce((s, t) => s + t.weight, 0) / Math.max(1, core.length)) * p.feedbackWeight;
  const top1 = chosen[0][1];
  const added: WeightedTerm[] = chosen.map(([term, w]) => ({ term, weight: unit * (w / top1), origin: 'feedback' as const }));
  const terms = [...query.terms, ...added].sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
  return { ...query, terms };
}

/**
 * Relevance of every candidate of a pool (same order as given): a first pass, pseudo-relevance feedback from its best
 * candidates, and a second pass with the expanded query. Returns the expanded query too (stored reasons name its words).
 * Candidates may come prepared (PreparedTextCache): the per-candidate work is then not repeated per query.
 */
export function rankPool(
  query: MatchQuery,
  pool: Array<MatchText | PreparedText>,
  segmenter: Segmenter,
  p: RelevanceParams = DEFAULT_RELEVANCE,
  fullText?: string,
): { query: MatchQuery; evidence: TextEvidence[] } {
  const prepared = pool.map(asPrepared);
  const terms = new PoolTerms(prepared, p);
  const blend = bigramBlend(prepared, fullText, p.bigramShare);
  const first = blend(score(query, terms, prepared.length, p));
  if (p.feedbackDocs <= 0 || pool.length < 2) return { query, evidence: first };
  const order = first.map((e, i) => ({ text: prepared[i], relevance: e.relevance })).sort((a, b) => b.relevance - a.relevance);
  const poolDf = (term: string) => terms.of(term).df;
  const expanded = feedbackQuery(query, order, pool.length, segmenter, p, poolDf);
  return expanded === query ? { query, evidence: first } : { query: expanded, evidence: blend(score(expanded, terms, prepared.length, p)) };
}

/** Mixes the word relevance with the bigram BM25 of the whole querying text, relative to the pool's best candidate. */
function bigramBlend(pool: PreparedText[], fullText: string | undefined, share: number): (evidence: TextEvidence[]) => TextEvidence[] {
  if (!fullText || share <= 0 || !pool.length) return (e) => e;
  const raw = bigramBm25Scores(fullText, pool.map((d) => d.bigrams));
  const top = Math.max(0, ...raw);
  // Bigrams that see nothing (an English demand on Chinese listings) say nothing: the word relevance stands alone.
  if (top <= 0) return (e) => e;
  const relative = raw.map((x) => x / top);
  // A candidate the words do not reach at all stays out: the bigrams refine the order, they do not retrieve.
  return (evidence) => evidence.map((e, i) => (e.relevance > 0 ? { ...e, relevance: (1 - share) * e.relevance + share * relative[i] } : e));
}

/** The whole text of a querying side, as the bigram signal reads it. */
export function wholeText(text: MatchText): string {
  return `${text.title}\n${text.keywords.join('\n')}\n${text.body}`;
}

/** Keys of the relevance parameters inside a weights version's `params` (absent = the default). */
const PARAM_KEYS: Record<Exclude<keyof RelevanceParams, 'head' | 'body'>, string> = {
  title: 'relevance.title',
  k1: 'relevance.k1',
  saturation: 'relevance.saturation',
  idfFloor: 'relevance.idfFloor',
  bigramShare: 'relevance.bigramShare',
  expansionShare: 'relevance.expansionShare',
  feedbackDocs: 'feedback.docs',
  feedbackTerms: 'feedback.terms',
  feedbackWeight: 'feedback.weight',
};

/** The relevance parameters of a weights version: the candidate's field weights plus the named tuning parameters. */
export function relevanceParams(weights: { candidate: { head: number; body: number }; params: Record<string, number> }): RelevanceParams {
  const out: RelevanceParams = { ...DEFAULT_RELEVANCE, head: weights.candidate.head, body: weights.candidate.body };
  for (const [key, name] of Object.entries(PARAM_KEYS) as Array<[keyof typeof PARAM_KEYS, string]>) {
    const v = weights.params[name];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
  }
  return out;
}

/** The inverse: relevance parameters as a weights version stores them. */
export function relevanceToWeights(p: RelevanceParams): { candidate: { head: number; body: number }; params: Record<string, number> } {
  return { candidate: { head: p.head, body: p.body }, params: Object.fromEntries(Object.entries(PARAM_KEYS).map(([key, name]) => [name, p[key as keyof typeof PARAM_KEYS]])) };
}
