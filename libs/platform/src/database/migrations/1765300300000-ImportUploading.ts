import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import row is written before its file is received (status `uploading`), so an upload cut short by a crash leaves a
 * row that a sweep marks failed with the reason, instead of a nameless partial file.
 */
export class ImportUploading1765300300000 implements MigrationInterface {
  name = 'ImportUploading1765300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job DROP CONSTRAINT import_job_status_check`);
    await q.query(`ALTER TABLE import_job ADD CONSTRAINT import_job_status_check CHECK (status IN ('uploading','queued','running','done','failed'))`);
    await q.query(`CREATE INDEX ix_import_job_uploading ON import_job (updated_at) WHERE status = 'uploading'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_import_job_uploading`);
    await q.query(`UPDATE import_job SET status = 'failed' WHERE status = 'uploading'`);
    await q.query(`ALTER TABLE import_job DROP CONSTRAINT import_job_status_check`);
    await q.query(`ALTER TABLE import_job ADD CONSTRAINT import_job_status_check CHECK (status IN ('queued','running','done','failed'))`);
  }
}
