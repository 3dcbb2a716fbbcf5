import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import type { ChineseTokenizer } from '../chinese-tokenizer';
import type { IndexedVersion, IndexSettings, SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResult } from '../search-index.port';
import { EmbeddedStore, IndexHead } from './embedded-store';
import { getPath } from './filter-evaluator';
import { InvertedIndex } from './inverted-index';

const SYNC_PAGE = 2000;

type PhysicalHead = IndexHead & { physical: string };

/** One physical index held in this process's memory, current up to lastSeq. */
interface LoadedIndex {
  physical: string;
  index: InvertedIndex;
  settingsSeq: number | null;
  /** The tokenizer revision the postings were made with (matters only where documents are tokenized here). */
  tokenizerRevision: number;
  /** Highest search_document.seq applied. */
  lastSeq: number;
}

/** Per logical index: at most one freshness check running, and one queued for everyone who arrived during it. */
interface SyncState {
  running: Promise<LoadedIndex | undefined> | null;
  queued: Promise<LoadedIndex | undefined> | null;
}

/**
 * The engine used when no Meilisearch is configured. PostgreSQL is the store that every process shares
 * (EmbeddedStore); each process keeps an in-memory inverted index per physical index and, before answering, applies
 * the rows whose seq is above the last one it saw.
 *
 * What never happens in a request while something is being served: a full re-index. When a logical index now points
 * at another physical one (a rebuild was swapped in) or its layout changed, the new copy is built in the background
 * and the old one keeps answering until it is ready. Settings that change only synonyms apply in place.
 */
export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const;
  private readonly logger = new Logger('EmbeddedSearchIndex');
  private readonly store: EmbeddedStore;
  /** By physical name. */
  private readonly loaded = new Map<string, LoadedIndex>();
  /** Logical name → the physical index answering for it now. */
  private readonly serving = new Map<string, string>();
  private readonly builds = new Map<string, Promise<LoadedIndex>>();
  private readonly syncs = new Map<string, SyncState>();

  constructor(
    dataSource: DataSource,
    private readonly tokenizer: ChineseTokenizer,
  ) {
    this.store = new EmbeddedStore(dataSource);
  }

  applySettings(index: string, settings: IndexSettings): Promise<void> {
    return this.store.applySettings(index, settings);
  }

  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    // The last copy of an id wins, as in a Meilisearch batch (one statement cannot touch a row twice).
    const byId = new Map<string, SearchDocument>();
    for (const document of documents) {
      assertIndexable(document);
      byId.delete(document.id);
      byId.set(document.id, document);
    }
    await this.store.upsert(index, [...byId.values()]);
  }

  async delete(index: string, ids: string[], versions?: ReadonlyMap<string, number>): Promise<void> {
    if (ids.length) await this.store.remove(index, ids, versions);
  }

  clear(index: string): Promise<void> {
    return this.store.clear(index);
  }

  purgeTombstones(index: string, before: Date): Promise<number> {
    return this.store.purgeTombstones(index, before);
  }

  /** This process holds both in memory first, so here the swap shows at once; other processes load it in the background. */
  async swapIndexes(a: string, b: string): Promise<void> {
    await Promise.all([this.preload(a), this.preload(b)]);
    await this.store.swap(a, b);
    const pa = this.serving.get(a);
    const pb = this.serving.get(b);
    if (pa !== undefined && pb !== undefined) {
      this.serving.set(a, pb);
      this.serving.set(b, pa);
    }
  }

  async deleteIndex(index: string): Promise<void> {
    await this.store.drop(index);
    this.serving.delete(index);
  }

  async search<T extends SearchDocument = SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<T>> {
    const started = performance.now();
    const loaded = await this.sync(index);
    if (!loaded) return { hits: [], total: 0, facets: {}, processingTimeMs: Math.round(performance.now() - started) };
    const found = loaded.index.search(query);
    const documents = await this.store.documents(index, found.hits.map((h) => h.id));
    const displayed = loaded.index.settings?.displayedAttributes;
    const hits: SearchHit<T>[] = [];
    for (const ranked of found.hits) {
      const document = documents.get(ranked.id);
      // Deleted since the index was brought up to date: leave it out rather than show a stale copy.
      if (!document) continue;
      const hit: SearchHit<T> = {
        document: pick(document, displayed, query.attributesToRetrieve) as T,
        highlights: this.highlights(document, query.highlight ?? [], ranked.matchedTerms),
      };
      if (query.showRankingScore) hit.rankingScore = ranked.rankingScore;
      hits.push(hit);
    }
    return { hits, total: found.total, facets: found.facets, processingTimeMs: Math.round(performance.now() - started) };
  }

  listVersions(index: string, offset: number, limit: number): Promise<IndexedVersion[]> {
    return this.store.listVersions(index, offset, limit);
  }

  listVersionsAfter(index: string, afterId: string | null, limit: number): Promise<IndexedVersion[]> {
    return this.store.listVersionsAfter(index, afterId, limit);
  }

  count(index: string): Promise<number> {
    return this.store.count(index);
  }

  ping(): Promise<boolean> {
    return this.store.ping();
  }

  /**
   * Have the current generation of an index in this process's memory and wait until it answers (a full load of
   * 100,000 documents takes seconds). Not part of the port: for the process that serves searches, at boot, for the
   * rebuild that is about to swap an index in, and for tests that must not race a background build.
   */
  async preload(index: string): Promise<void> {
    // A few rounds at most: a build that finished is adopted by the next check.
    for (let round = 0; round < 5; round++) {
      await this.sync(index);
      const head = await this.store.head(index);
      const build = head.physical === null ? undefined : this.builds.get(head.physical);
      if (build) await build;
      else if (head.physical === null || this.serving.get(index) === head.physical || (head.settingsSeq === null && head.docSeq === 0)) return;
    }
    throw new Error(`search index ${index} did not become current`);
  }

  /** Bring this process's copy of an index up to date; concurrent callers share one check (see SyncState). */
  private sync(index: string): Promise<LoadedIndex | undefined> {
    let state = this.syncs.get(index);
    if (!state) this.syncs.set(index, (state = { running: null, queued: null }));
    const s = state;
    if (!s.running) {
      s.running = this.catchUp(index).finally(() => {
        s.running = null;
      });
      return s.running;
    }
    // A check already under way may have read the head before this caller's write: wait for the next one.
    s.queued ??= s.running
      .catch(() => undefined)
      .then(() => {
        s.queued = null;
        return this.sync(index);
      });
    return s.queued;
  }

  private async catchUp(index: string): Promise<LoadedIndex | undefined> {
    const found = await this.store.head(index);
    if (found.physical === null) {
      this.serving.delete(index);
      return undefined;
    }
    const head = { ...found, physical: found.physical };
    const current = this.currentFor(index);
    if (!current && head.settingsSeq === null && head.docSeq === 0) return undefined;
    const settings = head.settingsSeq === current?.settingsSeq && current?.physical === head.physical ? current.index.settings : await this.store.settings(head.physical);
    const ready = this.loaded.get(head.physical);
    if (ready && (await this.refresh(ready, head, settings))) {
      this.serve(index, ready);
      return ready;
    }
    // Nothing usable for this generation and layout: build it, in the background if something can answer meanwhile.
    const build = this.build(head.physical);
    if (!current) {
      const built = await build;
      this.serve(index, built);
      return built;
    }
    build.catch(() => undefined);
    return current;
  }

  private currentFor(index: string): LoadedIndex | undefined {
    const physical = this.serving.get(index);
    return physical === undefined ? undefined : this.loaded.get(physical);
  }

  /**
   * Bring a loaded copy up to this head in place: new synonyms, removals whose tombstones were purged before this copy
   * read them, new rows. False when only a new build can (another layout, new dictionary words for a copy that
   * tokenizes itself, a physical name dropped and written again); the copy is then still brought as close as it can.
   */
  private async refresh(loaded: LoadedIndex, head: PhysicalHead, settings: IndexSettings | undefined): Promise<boolean> {
    if (InvertedIndex.layoutOf(settings) !== InvertedIndex.layoutOf(loaded.index.settings)) return false;
    if (loaded.settingsSeq !== head.settingsSeq) {
      loaded.index.updateSettings(settings);
      loaded.settingsSeq = head.settingsSeq;
    }
    const purged = loaded.lastSeq > 0 && loaded.lastSeq < head.purgedSeq;
    if (!purged && head.docSeq < loaded.lastSeq && head.purgedSeq < loaded.lastSeq) return false;
    if (purged) {
      // The tombstones are gone: whatever this copy holds that is no longer live was removed.
      const live = new Set(await this.store.liveIds(loaded.physical));
      for (const id of loaded.index.documentIds()) if (!live.has(id)) loaded.index.remove(id);
    }
    await this.applyChanges(loaded, head);
    if (purged) loaded.lastSeq = Math.max(loaded.lastSeq, head.purgedSeq);
    return !(loaded.index.tokenizesDocuments && loaded.tokenizerRevision !== this.tokenizer.revision);
  }

  private serve(index: string, loaded: LoadedIndex): void {
    const previous = this.serving.get(index);
    this.serving.set(index, loaded.physical);
    // A physical index no logical name answers from any more (swapped out, about to be dropped) leaves memory.
    if (previous && previous !== loaded.physical && ![...this.serving.values()].includes(previous)) this.loaded.delete(previous);
  }

  /** A full load of one physical index, once per process at a time. */
  private build(physical: string): Promise<LoadedIndex> {
    let running = this.builds.get(physical);
    if (running) return running;
    running = (async () => {
      const started = performance.now();
      // Read settings and the head first: rows written after that are picked up by the catch-up below.
      const head = await this.store.physicalHead(physical);
      const loaded: LoadedIndex = {
        physical,
        index: new InvertedIndex(this.tokenizer, await this.store.settings(physical)),
        settingsSeq: head.settingsSeq,
        tokenizerRevision: this.tokenizer.revision,
        lastSeq: 0,
      };
      await this.applyChanges(loaded, head);
      this.loaded.set(physical, loaded);
      const ms = Math.round(performance.now() - started);
      if (loaded.index.size > 10_000) this.logger.log(`loaded ${physical}: ${loaded.index.size} documents in ${ms} ms`);
      return loaded;
    })().finally(() => this.builds.delete(physical));
    this.builds.set(physical, running);
    return running;
  }

  /** Apply rows above lastSeq, up to the head's seq, page by page. */
  private async applyChanges(loaded: LoadedIndex, head: PhysicalHead): Promise<void> {
    const fullLoad = loaded.lastSeq === 0;
    while (head.docSeq > loaded.lastSeq) {
      const rows = await this.store.changes(loaded.physical, loaded.lastSeq, SYNC_PAGE, fullLoad);
      for (const row of rows) {
        if (row.deleted || row.document === null) loaded.index.remove(row.doc_id);
        else loaded.index.upsert(row.doc_id, row.document);
      }
      if (rows.length < SYNC_PAGE) {
        loaded.lastSeq = Math.max(head.docSeq, rows.length ? Number(rows[rows.length - 1].seq) : 0);
        break;
      }
      loaded.lastSeq = Number(rows[rows.length - 1].seq);
    }
    loaded.index.compactIfWorthIt();
  }

  private highlights(document: SearchDocument, attributes: string[], terms: ReadonlySet<string>): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const attribute of attributes) {
      const value = getPath(document, attribute);
      if (value === undefined || value === null) continue;
      const mark = (v: unknown) => (typeof v === 'string' ? this.tokenizer.highlight(v, terms) : typeof v === 'object' ? JSON.stringify(v) : String(v));
      out[attribute] = Array.isArray(value) ? value.map(mark) : mark(value);
    }
    return out;
  }
}

function assertIndexable(document: SearchDocument): void {
  if (typeof document.id !== 'string' || document.id.length === 0) throw new Error('search document id must be a non-empty string');
  if (!Number.isSafeInteger(document.version)) throw new Error(`search document ${document.id}: version must be an integer`);
}

/** Meilisearch's displayedAttributes, then the query's attributesToRetrieve ('*' means all). */
function pick(document: SearchDocument, displayed: string[] | undefined, retrieve: string[] | undefined): SearchDocument {
  let out: Record<string, unknown> = document;
  for (const allowed of [displayed, retrieve]) {
    if (!allowed || allowed.includes('*')) continue;
    out = Object.fromEntries(Object.entries(out).filter(([key]) => allowed.includes(key)));
  }
  return out as SearchDocument;
}
