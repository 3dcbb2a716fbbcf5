import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index swaps for the embedded engine (what Meilisearch's swap-indexes does): a logical index name points at the
 * physical name its rows are stored under. No row means the two are the same, so indexes written before this
 * migration keep working untouched. A rebuild fills a fresh physical index and swaps the names in one transaction.
 */
export class SearchIndexAliases1765500000000 implements MigrationInterface {
  name = 'SearchIndexAliases1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search_index_alias (
      index_name text PRIMARY KEY,
      physical_name text NOT NULL,
      CONSTRAINT uq_search_index_alias_physical UNIQUE (physical_name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS search_index_alias`);
  }
}
