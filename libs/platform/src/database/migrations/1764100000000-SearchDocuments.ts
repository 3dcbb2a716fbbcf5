import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Storage of the embedded search engine, shared by the API and worker processes. Every write draws a new seq so a
 * process can catch up by reading rows above the last seq it saw; deletions stay as tombstones for the same reason.
 */
export class SearchDocuments1764100000000 implements MigrationInterface {
  name = 'SearchDocuments1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE search_document_seq`);
    // doc_id in byte order ("C") so listVersions pages by id through the primary key on any database locale.
    await q.query(`CREATE TABLE search_document (
      index_name text NOT NULL,
      doc_id text COLLATE "C" NOT NULL,
      version bigint NOT NULL,
      document jsonb,
      seq bigint NOT NULL DEFAULT nextval('search_document_seq'),
      deleted boolean NOT NULL DEFAULT false,
      PRIMARY KEY (index_name, doc_id),
      CHECK (deleted OR document IS NOT NULL))`);
    await q.query(`CREATE INDEX ix_search_document_seq ON search_document (index_name, seq)`);
    await q.query(`CREATE TABLE search_index_settings (
      index_name text PRIMARY KEY,
      settings jsonb NOT NULL,
      seq bigint NOT NULL DEFAULT nextval('search_document_seq'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS search_index_settings`);
    await q.query(`DROP TABLE IF EXISTS search_document`);
    await q.query(`DROP SEQUENCE IF EXISTS search_document_seq`);
  }
}
