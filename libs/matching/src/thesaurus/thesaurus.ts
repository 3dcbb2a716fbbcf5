import advancedEquipment from './advanced-equipment.json';
import digital from './digital.json';
import energySavingEnvironmental from './energy-saving-environmental.json';
import lifeHealth from './life-health.json';
import modernAgriculture from './modern-agriculture.json';
import newEnergyVehicles from './new-energy-vehicles.json';
import newEnergy from './new-energy.json';
import newMaterials from './new-materials.json';
import techServices from './tech-services.json';

/** One concept of the domain thesaurus: a technique term with its equivalents, hierarchy and the symptoms it treats. */
export interface ThesaurusConcept {
  industry: string;
  term: string;
  synonyms: string[];
  broader: string[];
  narrower: string[];
  /** Symptom phrases: words separated by spaces that must all occur in one sentence of a demand (氮氧化物 超标). */
  symptoms: string[];
}

interface ThesaurusFile {
  industry: string;
  entries: Array<Omit<ThesaurusConcept, 'industry'>>;
}

const SHIPPED_FILES: ThesaurusFile[] = [
  energySavingEnvironmental, newMaterials, newEnergy, newEnergyVehicles, advancedEquipment, digital, lifeHealth, modernAgriculture, techServices,
];

/** The thesaurus shipped with the project: seeds the editable table on first start. */
export function shippedThesaurus(): ThesaurusConcept[] {
  return SHIPPED_FILES.flatMap((f) => f.entries.map((e) => ({ industry: f.industry, ...e })));
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

  constructor(readonly concepts: ThesaurusConcept[]) {
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
    for (const concept of this.concepts) {
      for (const symptom of concept.symptoms) {
        const parts = norm(symptom).split(/\s+/).filter(Boolean);
        if (parts.length && sentences.some((s) => parts.every((p) => s.includes(p)))) {
          hits.push({ concept, symptom });
          break;
        }
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
      for (const s of c.synonyms) link(s, [c.term]);
      for (const s of c.symptoms) link(s, [c.term]);
    }
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v.size > 0).map(([k, v]) => [k, [...v]]));
  }
}
