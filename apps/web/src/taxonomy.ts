import { createContext, useContext } from 'react';

export interface Named {
  code: string;
  zh: string;
  en: string;
}
export interface Taxonomy {
  industries: Array<Named & { fields: Named[] }>;
  parks: Array<Named & { city: string; keyIndustries: string[] }>;
  /** The zone's cities; `code` is the city's administrative division code. */
  cities: Named[];
  trlLevels: Array<{ level: number; zh: string; en: string; stage: string }>;
  stages: Named[];
  transferModes: Named[];
  cooperationModes: Named[];
  pricingMethods: Named[];
}

export const EMPTY_TAXONOMY: Taxonomy = { industries: [], parks: [], cities: [], trlLevels: [], stages: [], transferModes: [], cooperationModes: [], pricingMethods: [] };

export const TaxonomyContext = createContext<Taxonomy>(EMPTY_TAXONOMY);

export function useTaxonomy(): Taxonomy {
  return useContext(TaxonomyContext);
}

/** code → {zh,en} across every list, so one lookup labels any code the API returns. */
export function labelIndex(t: Taxonomy): Map<string, Named> {
  const m = new Map<string, Named>();
  const add = (prefix: string, xs: Named[]) => xs.forEach((x) => m.set(`${prefix}:${x.code}`, x));
  add('industry', t.industries);
  add('field', t.industries.flatMap((i) => i.fields));
  add('park', t.parks);
  add('stage', t.stages);
  add('mode', [...t.transferModes, ...t.cooperationModes]);
  add('pricing', t.pricingMethods);
  t.trlLevels.forEach((l) => m.set(`trl:${l.level}`, { code: String(l.level), zh: l.zh, en: l.en }));
  return m;
}
