import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored financing matches: investor ↔ request scores with reasons and the scoring version, rescored by a job when a
 * request or an investor profile changes (the profile gets a version for the job's id), instead of scoring live.
 */
export class FinancingMatches1767740300000 implements MigrationInterface {
  name = 'FinancingMatches1767740300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE investor_profile ADD COLUMN version int NOT NULL DEFAULT 1`);
    await q.query(`CREATE TABLE financing_match (
      request_id uuid NOT NULL,
      investor_id uuid NOT NULL,
      score int NOT NULL,
      reasons jsonb NOT NULL,
      concerns jsonb NOT NULL,
      scoring_version text NOT NULL,
      computed_at timestamptz NOT NULL,
      CONSTRAINT financing_match_pkey PRIMARY KEY (request_id, investor_id),
      CONSTRAINT financing_match_request_id_fkey FOREIGN KEY (request_id) REFERENCES financing_request(id) ON DELETE CASCADE,
      CONSTRAINT financing_match_investor_id_fkey FOREIGN KEY (investor_id) REFERENCES organisation(id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX ix_financing_match_investor ON financing_match (investor_id, score)`);
    await q.query(`CREATE INDEX ix_financing_match_request ON financing_match (request_id, score)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS financing_match`);
    await q.query(`ALTER TABLE investor_profile DROP COLUMN IF EXISTS version`);
  }
}
