import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Embedded search engine: a removal is a tombstone carrying the version removed (so a late delivery of an older
 * version cannot bring the document back) and the time of removal (so tombstones can be purged once no delivery can
 * be that late). purged_seq tells a process that missed purged tombstones to reload the index.
 */
export class SearchTombstones1765300100000 implements MigrationInterface {
  name = 'SearchTombstones1765300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_document ADD COLUMN deleted_at timestamptz`);
    await q.query(`UPDATE search_document SET deleted_at = now() WHERE deleted`);
    await q.query(`ALTER TABLE search_document ADD CONSTRAINT search_document_tombstone_time CHECK (NOT deleted OR deleted_at IS NOT NULL)`);
    await q.query(`CREATE INDEX ix_search_document_tombstone ON search_document (index_name, deleted_at) WHERE deleted`);
    await q.query(`ALTER TABLE search_index_settings ADD COLUMN purged_seq bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_index_settings DROP COLUMN purged_seq`);
    await q.query(`DROP INDEX ix_search_document_tombstone`);
    await q.query(`ALTER TABLE search_document DROP CONSTRAINT search_document_tombstone_time`);
    await q.query(`ALTER TABLE search_document DROP COLUMN deleted_at`);
  }
}
