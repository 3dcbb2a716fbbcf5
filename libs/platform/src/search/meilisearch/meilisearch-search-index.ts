import type { EnqueuedTaskPromise, Index, Meilisearch, SearchParams, Settings, Task } from 'meilisearch' with { 'resolution-mode': 'import' };
import type {
  IndexedVersion,
  IndexSettings,
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

export interface MeilisearchSearchIndexOptions {
  host: string;
  apiKey?: string;
  /** Words Meilisearch's segmenter must keep whole (the domain dictionary), read when settings are applied. */
  dictionary?: () => string[];
  /** Stop words shared with the embedded engine. */
  stopWords?: string[];
  /** How long to wait for a task (indexing, settings) before failing. */
  taskTimeoutMs?: number;
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
    this.client = new Client({ host: options.host, apiKey: options.apiKey });
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
  }

  async applySettings(index: string, settings: IndexSettings): Promise<void> {
    const body: Settings = {
      searchableAttributes: settings.searchableAttributes,
      // id is always filterable and sortable: listVersions sorts by it and an empty OR compiles to a test on it.
      filterableAttributes: unique([...settings.filterableAttributes, 'id']),
      sortableAttributes: unique([...settings.sortableAttributes, 'id']),
      rankingRules: settings.rankingRules ?? DEFAULT_RANKING_RULES,
      synonyms: symmetricSynonyms(settings.synonyms ?? {}),
      displayedAttributes: settings.displayedAttributes ?? ['*'],
      stopWords: this.options.stopWords ?? [],
      dictionary: this.options.dictionary?.() ?? [],
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
    const params: SearchParams = {
      offset: query.offset ?? 0,
      limit: query.limit ?? 20,
      matchingStrategy: query.matchingStrategy ?? 'last',
      ...(filter ? { filter } : {}),
      ...(query.facets?.length ? { facets: query.facets } : {}),
      ...(query.sort?.length ? { sort: query.sort } : {}),
      ...(query.attributesToRetrieve ? { attributesToRetrieve: query.attributesToRetrieve } : {}),
      ...(query.highlight?.length
        ? { attributesToHighlight: query.highlight, highlightPreTag: '<em>', highlightPostTag: '</em>' }
        : {}),
      ...(query.showRankingScore ? { showRankingScore: true } : {}),
    };
    try {
      const response = await this.index(index).search(query.q ?? '', params);
      const hits = response.hits.map((raw) => {
        const { _formatted: formatted, _rankingScore: rankingScore, _matchesPosition, _rankingScoreDetails, ...document } = raw;
        const hit: SearchHit<T> = { document: document as T, highlights: highlightsOf(formatted, query.highlight ?? []) };
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
      throw error;
    }
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

function highlightsOf(formatted: Record<string, unknown> | undefined, attributes: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!formatted) return out;
  for (const attribute of attributes) {
    const value = formatted[attribute];
    if (value === undefined || value === null) continue;
    const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
    out[attribute] = Array.isArray(value) ? value.map(text) : text(value);
  }
  return out;
}

function toVersion(document: { id: unknown; version: unknown }): IndexedVersion {
  return { id: String(document.id), version: Number(document.version) };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('cause' in error)) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
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
