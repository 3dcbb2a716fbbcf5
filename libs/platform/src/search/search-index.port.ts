/**
 * The search port. Contexts build documents (plain JSON objects with a string `id` and a numeric `version`)
 * and query through this interface only; which engine answers is decided in SearchModule from config.
 * Both adapters must show the same observable behaviour: the contract suite in
 * test/search/search-index.contract.int-spec.ts runs against whichever one is configured.
 */

export type SearchDocument = { id: string; version: number } & Record<string, unknown>;

export interface IndexSettings {
  /** Attributes searched by text, most important first (attribute order is a ranking signal). */
  searchableAttributes: string[];
  /** Attributes usable in filters and facets (scalars or arrays of scalars). */
  filterableAttributes: string[];
  /** Numeric or string attributes usable in sort. */
  sortableAttributes: string[];
  /** Meilisearch ranking rules; the embedded engine approximates the default order. */
  rankingRules?: string[];
  /** Multi-way synonyms: each key is equivalent to every value (applied symmetrically by both engines). */
  synonyms?: Record<string, string[]>;
  /** Attributes returned in hits; default all. */
  displayedAttributes?: string[];
  /**
   * The searchable attributes hold search fields: the product's own index terms joined by spaces (search-fields.ts).
   * Engines then split those attributes on spaces only, so both read the same tokens.
   */
  presegmented?: boolean;
  /** Which attributes are in which language (ISO 639-3, e.g. cmn): Meilisearch's localizedAttributes; the embedded engine has one tokenizer. */
  localizedAttributes?: LocalizedAttributesRule[];
}

export interface LocalizedAttributesRule {
  /** Attribute names, `*` as a wildcard at either end (`searchTerms.*`). */
  attributePatterns: string[];
  locales: string[];
}

/** Structured filter, compiled to a Meilisearch filter string or evaluated by the embedded engine. */
export type SearchFilter =
  | { and: SearchFilter[] }
  | { or: SearchFilter[] }
  | { not: SearchFilter }
  | { field: string; eq: string | number | boolean }
  | { field: string; in: Array<string | number> }
  | { field: string; gte?: number; lte?: number; gt?: number; lt?: number }
  | { field: string; exists: boolean }
  | { field: string; isNull: true };

export interface SearchQuery {
  /** Free text; empty or absent returns all documents matching the filter (placeholder search). */
  q?: string;
  filter?: SearchFilter;
  /** Attributes to count values of, over all documents matching q and filter. */
  facets?: string[];
  /** e.g. ['askingPrice:asc', 'publishedAt:desc']; relevance is the tie-breaker (and the default). */
  sort?: string[];
  offset?: number;
  limit?: number;
  /** Attributes whose matched terms come back wrapped in <em>…</em> in hit.highlights. */
  highlight?: string[];
  /** 'all': every query term (or a synonym) must match; 'last' (default): drop terms from the end until something matches, like Meilisearch. 'frequency' drops the most frequent first. */
  matchingStrategy?: 'all' | 'last' | 'frequency';
  /** Restrict returned attributes. */
  attributesToRetrieve?: string[];
  /** Ask for a ranking score in [0,1] on each hit. */
  showRankingScore?: boolean;
}

export interface SearchHit<T extends SearchDocument = SearchDocument> {
  document: T;
  /** Highlighted copies of the requested attributes (strings; arrays joined element-wise). */
  highlights: Record<string, string | string[]>;
  /** Relative relevance in [0,1] when showRankingScore was asked for. */
  rankingScore?: number;
}

export interface SearchResult<T extends SearchDocument = SearchDocument> {
  hits: SearchHit<T>[];
  /** Total matches (exact for the embedded engine; Meilisearch's estimatedTotalHits unless exhaustive). */
  total: number;
  /** facet attribute → value → count. */
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

export interface IndexedVersion {
  id: string;
  version: number;
}

export interface SearchIndex {
  /** 'meilisearch' or 'embedded': shown in health. */
  readonly engine: 'meilisearch' | 'embedded';
  /** Create the index if needed and apply its settings (idempotent; waits until applied). */
  applySettings(index: string, settings: IndexSettings): Promise<void>;
  /**
   * Insert or replace documents by id (waits until searchable). Only a version at least as new as the stored copy
   * (or its tombstone) is applied: a delayed delivery of an older version never overwrites a newer one.
   */
  upsert(index: string, documents: SearchDocument[]): Promise<void>;
  /**
   * Remove documents by id; unknown ids are ignored (waits until applied). With `versions` (id → version removed),
   * a stored copy newer than that version stays, and the removal is remembered (a tombstone) so that a later upsert of
   * an older version is ignored. Without, the removal fences nothing.
   */
  delete(index: string, ids: string[], versions?: ReadonlyMap<string, number>): Promise<void>;
  /** Forget the tombstones of removals made before `before` (no delivery can be that late); returns how many. */
  purgeTombstones(index: string, before: Date): Promise<number>;
  search<T extends SearchDocument = SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<T>>;
  /** Page through (id, version) of every stored document, ordered by id, for reconciliation. */
  listVersions(index: string, offset: number, limit: number): Promise<IndexedVersion[]>;
  /**
   * The same pages by key: the documents with an id after `afterId` (null: from the first), ordered by id. For engines
   * where an offset costs what it skips (PostgreSQL walks the skipped rows: at offset 900,000 one page took seconds),
   * so that a reconciliation of a million documents stays linear.
   */
  listVersionsAfter?(index: string, afterId: string | null, limit: number): Promise<IndexedVersion[]>;
  /** Number of documents in the index. */
  count(index: string): Promise<number>;
  /** Drop every document of the index and every version fence (settings stay). */
  clear(index: string): Promise<void>;
  /**
   * Exchange two indexes atomically (documents and settings): how a rebuilt index replaces the serving one
   * (Meilisearch's swap-indexes). Both must exist.
   */
  swapIndexes(a: string, b: string): Promise<void>;
  /** Remove an index with its documents and settings; an unknown index is ignored. */
  deleteIndex(index: string): Promise<void>;
  /** Cheap liveness probe. */
  ping(): Promise<boolean>;
}

export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/**
 * A query the index settings do not allow (a filter, facet or sort on an attribute that is not declared, a malformed
 * filter): the caller's mistake, answered with 400 and the offending parameter. Both engines throw it.
 */
export class InvalidSearchQueryError extends Error {
  override readonly name = 'InvalidSearchQueryError';
  constructor(
    message: string,
    /** The search parameter at fault: filter, sort, facets, q, offset, limit… */
    readonly field: string = 'query',
  ) {
    super(message);
  }
}
