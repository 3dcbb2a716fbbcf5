import { MigrationInterface, QueryRunner } from 'typeorm';

/** An import commits its progress with each batch, up to this line of the file: a killed run resumes after it. */
export class ImportResume1765300400000 implements MigrationInterface {
  name = 'ImportResume1765300400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ADD COLUMN resume_after_line int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job DROP COLUMN resume_after_line`);
  }
}
