import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching: which version of each published achievement and demand had its matches computed. A computation can store
 * no match at all, so the match table cannot tell; this lets the reconciler find work a killed job left undone and
 * lets a resumed import walk skip what is already computed.
 */
export class MatchComputation1765300200000 implements MigrationInterface {
  name = 'MatchComputation1765300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE match_computation (
      subject_type text NOT NULL CONSTRAINT match_computation_subject_type_check CHECK (subject_type IN ('achievement','demand')),
      subject_id uuid NOT NULL,
      version int NOT NULL,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (subject_type, subject_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS match_computation`);
  }
}
