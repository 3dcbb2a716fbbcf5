import mined from './mined-thesaurus.json';
import standards from './standard-vocabulary.json';

/** One concept of the domain thesaurus: a technique term with its equivalents, hierarchy and the symptoms it treats. */
export interface ThesaurusConcept {
  industry: string;
  term: string;
  synonyms: string[];
  broader: string[];
  narrower: string[];
  /**
   * Symptoms: words separated by spaces that must all occur in one sentence of a text. Shipped ones are single cue words
   * mined from research text (a word papers on the technique use); administrators may add phrases (电缆 着火).
   */
  symptoms: string[];
}

/**
 * Where shipped thesaurus content may come from. Nothing is copied from a demand: concepts come from standards' titles,
 * the industry taxonomy and associations mined from research corpora (scripts/thesaurus/mine.ts); the provenance test
 * fails on any other source.
 */
export const ALLOWED_SOURCES = [
  'national-standard', 'industry-taxonomy', 'abstract-abbreviation', 'abstract-english-gloss', 'gloss-head-alignment', 'keyword-head-compound',
  'keyword-abstract-npmi', 'patent-title-ipc-npmi', 'corpus-df', 'closed-class-words',
] as const;
export type ThesaurusSource = (typeof ALLOWED_SOURCES)[number];

/** One shipped link with its provenance (what the provenance test and the thesaurus README describe). */
export interface ProvenancedEntry {
  kind: 'synonym' | 'narrower' | 'broader' | 'cue' | 'en' | 'related' | 'stop-word';
  terms: string[];
  source: string;
  score?: number;
}

interface MinedFile {
  taxonomy: Array<{ industry: string; zh: string; en: string; source: string }>;
  entries: Array<{ kind: 'synonym' | 'narrower' | 'cue' | 'en' | 'related'; terms: [string, string]; source: string; score: number }>;
  stopWords: Array<{ term: string; source: string; df: number }>;
  terms: Record<string, { df: number; industry?: string }>;
}
interface StandardsFile {
  source: string;
  entries: Array<{ industry: string; term: string; synonyms: string[]; narrower: string[]; broader: string[]; en: string[]; ref: string[] }>;
}
const MINED = mined as unknown as MinedFile;
const STANDARDS = standards as unknown as StandardsFile;
/** A head term gets at most this many narrower terms: they also become search synonyms, each one a query branch. */
const MAX_NARROWER = 8;
/** Mined cue words kept per technique (the strongest by NPMI). */
const MAX_CUES = 6;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** Every shipped link with its source: standards, taxonomy and mined entries, and the stop-words. */
export function shippedProvenance(): ProvenancedEntry[] {
  const out: ProvenancedEntry[] = [];
  for (const e of STANDARDS.entries) {
    for (const s of e.synonyms) out.push({ kind: 'synonym', terms: [e.term, s], source: STANDARDS.source });
    for (const s of e.narrower) out.push({ kind: 'narrower', terms: [e.term, s], source: STANDARDS.source });
    for (const s of e.broader) out.push({ kind: 'broader', terms: [e.term, s], source: STANDARDS.source });
    for (const s of e.en) out.push({ kind: 'en', terms: [e.term, s], source: STANDARDS.source });
  }
  for (const t of MINED.taxonomy) out.push({ kind: 'en', terms: [t.zh, t.en], source: t.source });
  for (const e of MINED.entries) out.push({ kind: e.kind, terms: e.terms, source: e.source, score: e.score });
  for (const s of MINED.stopWords) out.push({ kind: 'stop-word', terms: [s.term], source: s.source });
  return out;
}

/** Document frequency of a term in the independent corpora the thesaurus was mined from (0 when not attested). */
export function corpusAttestation(term: string): number {
  return MINED.terms[term]?.df ?? 0;
}

/** Stop-words mined from the corpora: words spread evenly over every discipline's abstracts. */
export function shippedStopWords(): string[] {
  return MINED.stopWords.map((s) => s.term);
}

/**
 * The thesaurus shipped with the project (seeds the editable table): concepts from standards, the taxonomy's English
 * labels, and mined abbreviations, English glosses and keyword compounds. English labels are synonyms, so an English
 * query (battery) reaches Chinese content (电池) through the index's synonyms.
 */
export function shippedThesaurus(): ThesaurusConcept[] {
  const byTerm = new Map<string, ThesaurusConcept>();
  const concept = (term: string, industry?: string): ThesaurusConcept => {
    let c = byTerm.get(term);
    if (!c) byTerm.set(term, (c = { industry: industry ?? MINED.terms[term]?.industry ?? 'tech-services', term, synonyms: [], broader: [], narrower: [], symptoms: [] }));
    return c;
  };
  const push = (list: string[], value: string, max = Infinity) => {
    if (!list.includes(value) && list.length < max) list.push(value);
  };
  for (const e of STANDARDS.entries) {
    const c = concept(e.term, e.industry);
    for (const s of [...e.synonyms, ...e.en]) push(c.synonyms, s);
    for (const s of e.narrower) push(c.narrower, s);
    for (const s of e.broader) push(c.broader, s);
  }
  for (const t of MINED.taxonomy) push(concept(t.zh, t.industry).synonyms, t.en.toLowerCase());
  for (const e of MINED.entries) {
    const [a, b] = e.terms;
    if (e.kind === 'synonym' || e.kind === 'en') {
      if (norm(a) !== norm(b)) push(concept(a).synonyms, b);
    } else if (e.kind === 'narrower') push(concept(a).narrower, b, MAX_NARROWER);
  }
  // Cue words, strongest first: a single word that papers on the technique use (what it treats, where it applies).
  const cues = MINED.entries.filter((e) => e.kind === 'cue' || e.kind === 'related').sort((x, y) => y.score - x.score);
  for (const e of cues) {
    // Only Chinese cue words: a symptom word matches inside a sentence, and a short Latin word (ne, sa) would match
    // inside any English word.
    if (!HAN_WORD.test(e.terms[0]) || (e.kind === 'related' && !HAN_WORD.test(e.terms[1]))) continue;
    push(concept(e.terms[1]).symptoms, e.terms[0], MAX_CUES);
    if (e.kind === 'related') push(concept(e.terms[0]).symptoms, e.terms[1], MAX_CUES);
  }
  return [...byTerm.values()].filter((c) => c.synonyms.length + c.narrower.length + c.broader.length + c.symptoms.length > 0);
}

/** How a query term was reached from the source text; weights reflect how sure the link is. */
export type ExpansionKind = 'synonym' | 'narrower' | 'broader' | 'symptom';
export const EXPANSION_WEIGHT: Record<ExpansionKind, number> = { synonym: 0.9, narrower: 0.7, symptom: 1.0, broader: 0.4 };

export interface SymptomHit {
  concept: ThesaurusConcept;
  symptom: string;
}

const SENTENCE_BREAK = /[。！？；;!?\n]+/u;

function norm(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Read-only view of the thesaurus used by query construction and reasons (pure: built from a concept list). */
export class Thesaurus {
  private readonly byTerm = new Map<string, ThesaurusConcept[]>();
  /** Each concept's symptoms split into their words once, not at every detection. */
  private readonly symptomParts: Array<{ concept: ThesaurusConcept; symptoms: Array<{ symptom: string; parts: string[] }> }>;
  /**
   * Symptoms by the first two characters of their first word (index into symptomParts, then into its symptoms): a
   * text can only describe a symptom whose first word's opening pair it contains, so detection reads the text's
   * character pairs instead of testing every symptom. Symptoms whose first word is one character are always tested.
   */
  private readonly symptomsByPair = new Map<string, Array<[number, number]>>();
  private readonly unpairedSymptoms: Array<[number, number]> = [];

  constructor(readonly concepts: ThesaurusConcept[]) {
    this.symptomParts = concepts
      .map((concept) => ({ concept, symptoms: concept.symptoms.map((symptom) => ({ symptom, parts: norm(symptom).split(/\s+/).filter(Boolean) })).filter((x) => x.parts.length) }))
      .filter((c) => c.symptoms.length);
    this.symptomParts.forEach((c, i) =>
      c.symptoms.forEach((x, j) => {
        const chars = Array.from(x.parts[0]);
        if (chars.length < 2) this.unpairedSymptoms.push([i, j]);
        else {
          const pair = chars[0] + chars[1];
          this.symptomsByPair.set(pair, [...(this.symptomsByPair.get(pair) ?? []), [i, j]]);
        }
      }),
    );
    for (const c of concepts) {
      for (const t of [c.term, ...c.synonyms]) {
        const key = norm(t);
        this.byTerm.set(key, [...(this.byTerm.get(key) ?? []), c]);
      }
    }
  }

  /** Every single word of the thesaurus (terms, synonyms, narrower, broader), for the segmenter's dictionary. */
  words(): string[] {
    const out = new Set<string>();
    for (const c of this.concepts) for (const w of [c.term, ...c.synonyms, ...c.narrower, ...c.broader]) if (!/\s/.test(w.trim())) out.add(w.trim());
    return [...out];
  }

  /** Concepts whose term or synonym is this word. */
  conceptsOf(word: string): ThesaurusConcept[] {
    return this.byTerm.get(norm(word)) ?? [];
  }

  /** Related words of a word with the kind of link, best link first, the word itself excluded. */
  related(word: string): Array<{ term: string; kind: ExpansionKind }> {
    const out = new Map<string, ExpansionKind>();
    const self = norm(word);
    const add = (t: string, kind: ExpansionKind) => {
      const k = norm(t);
      if (k === self) return;
      const prev = out.get(k);
      if (!prev || EXPANSION_WEIGHT[kind] > EXPANSION_WEIGHT[prev]) out.set(k, kind);
    };
    for (const c of this.conceptsOf(word)) {
      for (const t of [c.term, ...c.synonyms]) add(t, 'synonym');
      for (const t of c.narrower) add(t, 'narrower');
      for (const t of c.broader) add(t, 'broader');
    }
    return [...out].map(([term, kind]) => ({ term, kind })).sort((a, b) => EXPANSION_WEIGHT[b.kind] - EXPANSION_WEIGHT[a.kind]);
  }

  /** Symptoms described in a text: every word of a symptom phrase occurs within one sentence. */
  detectSymptoms(text: string): SymptomHit[] {
    const sentences = norm(text).split(SENTENCE_BREAK).filter((s) => s.length > 0);
    const hits: SymptomHit[] = [];
    const whole = Array.from(sentences.join('\n'));
    const candidates = [...this.unpairedSymptoms];
    const pairs = new Set<string>();
    for (let k = 0; k + 1 < whole.length; k++) pairs.add(whole[k] + whole[k + 1]);
    for (const pair of pairs) candidates.push(...(this.symptomsByPair.get(pair) ?? []));
    // In thesaurus order, and each concept's first described symptom only: the same hits as testing every symptom.
    candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let last = -1;
    for (const [i, j] of candidates) {
      if (i === last) continue;
      const { concept, symptoms } = this.symptomParts[i];
      const { symptom, parts } = symptoms[j];
      if (sentences.some((s) => parts.every((p) => s.includes(p)))) {
        hits.push({ concept, symptom });
        last = i;
      }
    }
    return hits;
  }

  /**
   * Synonyms for the search engine (each key equivalent to its values, applied symmetrically):
   * a concept's term, synonyms and narrower terms form one group; each symptom phrase points to the term.
   */
  toSearchSynonyms(): Record<string, string[]> {
    const out: Record<string, Set<string>> = {};
    const link = (from: string, to: string[]) => {
      const key = from.trim();
      if (!key) return;
      out[key] ??= new Set();
      for (const t of to) if (t.trim() && t.trim() !== key) out[key].add(t.trim());
    };
    for (const c of this.concepts) {
      link(c.term, [...c.synonyms, ...c.narrower]);
      // Every synonym reaches the whole group (denitrification → 烟气脱硝 and 脱硝), not only the head term.
      for (const s of c.synonyms) link(s, [c.term, ...c.synonyms]);
      // Only phrases: a single mined cue word is an association, not an equivalent the engine may substitute.
      for (const s of c.symptoms) if (/\s/.test(s.trim())) link(s, [c.term]);
    }
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v.size > 0).map(([k, v]) => [k, [...v]]));
  }
}
