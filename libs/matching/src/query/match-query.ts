import { EXPANSION_WEIGHT, shippedStopWords, Thesaurus } from '../thesaurus/thesaurus';
import { CandidateFieldWeights, DEFAULT_WEIGHTS, QueryFieldWeights } from '../weights/match-weights';

/** What query construction needs from the segmenter (the platform's ChineseTokenizer satisfies it). */
export interface Segmenter {
  queryTerms(text: string): string[];
}

export interface MatchText {
  title: string;
  keywords: string[];
  /** A demand's description or an achievement's summary. */
  body: string;
}

export type TermOrigin = 'title' | 'keyword' | 'body' | 'symptom' | 'thesaurus' | 'feedback';

export interface WeightedTerm {
  term: string;
  weight: number;
  origin: TermOrigin;
  /** For thesaurus and symptom terms: the source word or symptom phrase that led here (shown in reasons). */
  via?: string;
}

export interface MatchQuery {
  /** Every weighted term, best first (expansions included); used to score candidates. */
  terms: WeightedTerm[];
  /** The ≤ 10 most informative terms: Meilisearch reads only the first ten words of a query. */
  queryTerms: string[];
  /**
   * The querying side's own words (title, keywords, body; no expansion), strongest first: the second retrieval, so a
   * candidate that shares the text's words but none of the ten strongest terms still reaches the re-ranking.
   */
  textTerms: string[];
}

/**
 * Words that say nothing about the technique wanted: closed-class words and words spread evenly over every discipline's
 * research abstracts, both mined with their corpus attestation (scripts/thesaurus/mine.ts) — never words of a demand.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(shippedStopWords());
/**
 * Weight of the technique a symptom calls for: an administrator's phrase (several words in one sentence) is a sure link;
 * a single mined cue word (a word papers on the technique use) is a weaker one.
 */
export const SYMPTOM_WEIGHT = { phrase: 2.4, cue: 0.9 };

const MAX_QUERY_WORDS = 10;
/** Words of the text's own search (the embedded engine reads up to 64; a demand's informative words rarely pass 40). */
const MAX_TEXT_WORDS = 40;

export function informative(term: string): boolean {
  if (STOP_WORDS.has(term)) return false;
  if (/^\p{N}+([.,]\p{N}+)?$/u.test(term)) return false;
  // A single Han character is too ambiguous to retrieve with; Latin acronyms (SCR, COD) are kept.
  return Array.from(term).length >= 2;
}

/** Domain weighting: thesaurus words are what a match hinges on; longer words are more specific. */
function specificity(term: string, thesaurus: Thesaurus, domainWords: ReadonlySet<string>): number {
  let w = 1;
  if (thesaurus.conceptsOf(term).length) w *= 1.6;
  else if (domainWords.has(term)) w *= 1.3;
  const length = Array.from(term).length;
  if (length >= 4) w *= 1.15;
  if (/^[a-z0-9]+$/u.test(term)) w *= 1.1;
  return w;
}

/**
 * Builds the retrieval query of one side of a match from its title, keywords and body:
 * segment, drop generic words, weight by source and domain specificity, add the techniques the described symptoms call for
 * and the thesaurus neighbours of the strongest words, then keep the ten most informative terms for the engine.
 */
export function buildMatchQuery(
  text: MatchText,
  segmenter: Segmenter,
  thesaurus: Thesaurus,
  domainWords: ReadonlySet<string> = new Set(),
  fields: QueryFieldWeights = DEFAULT_WEIGHTS.fields,
): MatchQuery {
  const terms = new Map<string, WeightedTerm>();
  const add = (candidate: WeightedTerm) => {
    const term = candidate.term.normalize('NFKC').toLowerCase().trim();
    if (!term || !informative(term)) return;
    const prev = terms.get(term);
    if (!prev) terms.set(term, { ...candidate, term });
    // A word seen again in another place adds a little: repetition signals the core of the problem.
    else if (candidate.weight > prev.weight) terms.set(term, { ...candidate, term, weight: candidate.weight + prev.weight * 0.2 });
    else prev.weight += candidate.weight * 0.2;
  };
  const own = new Set<string>();
  const fromText = (source: 'title' | 'keyword' | 'body', value: string) => {
    for (const term of segmenter.queryTerms(value)) {
      own.add(term.normalize('NFKC').toLowerCase().trim());
      add({ term, weight: fields[source] * specificity(term, thesaurus, domainWords), origin: source });
    }
  };
  fromText('title', text.title);
  for (const k of text.keywords) fromText('keyword', k);
  fromText('body', text.body);

  // Symptoms → techniques: the enterprise's words name the problem, the achievement's words name the cure.
  for (const hit of thesaurus.detectSymptoms(`${text.title}。${text.body}。${text.keywords.join('。')}`)) {
    const strength = /\s/.test(hit.symptom.trim()) ? 1 : SYMPTOM_WEIGHT.cue / SYMPTOM_WEIGHT.phrase;
    add({ term: hit.concept.term, weight: SYMPTOM_WEIGHT.phrase * strength * EXPANSION_WEIGHT.symptom, origin: 'symptom', via: hit.symptom });
    for (const t of hit.concept.synonyms) add({ term: t, weight: 1.6 * strength, origin: 'symptom', via: hit.symptom });
    for (const t of hit.concept.narrower) add({ term: t, weight: 1.3 * strength, origin: 'symptom', via: hit.symptom });
  }

  // Thesaurus neighbours of the strongest direct words (not of expansions, to avoid drifting away).
  const direct = [...terms.values()].filter((t) => t.origin !== 'symptom' && t.origin !== 'thesaurus').sort((a, b) => b.weight - a.weight);
  for (const source of direct.slice(0, 6)) {
    for (const rel of thesaurus.related(source.term)) {
      add({ term: rel.term, weight: source.weight * EXPANSION_WEIGHT[rel.kind] * 0.8, origin: 'thesaurus', via: source.term });
    }
  }

  const ranked = [...terms.values()].sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
  return {
    terms: ranked,
    queryTerms: ranked.slice(0, MAX_QUERY_WORDS).map((t) => t.term),
    textTerms: ranked.filter((t) => own.has(t.term)).slice(0, MAX_TEXT_WORDS).map((t) => t.term),
  };
}

export interface TextEvidence {
  /** 0-1: share of the query's weight the candidate text covers (saturating). */
  relevance: number;
  /** Query terms found in the candidate, best first. */
  matched: WeightedTerm[];
}

/**
 * How well a candidate's text covers the query: weighted share of the strongest terms found in its title/keywords (full weight)
 * or body (0.8), saturating so that covering the core of the problem is enough.
 */
export function textEvidence(query: MatchQuery, candidate: MatchText, fields: CandidateFieldWeights = DEFAULT_WEIGHTS.candidate): TextEvidence {
  const head = `${candidate.title}\n${candidate.keywords.join('\n')}`.normalize('NFKC').toLowerCase();
  const body = candidate.body.normalize('NFKC').toLowerCase();
  const scored = query.terms.slice(0, 24);
  const norm = scored.slice(0, 6).reduce((s, t) => s + t.weight, 0) || 1;
  let got = 0;
  const matched: WeightedTerm[] = [];
  const coveredConcepts = new Set<string>();
  for (const t of scored) {
    const factor = head.includes(t.term) ? fields.head : body.includes(t.term) ? fields.body : 0;
    if (!factor) continue;
    // Several expansions of one symptom or word count once at full weight, then little.
    const group = t.via ?? t.term;
    const repeat = coveredConcepts.has(group);
    coveredConcepts.add(group);
    got += t.weight * factor * (repeat ? 0.35 : 1);
    matched.push(t);
  }
  return { relevance: Math.min(1, got / (0.75 * norm)), matched };
}

/**
 * The words of the one retrieval search: the strongest terms (expansions included: the thesaurus bridges the
 * enterprise's words to the technique's), then the text's own strongest words not among them, `budget` in all. One
 * search over their union replaces a search per list: the engine's cost grows with the words' posting lists, and each
 * further word of a long text adds less to the pool than it costs.
 */
export function retrievalTerms(query: Pick<MatchQuery, 'queryTerms' | 'textTerms'>, budget: number): string[] {
  const out = new Set(query.queryTerms.slice(0, budget));
  for (const t of query.textTerms) {
    if (out.size >= budget) break;
    out.add(t);
  }
  return [...out];
}
