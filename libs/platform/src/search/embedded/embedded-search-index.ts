import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChineseTokenizer } from '../chinese-tokenizer';
import type {
  IndexedVersion,
  IndexSettings,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from '../search-index.port';
import { getPath } from './filter-evaluator';
import { InvertedIndex } from './inverted-index';

// First key of pg_advisory_xact_lock(int, int): keeps search writes apart from other advisory locks (e.g. migrations).
const WRITE_LOCK_CLASS = 0x5ea7c4;
const WRITE_CHUNK = 1000;
const SYNC_PAGE = 2000;

interface LoadedIndex {
  index: InvertedIndex;
  settingsSeq: number | null;
  tokenizerRevision: number;
  /** Highest search_document.seq applied. */
  lastSeq: number;
}

interface HeadRow {
  settings_seq: string | null;
  doc_seq: string | null;
  purged_seq: string | null;
}
interface ChangeRow {
  doc_id: string;
  document: Record<string, unknown> | null;
  deleted: boolean;
  seq: string;
}

/**
 * The engine used when no Meilisearch is configured. PostgreSQL is the store that every process shares
 * (search_document, search_index_settings); each process keeps an in-memory inverted index per search index and,
 * before answering, applies the rows whose seq is above the last one it saw.
 *
 * Writers of one index take a transaction-scoped advisory lock before drawing seq values, so per index seq order is
 * commit order: a reader that sees seq N has already seen every smaller one and never skips a late commit.
 */
export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const;
  private readonly loaded = new Map<string, LoadedIndex>();
  private readonly syncQueues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenizer: ChineseTokenizer,
  ) {}

  async applySettings(index: string, settings: IndexSettings): Promise<void> {
    // Only a real change bumps seq, so a boot that re-applies the same settings does not make readers rebuild.
    await this.dataSource.query(
      `INSERT INTO search_index_settings (index_name, settings, seq)
       VALUES ($1, $2::jsonb, nextval('search_document_seq'))
       ON CONFLICT (index_name) DO UPDATE SET settings = EXCLUDED.settings, seq = EXCLUDED.seq
       WHERE search_index_settings.settings IS DISTINCT FROM EXCLUDED.settings`,
      [index, JSON.stringify(settings)],
    );
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
    const unique = [...byId.values()];
    await this.write(index, async (manager) => {
      for (let i = 0; i < unique.length; i += WRITE_CHUNK) {
        await manager.query(
          `INSERT INTO search_document (index_name, doc_id, version, document, seq, deleted)
           SELECT $1, d->>'id', (d->>'version')::bigint, d, nextval('search_document_seq'), false
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(d, position)
           ORDER BY position
           ON CONFLICT (index_name, doc_id) DO UPDATE
             SET version = EXCLUDED.version, document = EXCLUDED.document, seq = EXCLUDED.seq, deleted = false, deleted_at = NULL
             WHERE search_document.version <= EXCLUDED.version`,
          [index, JSON.stringify(unique.slice(i, i + WRITE_CHUNK))],
        );
      }
    });
  }

  async delete(index: string, ids: string[], versions?: ReadonlyMap<string, number>): Promise<void> {
    if (ids.length === 0) return;
    const fenced = versions ? ids.filter((id) => versions.has(id)) : [];
    const unfenced = versions ? ids.filter((id) => !versions.has(id)) : ids;
    // Tombstones (not DELETE) so other processes learn of the removal through seq.
    await this.write(index, async (manager) => {
      if (unfenced.length) {
        // Version 0: the removal fences nothing, any later upsert applies.
        await manager.query(
          `UPDATE search_document SET deleted = true, document = NULL, version = 0, deleted_at = now(), seq = nextval('search_document_seq')
           WHERE index_name = $1 AND doc_id = ANY($2::text[]) AND NOT deleted`,
          [index, unfenced],
        );
      }
      if (fenced.length) {
        // A removal of version v applies over any copy up to v, and is kept (even for a document never indexed) so that
        // a late upsert of an older version finds it.
        await manager.query(
          `INSERT INTO search_document (index_name, doc_id, version, document, seq, deleted, deleted_at)
           SELECT $1, t.id, t.v, NULL, nextval('search_document_seq'), true, now()
             FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS t(id, v, position) ORDER BY position
           ON CONFLICT (index_name, doc_id) DO UPDATE
             SET deleted = true, document = NULL, version = EXCLUDED.version, deleted_at = EXCLUDED.deleted_at, seq = EXCLUDED.seq
             WHERE search_document.version < EXCLUDED.version OR (search_document.version = EXCLUDED.version AND NOT search_document.deleted)`,
          [index, fenced, fenced.map((id) => versions!.get(id))],
        );
      }
    });
  }

  async clear(index: string): Promise<void> {
    await this.write(index, (manager) =>
      manager.query(
        `UPDATE search_document SET deleted = true, document = NULL, version = 0, deleted_at = now(), seq = nextval('search_document_seq')
         WHERE index_name = $1 AND (NOT deleted OR version <> 0)`,
        [index],
      ),
    );
  }

  async purgeTombstones(index: string, before: Date): Promise<number> {
    let purged = 0;
    await this.write(index, async (manager) => {
      const [row]: Array<{ n: number; max_seq: string | null }> = await manager.query(
        `WITH gone AS (DELETE FROM search_document WHERE index_name = $1 AND deleted AND deleted_at < $2 RETURNING seq)
         SELECT count(*)::int AS n, max(seq)::text AS max_seq FROM gone`,
        [index, before],
      );
      purged = row.n;
      // A process that has not read these tombstones yet can no longer learn of the removals from them: it must reload.
      if (row.max_seq !== null) {
        await manager.query(`UPDATE search_index_settings SET purged_seq = greatest(purged_seq, $2::bigint) WHERE index_name = $1`, [index, row.max_seq]);
      }
    });
    return purged;
  }

  async search<T extends SearchDocument = SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<T>> {
    const started = performance.now();
    const loaded = await this.sync(index);
    if (!loaded) return { hits: [], total: 0, facets: {}, processingTimeMs: Math.round(performance.now() - started) };
    const found = loaded.index.search(query);
    const documents = await this.fetchDocuments(index, found.hits.map((h) => h.id));
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

  async listVersions(index: string, offset: number, limit: number): Promise<IndexedVersion[]> {
    // doc_id is COLLATE "C": byte order, the same on every database, served by the primary key.
    const rows: Array<{ doc_id: string; version: string }> = await this.dataSource.query(
      `SELECT doc_id, version FROM search_document WHERE index_name = $1 AND NOT deleted
       ORDER BY doc_id OFFSET $2 LIMIT $3`,
      [index, offset, limit],
    );
    return rows.map((r) => ({ id: r.doc_id, version: Number(r.version) }));
  }

  async count(index: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM search_document WHERE index_name = $1 AND NOT deleted`,
      [index],
    );
    return rows[0]?.n ?? 0;
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Load an index into this process's memory now rather than on its first search (a full load of 100,000 documents
   * takes seconds). Not part of the port: for the process that serves searches, at boot.
   */
  async preload(index: string): Promise<void> {
    await this.sync(index);
  }

  /** Bring this process's in-memory copy of an index up to date; syncs of one index run one at a time. */
  private sync(index: string): Promise<LoadedIndex | undefined> {
    const previous = this.syncQueues.get(index) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.catchUp(index));
    this.syncQueues.set(index, next);
    return next;
  }

  private async catchUp(name: string): Promise<LoadedIndex | undefined> {
    const [head]: HeadRow[] = await this.dataSource.query(
      `SELECT (SELECT seq FROM search_index_settings WHERE index_name = $1) AS settings_seq,
              (SELECT max(seq) FROM search_document WHERE index_name = $1) AS doc_seq,
              (SELECT purged_seq FROM search_index_settings WHERE index_name = $1) AS purged_seq`,
      [name],
    );
    const settingsSeq = head.settings_seq === null ? null : Number(head.settings_seq);
    const docSeq = head.doc_seq === null ? 0 : Number(head.doc_seq);
    const purgedSeq = head.purged_seq === null ? 0 : Number(head.purged_seq);
    let loaded = this.loaded.get(name);
    if (!loaded && settingsSeq === null && docSeq === 0) return undefined;
    const missedPurge = !!loaded && loaded.lastSeq > 0 && loaded.lastSeq < purgedSeq;
    if (!loaded || missedPurge || loaded.settingsSeq !== settingsSeq || loaded.tokenizerRevision !== this.tokenizer.revision) {
      // New settings or new dictionary words change how every document is indexed, and tombstones this process never
      // read have been purged: rebuild from the table.
      loaded = {
        index: new InvertedIndex(this.tokenizer, await this.loadSettings(name)),
        settingsSeq,
        tokenizerRevision: this.tokenizer.revision,
        lastSeq: 0,
      };
      this.loaded.set(name, loaded);
    }
    const fullLoad = loaded.lastSeq === 0;
    while (docSeq > loaded.lastSeq) {
      // On a full load tombstones are skipped: nothing they could remove is in memory yet.
      const rows: ChangeRow[] = await this.dataSource.query(
        `SELECT doc_id, document, deleted, seq FROM search_document
         WHERE index_name = $1 AND seq > $2 ${fullLoad ? 'AND NOT deleted' : ''}
         ORDER BY seq LIMIT $3`,
        [name, loaded.lastSeq, SYNC_PAGE],
      );
      for (const row of rows) {
        if (row.deleted || row.document === null) loaded.index.remove(row.doc_id);
        else loaded.index.upsert(row.doc_id, row.document);
      }
      if (rows.length < SYNC_PAGE) {
        loaded.lastSeq = Math.max(docSeq, rows.length ? Number(rows[rows.length - 1].seq) : 0);
        break;
      }
      loaded.lastSeq = Number(rows[rows.length - 1].seq);
    }
    loaded.index.compactIfWorthIt();
    return loaded;
  }

  private async loadSettings(name: string): Promise<IndexSettings | undefined> {
    const rows: Array<{ settings: IndexSettings }> = await this.dataSource.query(
      `SELECT settings FROM search_index_settings WHERE index_name = $1`,
      [name],
    );
    return rows[0]?.settings;
  }

  private async fetchDocuments(index: string, ids: string[]): Promise<Map<string, SearchDocument>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ doc_id: string; document: SearchDocument }> = await this.dataSource.query(
      `SELECT doc_id, document FROM search_document WHERE index_name = $1 AND doc_id = ANY($2::text[]) AND NOT deleted`,
      [index, ids],
    );
    return new Map(rows.map((r) => [r.doc_id, r.document]));
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

  private async write(index: string, work: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WRITE_LOCK_CLASS, index]);
      await work(manager);
    });
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
