import type { IndexedVersion, IndexSettings, SearchDocument } from './search-index.port';

/**
 * How one index is built from PostgreSQL: the owning context registers it with SearchIndexer.
 * Both adapters receive the documents this one function builds.
 */
export interface SearchProjection<D extends SearchDocument = SearchDocument> {
  index: string;
  /** Resolved at start and whenever synonyms change (the thesaurus feeds them). */
  settings(): Promise<IndexSettings> | IndexSettings;
  /** Current documents for these ids; ids absent from the map (or mapped to null) must leave the index. */
  load(ids: string[]): Promise<Map<string, D | null>>;
  /** (id, version) of every row that belongs in the index, for the reconciler. */
  listIndexable(): Promise<IndexedVersion[]>;
  /**
   * Current version of each of these ids that still exists, indexable or not: a removal is then of that version, and a
   * late delivery of an older copy cannot bring the document back. Without it, removals fence nothing.
   */
  versions?(ids: string[]): Promise<Map<string, number>>;
}
