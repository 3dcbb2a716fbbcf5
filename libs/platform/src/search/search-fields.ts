import type { ChineseTokenizer } from './chinese-tokenizer';
import { getPath } from './embedded/filter-evaluator';
import type { IndexSettings, SearchDocument } from './search-index.port';

/**
 * One segmentation for both engines. Meilisearch segments Chinese by its own rules (language detection that takes
 * Han-only text for Japanese, jieba in normal mode that keeps 磷酸铁锂电池 whole), so what it finds would differ from
 * the embedded engine. Instead the projection writes, beside each searchable display field, a search field holding
 * the product's own index terms joined by spaces (ChineseTokenizer.segment); the engines search those and split on
 * spaces only, queries are segmented by the same tokenizer, and highlights are still made on the display fields.
 */

/** The object that holds a document's search fields: `searchTerms.title` mirrors `title`. */
export const SEARCH_FIELDS = 'searchTerms';

/** Search fields are Chinese text with Latin words (ISO 639-3 cmn): pins Meilisearch's tokenizer to Chinese. */
export const SEARCH_FIELD_LOCALES = ['cmn'];

export function searchFieldOf(attribute: string): string {
  return `${SEARCH_FIELDS}.${attribute}`;
}


/** Searchable text of a value: strings, numbers and booleans; arrays and nested objects flattened, one line each. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  if (value !== null && typeof value === 'object') return Object.values(value).map(textOf).filter(Boolean).join('\n');
  return '';
}

/**
 * The document as the engines store it: the display fields untouched, plus one search field per searchable attribute.
 * A list (keywords) stays a list, one segmented string per element, so an element that is the query is an exact match.
 */
export function withSearchFields<D extends SearchDocument>(document: D, searchable: string[], tokenizer: ChineseTokenizer): D {
  const fields: Record<string, string | string[]> = {};
  for (const attribute of searchable) {
    const value = getPath(document, attribute);
    const texts = (Array.isArray(value) ? value : [value]).map(textOf).filter(Boolean);
    if (!texts.length) continue;
    const segmented = texts.map((text) => tokenizer.segment(text));
    fields[attribute] = Array.isArray(value) ? segmented : segmented[0];
  }
  return { ...document, [SEARCH_FIELDS]: fields };
}

/** A document without its search fields (what hits show). */
export function withoutSearchFields<D extends Record<string, unknown>>(document: D): D {
  if (!(SEARCH_FIELDS in document)) return document;
  const { [SEARCH_FIELDS]: _fields, ...rest } = document;
  return rest as D;
}

/**
 * The settings the engines receive for a projection's settings: search fields searched in the projection's order,
 * the Chinese locale pinned on them, synonyms segmented like queries so both sides of a synonym read the same words.
 */
export function engineSettings(settings: IndexSettings, tokenizer: ChineseTokenizer): IndexSettings {
  const synonyms: Record<string, string[]> = {};
  const phrase = (text: string) => tokenizer.queryTerms(text).join(' ');
  for (const [key, values] of Object.entries(settings.synonyms ?? {})) {
    const from = phrase(key);
    const to = [...new Set(values.map(phrase).filter((v) => v && v !== from))];
    if (from && to.length) synonyms[from] = [...new Set([...(synonyms[from] ?? []), ...to])];
  }
  return {
    ...settings,
    searchableAttributes: settings.searchableAttributes.map(searchFieldOf),
    synonyms,
    presegmented: true,
    localizedAttributes: [{ attributePatterns: [`${SEARCH_FIELDS}.*`], locales: SEARCH_FIELD_LOCALES }],
  };
}
