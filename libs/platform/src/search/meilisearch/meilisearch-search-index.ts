import type { EnqueuedTaskPromise, Index, IndexSwap, Meilisearch, SearchParams, Settings, Task } from 'meilisearch' with { 'resolution-mode': 'import' };
import type { ChineseTokenizer } from '../chinese-tokenizer';
import { getPath } from '../embedded/filter-evaluator';
import { searchFieldOf, SEARCH_FIELD_LOCALES, withoutSearchFields } from '../search-fields';
import {
  IndexedVersion,
  IndexSettings,
  InvalidSearchQueryError,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from '../search-index.port';
import { compileFilter } from './meilisearch-filter';

type MeilisearchModule = typeof import('meilisearch', { with: { 'resolution-mode': 'import' } });

/** Sort first so an explicit sort wins and relevance breaks ties (the port's rule); otherwise Meilisearch's defaults. */
export const DEFAULT_RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];
const UPSERT_CHUNK = 5000;
const LIST_PAGE = 1000;
/** Ids per version look-up (one filter expression). */
const FENCE_CHUNK = 500;

/** Meilisearch allows one typo from this many characters, two from TWO_TYPOS (its defaults, stated so they are ours). */
const ONE_TYPO = 5;
const TWO_TYPOS = 9;
const HAN = /^\p{Script=Han}+$/u;

export interface MeilisearchSearchIndexOptions {
  host: string;
  apiKey?: string;
  /**
   * The product's tokenizer: queries are segmented by it before they are sent, highlights are made by it on the
   * display fields, and its domain dictionary and stop words go into the settings.
   */
  tokenizer: ChineseTokenizer;
  /** How long to wait for a task (indexing, settings) before failing. */
  taskTimeoutMs?: number;
  /** How long one HTTP request may take before it fails (an unreachable server must not hang a caller). */
  requestTimeoutMs?: number;
}

/**
 * meilisearch is published as an ES module only. Node ≥ 20.19 loads it through require(esm); loading it lazily keeps
 * it out of processes (and test files) that run the embedded engine.
 */
function loadClientModule(): MeilisearchModule {
  return require('meilisearch') as MeilisearchModule;
}

export class MeilisearchSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly taskTimeoutMs: number;
  // Meilisearch before 1.16 cannot sort the documents route; then listVersions sorts client-side.
  private documentSortSupported = true;
  /** Indexes whose tombstone companion this process has created. */
  private readonly tombstoneIndexes = new Set<string>();

  constructor(private readonly options: MeilisearchSearchIndexOptions) {
    const { Meilisearch: Client } = loadClientModule();
    this.client = new Client({ host: options.host, apiKey: options.apiKey, timeout: options.requestTimeoutMs ?? 30_000 });
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
  }

  async applySettings(index: string, settings: IndexSettings): Promise<void> {
    const dictionary = this.options.tokenizer.dictionaryWords();
    const body: Settings = {
      searchableAttributes: settings.searchableAttributes,
      // id is always filterable and sortable: listVersions sorts by it and an empty OR compiles to a test on it.
      filterableAttributes: unique([...settings.filterableAttributes, 'id']),
      sortableAttributes: unique([...settings.sortableAttributes, 'id']),
      rankingRules: settings.rankingRules ?? DEFAULT_RANKING_RULES,
      synonyms: symmetricSynonyms(settings.synonyms ?? {}),
      displayedAttributes: settings.displayedAttributes ?? ['*'],
      stopWords: this.options.tokenizer.stopWordList(),
      dictionary,
      // Chinese words are exact: a one-character change is another word (脱硝 / 脱硫). Meilisearch would allow a typo
      // from five characters, so dictionary words that long are listed; the embedded engine never allows typos on Han.
      typoTolerance: {
        enabled: true,
        minWordSizeForTypos: { oneTypo: ONE_TYPO, twoTypos: TWO_TYPOS },
        disableOnWords: dictionary.filter((w) => HAN.test(w) && Array.from(w).length >= ONE_TYPO),
      },
      // Since Meilisearch 1.10: without it Han-only text is often detected as Japanese and segmented as such.
      ...(settings.localizedAttributes ? { localizedAttributes: settings.localizedAttributes } : {}),
    };
    // Creating the index first fixes the primary key; "already exists" is the idempotent case.
    await this.wait(this.client.createIndex(index, { primaryKey: 'id' }), ['index_already_exists']);
    await this.wait(this.client.index(index).updateSettings(body));
  }

  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    // Meilisearch has no conditional write: read the stored versions (documents and tombstones) and leave out what is
    // older. Writers are the outbox relay and the reconciler, which wait for each task, so the window between the read
    // and the write is one task's length; the reconciler repairs anything that slips through.
    const fence = await this.fencedVersions(index, documents.map((d) => d.id));
    const fresh = documents.filter((d) => !((fence.get(d.id) ?? -Infinity) > d.version));
    for (let i = 0; i < fresh.length; i += UPSERT_CHUNK) {
      await this.wait(this.index(index).addDocuments(fresh.slice(i, i + UPSERT_CHUNK), { primaryKey: 'id' }));
    }
  }

  async delete(index: string, ids: string[], versions?: ReadonlyMap<string, number>): Promise<void> {
    if (ids.length === 0) return;
    const unfenced = versions ? ids.filter((id) => !versions.has(id)) : ids;
    if (unfenced.length) await this.wait(this.index(index).deleteDocuments(unfenced));
    const fenced = versions ? ids.filter((id) => versions.has(id)) : [];
    if (!fenced.length) return;
    const fence = await this.fencedVersions(index, fenced);
    const removable = fenced.filter((id) => !((fence.get(id) ?? -Infinity) > versions!.get(id)!));
    if (!removable.length) return;
    await this.wait(this.index(index).deleteDocuments(removable));
    // The tombstones live in a companion index: the searched index holds only live documents.
    await this.ensureTombstoneIndex(index);
    const deletedAt = Date.now();
    await this.wait(this.client.index(tombstoneIndex(index)).addDocuments(removable.map((id) => ({ id, version: versions!.get(id)!, deletedAt })), { primaryKey: 'id' }));
  }

  async purgeTombstones(index: string, before: Date): Promise<number> {
    const task = await this.waitForTask(this.client.index(tombstoneIndex(index)).deleteDocuments({ filter: `deletedAt < ${before.getTime()}` }), ['index_not_found']);
    return Number((task.details as { deletedDocuments?: number } | undefined)?.deletedDocuments ?? 0);
  }

  async clear(index: string): Promise<void> {
    await this.wait(this.index(index).deleteAllDocuments());
    await this.wait(this.client.index(tombstoneIndex(index)).deleteAllDocuments(), ['index_not_found']);
  }

  /** The highest stored version of each id, over the live documents and the tombstones. */
  private async fencedVersions(index: string, ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const unique = [...new Set(ids)];
    for (const name of [index, tombstoneIndex(index)]) {
      for (let i = 0; i < unique.length; i += FENCE_CHUNK) {
        const chunk = unique.slice(i, i + FENCE_CHUNK);
        try {
          const page = await this.client.index(name).getDocuments({ filter: compileFilter({ field: 'id', in: chunk }), fields: ['id', 'version'], limit: chunk.length });
          for (const d of page.results.map(toVersion)) out.set(d.id, Math.max(out.get(d.id) ?? -Infinity, d.version));
        } catch (error) {
          if (!isIndexNotFound(error)) throw error;
        }
      }
    }
    return out;
  }

  private async ensureTombstoneIndex(index: string): Promise<void> {
    if (this.tombstoneIndexes.has(index)) return;
    await this.wait(this.client.createIndex(tombstoneIndex(index), { primaryKey: 'id' }), ['index_already_exists']);
    await this.wait(this.client.index(tombstoneIndex(index)).updateSettings({ filterableAttributes: ['id', 'deletedAt'] }));
    this.tombstoneIndexes.add(index);
  }

  async search<T extends SearchDocument = SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<T>> {
    const filter = query.filter ? compileFilter(query.filter) : '';
    const highlight = query.highlight ?? [];
    const params: SearchParams = {
      offset: query.offset ?? 0,
      limit: query.limit ?? 20,
      matchingStrategy: query.matchingStrategy ?? 'last',
      // Pins the query's language as localizedAttributes pins the documents' (Latin words are not affected).
      locales: SEARCH_FIELD_LOCALES,
      ...(filter ? { filter } : {}),
      ...(query.facets?.length ? { facets: query.facets } : {}),
      ...(query.sort?.length ? { sort: query.sort } : {}),
      ...(query.attributesToRetrieve ? { attributesToRetrieve: query.attributesToRetrieve } : {}),
      // The search field of each display field too: where an index has them, the terms matched there are what the
      // tokenizer marks on the display text.
      ...(highlight.length
        ? { attributesToHighlight: highlight.flatMap((a) => [a, searchFieldOf(a)]), highlightPreTag: MARK.pre, highlightPostTag: MARK.post }
        : {}),
      ...(query.showRankingScore ? { showRankingScore: true } : {}),
    };
    try {
      const response = await this.index(index).search(this.segmentQuery(query.q ?? ''), params);
      const hits = response.hits.map((raw) => {
        const { _formatted: formatted, _rankingScore: rankingScore, _matchesPosition, _rankingScoreDetails, ...document } = raw;
        const display = withoutSearchFields(document);
        const hit: SearchHit<T> = { document: display as T, highlights: this.highlightsOf(display, formatted, highlight) };
        if (query.showRankingScore && typeof rankingScore === 'number') hit.rankingScore = rankingScore;
        return hit;
      });
      return {
        hits,
        total: response.estimatedTotalHits ?? hits.length,
        facets: response.facetDistribution ?? {},
        processingTimeMs: response.processingTimeMs,
      };
    } catch (error) {
      if (isIndexNotFound(error)) return { hits: [], total: 0, facets: {}, processingTimeMs: 0 };
      throw asInvalidSearch(error) ?? error;
    }
  }

  async swapIndexes(a: string, b: string): Promise<void> {
    // No `rename` field: it arrived in Meilisearch 1.18 and older servers reject unknown fields.
    await this.wait(this.client.swapIndexes([{ indexes: [a, b] } as IndexSwap]));
  }

  /** The index and its tombstone companion. */
  async deleteIndex(index: string): Promise<void> {
    await this.wait(this.client.deleteIndex(index), ['index_not_found']);
    await this.wait(this.client.deleteIndex(tombstoneIndex(index)), ['index_not_found']);
    this.tombstoneIndexes.delete(index);
  }

  /** The query as the embedded engine reads it: the tokenizer's whole words, space-separated (Meilisearch splits on spaces). */
  private segmentQuery(q: string): string {
    const words = this.options.tokenizer.queryTerms(q);
    // Like the embedded engine, the last word is a prefix unless the query ends with a space.
    return words.length && /\s$/u.test(q) ? `${words.join(' ')} ` : words.join(' ');
  }

  /**
   * Highlights on the display fields. Where the index has search fields, the terms Meilisearch marked there are
   * marked on the display text by the tokenizer (the embedded engine does the same); otherwise Meilisearch's own.
   */
  private highlightsOf(document: Record<string, unknown>, formatted: Record<string, unknown> | undefined, attributes: string[]): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    if (!formatted) return out;
    const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
    for (const attribute of attributes) {
      const marked = [getPath(formatted, searchFieldOf(attribute))].flat().filter((m): m is string => typeof m === 'string');
      const value = marked.length ? getPath(document, attribute) : getPath(formatted, attribute);
      if (value === undefined || value === null) continue;
      if (marked.length) {
        const terms = markedTerms(marked.join(' '));
        const mark = (v: unknown) => (typeof v === 'string' ? this.options.tokenizer.highlight(v, terms) : text(v));
        out[attribute] = Array.isArray(value) ? value.map(mark) : mark(value);
      } else {
        out[attribute] = Array.isArray(value) ? value.map(text) : text(value);
      }
    }
    return out;
  }

  async listVersions(index: string, offset: number, limit: number): Promise<IndexedVersion[]> {
    try {
      if (this.documentSortSupported) {
        try {
          const page = await this.index(index).getDocuments({ fields: ['id', 'version'], sort: ['id:asc'], offset, limit });
          return page.results.map(toVersion);
        } catch (error) {
          if (!isBadRequest(error)) throw error;
          this.documentSortSupported = false;
        }
      }
      // No server-side sort: read every (id, version), sort by id, then page.
      const all: IndexedVersion[] = [];
      for (let from = 0; ; from += LIST_PAGE) {
        const page = await this.index(index).getDocuments({ fields: ['id', 'version'], offset: from, limit: LIST_PAGE });
        all.push(...page.results.map(toVersion));
        if (page.results.length < LIST_PAGE) break;
      }
      all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return all.slice(offset, offset + limit);
    } catch (error) {
      if (isIndexNotFound(error)) return [];
      throw error;
    }
  }

  async count(index: string): Promise<number> {
    try {
      return (await this.index(index).getStats()).numberOfDocuments;
    } catch (error) {
      if (isIndexNotFound(error)) return 0;
      throw error;
    }
  }

  async ping(): Promise<boolean> {
    return this.client.isHealthy();
  }

  private index(name: string): Index<SearchDocument> {
    return this.client.index<SearchDocument>(name);
  }

  /** Wait for the task and turn a failed one into an error (the client resolves failed tasks). */
  private async wait(enqueued: EnqueuedTaskPromise, tolerated: string[] = []): Promise<void> {
    await this.waitForTask(enqueued, tolerated);
  }

  private async waitForTask(enqueued: EnqueuedTaskPromise, tolerated: string[] = []): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs, interval: 50 });
    if (task.status === 'succeeded') return task;
    if (task.error && tolerated.includes(task.error.code)) return task;
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error given'}`);
  }
}

/** Where the removals of an index are remembered with their versions (Meilisearch index uids allow '_'). */
export function tombstoneIndex(index: string): string {
  return `${index}__tombstones`;
}

/** Meilisearch synonyms are one-way; the port's are multi-way, so every phrase of a group lists all the others. */
export function symmetricSynonyms(synonyms: Record<string, string[]>): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [key, values] of Object.entries(synonyms)) {
    const group = unique([key, ...values]);
    for (const from of group) {
      const targets = out.get(from) ?? new Set<string>();
      for (const to of group) if (to !== from) targets.add(to);
      out.set(from, targets);
    }
  }
  return Object.fromEntries([...out].filter(([, t]) => t.size > 0).map(([k, t]) => [k, [...t]]));
}

function toVersion(document: { id: unknown; version: unknown }): IndexedVersion {
  return { id: String(document.id), version: Number(document.version) };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('cause' in error)) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
}

const MARK = { pre: '<em>', post: '</em>' };

/** Terms of a search field Meilisearch marked: a whole term counts, even where only its prefix was marked. */
function markedTerms(field: string): Set<string> {
  const terms = new Set<string>();
  for (const token of field.split(' ')) {
    if (token.includes(MARK.pre)) terms.add(token.split(MARK.pre).join('').split(MARK.post).join(''));
  }
  return terms;
}

/**
 * Meilisearch's `invalid_search_<parameter>` errors (invalid_search_filter, invalid_search_sort, invalid_search_facets…)
 * as the port's error, naming the parameter: a 400 for the caller, not a 500.
 */
function asInvalidSearch(error: unknown): InvalidSearchQueryError | undefined {
  const code = errorCode(error);
  if (!code?.startsWith('invalid_search_')) return undefined;
  const parameter = code.slice('invalid_search_'.length).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const message = error instanceof Error && typeof (error as { cause?: { message?: unknown } }).cause?.message === 'string'
    ? String((error as { cause: { message: string } }).cause.message)
    : String(error);
  return new InvalidSearchQueryError(message, parameter);
}

function isIndexNotFound(error: unknown): boolean {
  return errorCode(error) === 'index_not_found';
}

function isBadRequest(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'bad_request' || code === 'invalid_document_sort';
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
