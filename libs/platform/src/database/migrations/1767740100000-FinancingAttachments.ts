import { MigrationInterface, QueryRunner } from 'typeorm';

/** A financing request attaches market listings and major projects besides achievements (issue 18). */
export class FinancingAttachments1767740100000 implements MigrationInterface {
  name = 'FinancingAttachments1767740100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE financing_request ADD COLUMN listing_ids uuid[] NOT NULL DEFAULT '{}', ADD COLUMN major_project_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE financing_request DROP COLUMN IF EXISTS listing_ids, DROP COLUMN IF EXISTS major_project_ids`);
  }
}
