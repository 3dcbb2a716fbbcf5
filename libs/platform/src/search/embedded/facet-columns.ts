import { accessor } from './doc-lists';

// Like Meilisearch's faceting.maxValuesPerFacet default.
const MAX_FACET_VALUES = 100;
/** Facet codes of a document whose value is a list (its codes are in FacetColumn.lists). */
const LIST_CODE = -2;

/**
 * A facet's values for every document as integer codes, kept by the index until its next write: counting a facet over
 * thousands of candidates is then one pass over an Int32Array. A list counts each of its distinct values once.
 */
export interface FacetColumn {
  codes: Int32Array;
  lists: Map<number, number[]>;
  names: string[];
}

/** The column of one facet over documents 0…count-1 (dead ones left out). */
export function buildFacetColumn(facet: string, count: number, alive: Uint8Array, values: Array<Record<string, unknown> | undefined>): FacetColumn {
  const read = accessor(facet);
  const names: string[] = [];
  const dictionary = new Map<string, number>();
  const codeOf = (v: unknown) => {
    const key = String(v);
    let code = dictionary.get(key);
    if (code === undefined) dictionary.set(key, (code = names.push(key) - 1));
    return code;
  };
  const codes = new Int32Array(count).fill(-1);
  const lists = new Map<number, number[]>();
  for (let d = 0; d < count; d++) {
    if (!alive[d]) continue;
    const value = read(values[d]);
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      if (typeof value !== 'object') codes[d] = codeOf(value);
      continue;
    }
    const distinct = new Set<number>();
    for (const v of value) if (v !== null && typeof v !== 'object') distinct.add(codeOf(v));
    codes[d] = LIST_CODE;
    lists.set(d, [...distinct]);
  }
  return { codes, lists, names };
}

/** value → number of candidates holding it, values in order, at most MAX_FACET_VALUES. */
export function countFacet({ codes, lists, names }: FacetColumn, candidates: number[]): Record<string, number> {
  const counts = new Int32Array(names.length);
  for (const d of candidates) {
    const code = codes[d];
    if (code >= 0) counts[code]++;
    else if (code === LIST_CODE) for (const c of lists.get(d) as number[]) counts[c]++;
  }
  const keys = names.filter((_, c) => counts[c] > 0).sort().slice(0, MAX_FACET_VALUES);
  const index = new Map(names.map((name, c) => [name, c]));
  return Object.fromEntries(keys.map((k) => [k, counts[index.get(k) as number]]));
}
