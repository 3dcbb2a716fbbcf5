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
  /** Highest seq of tombstones purged: a copy that has not read up to it has missed removals and must reload. */
  purgedSeq: number;
}

interface HeadRow {
  physical: string | null;
  settings_seq: string | null;
  doc_seq: string | null;
  purged_seq: string | null;
}

function headOf(row: HeadRow): IndexHead {
  return {
    physical: row.physical,
    settingsSeq: row.settings_seq === null ? null : Number(row.settings_seq),
    docSeq: row.doc_seq === null ? 0 : Number(row.doc_seq),
    purgedSeq: row.purged_seq === null ? 0 : Number(row.purged_seq),
  };
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
    const [row]: HeadRow[] = await this.dataSource.query(
      `WITH target AS (SELECT ${PHYSICAL_OF} AS physical)
       SELECT target.physical, s.seq AS settings_seq, s.purged_seq,
              (SELECT max(seq) FROM search_document d WHERE d.index_name = target.physical) AS doc_seq
       FROM target LEFT JOIN search_index_settings s ON s.index_name = target.physical`,
      [index],
    );
    return headOf(row);
  }

  /** The same for a physical name read directly (a build loads one physical index, whatever names point at it). */
  async physicalHead(physical: string): Promise<IndexHead & { physical: string }> {
    const [row]: HeadRow[] = await this.dataSource.query(
      `SELECT $1::text AS physical, s.seq AS settings_seq, s.purged_seq, (SELECT max(seq) FROM search_document WHERE index_name = $1) AS doc_seq
       FROM (SELECT 1) one LEFT JOIN search_index_settings s ON s.index_name = $1`,
      [physical],
    );
    return { ...headOf(row), physical };
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

  /** Only a version at least as new as the stored copy or tombstone is applied (a late delivery never goes back). */
  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    await this.write(index, async (m, physical) => {
      for (let i = 0; i < documents.length; i += WRITE_CHUNK) {
        await m.query(
          `INSERT INTO search_document (index_name, doc_id, version, document, seq, deleted)
           SELECT $1, d->>'id', (d->>'version')::bigint, d, nextval('search_document_seq'), false
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(d, position)
           ORDER BY position
           ON CONFLICT (index_name, doc_id) DO UPDATE
             SET version = EXCLUDED.version, document = EXCLUDED.document, seq = EXCLUDED.seq, deleted = false, deleted_at = NULL
             WHERE search_document.version <= EXCLUDED.version`,
          [physical, JSON.stringify(documents.slice(i, i + WRITE_CHUNK))],
        );
      }
    });
  }

  /**
   * Tombstones (not DELETE) so other processes learn of the removal through seq. With versions (id → version removed)
   * a removal applies over any copy up to that version and is kept, even for a document never indexed, so that a late
   * upsert of an older version finds it; without, it fences nothing (version 0).
   */
  async remove(index: string, ids: string[], versions?: ReadonlyMap<string, number>): Promise<void> {
    const fenced = versions ? ids.filter((id) => versions.has(id)) : [];
    const unfenced = versions ? ids.filter((id) => !versions.has(id)) : ids;
    await this.write(index, async (m, physical) => {
      if (unfenced.length) {
        await m.query(
          `UPDATE search_document SET deleted = true, document = NULL, version = 0, deleted_at = now(), seq = nextval('search_document_seq')
           WHERE index_name = $1 AND doc_id = ANY($2::text[]) AND NOT deleted`,
          [physical, unfenced],
        );
      }
      if (fenced.length) {
        await m.query(
          `INSERT INTO search_document (index_name, doc_id, version, document, seq, deleted, deleted_at)
           SELECT $1, t.id, t.v, NULL, nextval('search_document_seq'), true, now()
             FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS t(id, v, position) ORDER BY position
           ON CONFLICT (index_name, doc_id) DO UPDATE
             SET deleted = true, document = NULL, version = EXCLUDED.version, deleted_at = EXCLUDED.deleted_at, seq = EXCLUDED.seq
             WHERE search_document.version < EXCLUDED.version OR (search_document.version = EXCLUDED.version AND NOT search_document.deleted)`,
          [physical, fenced, fenced.map((id) => versions?.get(id))],
        );
      }
    });
  }

  /** Every document gone, and every version fence with it. */
  async clear(index: string): Promise<void> {
    await this.write(index, (m, physical) =>
      m.query(
        `UPDATE search_document SET deleted = true, document = NULL, version = 0, deleted_at = now(), seq = nextval('search_document_seq')
         WHERE index_name = $1 AND (NOT deleted OR version <> 0)`,
        [physical],
      ),
    );
  }

  /** Forget removals made before `before`; readers that had not read them learn it through purged_seq and reload. */
  async purgeTombstones(index: string, before: Date): Promise<number> {
    let purged = 0;
    await this.write(index, async (m, physical) => {
      const [row]: Array<{ n: number; max_seq: string | null }> = await m.query(
        `WITH gone AS (DELETE FROM search_document WHERE index_name = $1 AND deleted AND deleted_at < $2 RETURNING seq)
         SELECT count(*)::int AS n, max(seq)::text AS max_seq FROM gone`,
        [physical, before],
      );
      purged = row.n;
      if (row.max_seq !== null) {
        await m.query(`UPDATE search_index_settings SET purged_seq = greatest(purged_seq, $2::bigint) WHERE index_name = $1`, [physical, row.max_seq]);
      }
    });
    return purged;
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

  /** Ids of the live documents of a physical index (a copy that missed purged tombstones drops the others). */
  async liveIds(physical: string): Promise<string[]> {
    const rows: Array<{ doc_id: string }> = await this.dataSource.query(`SELECT doc_id FROM search_document WHERE index_name = $1 AND NOT deleted`, [physical]);
    return rows.map((r) => r.doc_id);
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

  /** Keyset pages through the primary key (index_name, doc_id): each page costs its own rows, whatever came before. */
  async listVersionsAfter(index: string, afterId: string | null, limit: number): Promise<IndexedVersion[]> {
    const rows: Array<{ doc_id: string; version: string }> = await this.dataSource.query(
      `SELECT doc_id, version FROM search_document
       WHERE index_name = ${PHYSICAL_OF} AND NOT deleted AND ($2::text IS NULL OR doc_id > $2)
       ORDER BY doc_id LIMIT $3`,
      [index, afterId, limit],
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
