import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repealed policies (已废止): archiving a policy text repeals it; it stays readable and searchable, marked with the
 * date it was archived, as government policy libraries keep repealed texts. Other kinds still leave the site.
 */
export class RepealedPolicies1767750000000 implements MigrationInterface {
  name = 'RepealedPolicies1767750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE content_article ADD COLUMN archived_at timestamptz`);
    // Texts archived before this column existed: their last change is the best date there is.
    await q.query(`UPDATE content_article SET archived_at = updated_at WHERE status = 'archived'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE content_article DROP COLUMN IF EXISTS archived_at`);
  }
}
