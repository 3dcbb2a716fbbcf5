import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { IndexedVersion, IndexSettings, SearchDocument } from '../search-index.port';
import { SEARCH_FIELDS } from '../search-fields';

// First key of pg_advisory_xact_lock(int, int): keeps search writes apart from other advisory locks (e.g. migrations).
const WRITE_LOCK_CLASS = 0x5ea7c4;
const WRITE_CHUNK = 1000;

/**
 * The physical name of logical index $1: its alias, else its own name, unless that name stores another index (a name
 * swapped and then deleted, like a rebuild's): then NULL, an index that does not exist.
 */
const PHYSICAL_OF = `coalesce((SELECT physical_name FROM search_index_alias WHERE index_name = $1),
  CASE WHEN EXISTS (SELECT 1 FROM search_index_alias WHERE physical_name = $1) THEN NULL ELSE $1 END)`;

/** Where a logical index stands now: its physical rows (null: no such index), their settings version and the last change. */
export interface IndexHead {
  physical: string | null;
  settingsSeq: number | null;
  docSeq: number;
}

export interface ChangeRow {
  doc_id: string;
  document: Record<string, unknown> | null;
  deleted: boolean;
  seq: string;
}

/**
 * The embedded engine's PostgreSQL side, shared by every process: search_document rows and search_index_settings
 * under a physical index name, and search_index_alias mapping a logical name to its physical one (none: the same).
 *
 * Writers of one logical index take a transaction-scoped advisory lock before resolving its physical name and drawing
 * seq values, and a swap takes the locks of both names: per physical index seq order is commit order, so a reader that
 * sees seq N has seen every smaller one, and no write lands on an index that has just been swapped out.
 */
export class EmbeddedStore {
  constructor(private readonly dataSource: DataSource) {}

  async head(index: string): Promise<IndexHead> {
    const [row]: Array<{ physical: string | null; settings_seq: string | null; doc_seq: string | null }> = await this.dataSource.query(
      `WITH target AS (SELECT ${PHYSICAL_OF} AS physical)
       SELECT target.physical,
              (SELECT seq FROM search_index_settings s WHERE s.index_name = target.physical) AS settings_seq,
              (SELECT max(seq) FROM search_document d WHERE d.index_name = target.physical) AS doc_seq
       FROM target`,
      [index],
    );
    return { physical: row.physical, settingsSeq: row.settings_seq === null ? null : Number(row.settings_seq), docSeq: row.doc_seq === null ? 0 : Number(row.doc_seq) };
  }

  /** The same for a physical name read directly (a build loads one physical index, whatever names point at it). */
  async physicalHead(physical: string): Promise<IndexHead & { physical: string }> {
    const [row]: Array<{ settings_seq: string | null; doc_seq: string | null }> = await this.dataSource.query(
      `SELECT (SELECT seq FROM search_index_settings WHERE index_name = $1) AS settings_seq,
              (SELECT max(seq) FROM search_document WHERE index_name = $1) AS doc_seq`,
      [physical],
    );
    return { physical, settingsSeq: row.settings_seq === null ? null : Number(row.settings_seq), docSeq: row.doc_seq === null ? 0 : Number(row.doc_seq) };
  }

  async applySettings(index: string, settings: IndexSettings): Promise<void> {
    // Only a real change bumps seq, so a boot that re-applies the same settings does not make readers rebuild.
    await this.write(index, (m, physical) =>
      m.query(
        `INSERT INTO search_index_settings (index_name, settings, seq)
         VALUES ($1, $2::jsonb, nextval('search_document_seq'))
         ON CONFLICT (index_name) DO UPDATE SET settings = EXCLUDED.settings, seq = EXCLUDED.seq
         WHERE search_index_settings.settings IS DISTINCT FROM EXCLUDED.settings`,
        [physical, JSON.stringify(settings)],
      ),
    );
  }

  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    await this.write(index, async (m, physical) => {
      for (let i = 0; i < documents.length; i += WRITE_CHUNK) {
        await m.query(
          `INSERT INTO search_document (index_name, doc_id, version, document, seq, deleted)
           SELECT $1, d->>'id', (d->>'version')::bigint, d, nextval('search_document_seq'), false
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(d, position)
           ORDER BY position
           ON CONFLICT (index_name, doc_id) DO UPDATE
             SET version = EXCLUDED.version, document = EXCLUDED.document, seq = EXCLUDED.seq, deleted = false`,
          [physical, JSON.stringify(documents.slice(i, i + WRITE_CHUNK))],
        );
      }
    });
  }

  /** Tombstones (not DELETE) so other processes learn of the removal through seq; all documents when ids is null. */
  async tombstone(index: string, ids: string[] | null): Promise<void> {
    await this.write(index, (m, physical) =>
      m.query(
        `UPDATE search_document SET deleted = true, document = NULL, seq = nextval('search_document_seq')
         WHERE index_name = $1 AND NOT deleted ${ids ? 'AND doc_id = ANY($2::text[])' : ''}`,
        ids ? [physical, ids] : [physical],
      ),
    );
  }

  async swap(a: string, b: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // Both names locked, in a fixed order so two swaps of the same pair cannot deadlock.
      for (const name of [a, b].sort()) await lock(m, name);
      const pa = await physicalOf(m, a);
      const pb = await physicalOf(m, b);
      for (const [name, physical] of [[a, pb], [b, pa]]) {
        await m.query(
          `INSERT INTO search_index_alias (index_name, physical_name) VALUES ($1, $2)
           ON CONFLICT (index_name) DO UPDATE SET physical_name = EXCLUDED.physical_name`,
          [name, physical],
        );
      }
    });
  }

  /** Rows, settings and the name itself; readers still holding the rows in memory find the name pointing elsewhere. */
  async drop(index: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lock(m, index);
      const physical = await physicalOf(m, index);
      await m.query(`DELETE FROM search_document WHERE index_name = $1`, [physical]);
      await m.query(`DELETE FROM search_index_settings WHERE index_name = $1`, [physical]);
      await m.query(`DELETE FROM search_index_alias WHERE index_name = $1`, [index]);
    });
  }

  async settings(physical: string): Promise<IndexSettings | undefined> {
    const rows: Array<{ settings: IndexSettings }> = await this.dataSource.query(`SELECT settings FROM search_index_settings WHERE index_name = $1`, [physical]);
    return rows[0]?.settings;
  }

  /** Rows changed after seq, in seq order; only live ones for a first load (no tombstone can remove anything yet). */
  changes(physical: string, afterSeq: number, limit: number, liveOnly: boolean): Promise<ChangeRow[]> {
    // The search fields are read: the in-memory index is built from them (document minus them is what hits show).
    return this.dataSource.query(
      `SELECT doc_id, document, deleted, seq FROM search_document
       WHERE index_name = $1 AND seq > $2 ${liveOnly ? 'AND NOT deleted' : ''}
       ORDER BY seq LIMIT $3`,
      [physical, afterSeq, limit],
    );
  }

  /**
   * Display documents of hits, read from the index as it stands now: while a process still answers from its copy of a
   * generation that was swapped out (and dropped), the documents come from the new one. Search fields stay in the
   * database: they are most of a document's size.
   */
  async documents(index: string, ids: string[]): Promise<Map<string, SearchDocument>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ doc_id: string; document: SearchDocument }> = await this.dataSource.query(
      `SELECT doc_id, document - '${SEARCH_FIELDS}' AS document FROM search_document
       WHERE index_name = ${PHYSICAL_OF} AND doc_id = ANY($2::text[]) AND NOT deleted`,
      [index, ids],
    );
    return new Map(rows.map((r) => [r.doc_id, r.document]));
  }

  async listVersions(index: string, offset: number, limit: number): Promise<IndexedVersion[]> {
    // doc_id is COLLATE "C": byte order, the same on every database, served by the primary key.
    const rows: Array<{ doc_id: string; version: string }> = await this.dataSource.query(
      `SELECT doc_id, version FROM search_document
       WHERE index_name = ${PHYSICAL_OF} AND NOT deleted
       ORDER BY doc_id OFFSET $2 LIMIT $3`,
      [index, offset, limit],
    );
    return rows.map((r) => ({ id: r.doc_id, version: Number(r.version) }));
  }

  async count(index: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM search_document
       WHERE index_name = ${PHYSICAL_OF} AND NOT deleted`,
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

  private async write(index: string, work: (manager: EntityManager, physical: string) => Promise<unknown>): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lock(m, index);
      await work(m, await physicalOf(m, index));
    });
  }
}

async function lock(m: EntityManager, index: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WRITE_LOCK_CLASS, index]);
}

/**
 * The physical name a logical index is written under (the caller holds its lock). A name without alias is its own,
 * unless it stores another index: then the name is (re)created under a fresh physical name, as Meilisearch recreates
 * a deleted index on its next write.
 */
async function physicalOf(m: EntityManager, index: string): Promise<string> {
  const rows: Array<{ physical_name: string; own: boolean }> = await m.query(
    `SELECT physical_name, index_name = $1 AS own FROM search_index_alias WHERE index_name = $1 OR physical_name = $1`,
    [index],
  );
  const own = rows.find((r) => r.own);
  if (own) return own.physical_name;
  if (rows.length === 0) return index;
  const fresh = `${index}@${randomBytes(4).toString('hex')}`;
  await m.query(`INSERT INTO search_index_alias (index_name, physical_name) VALUES ($1, $2)`, [index, fresh]);
  return fresh;
}
