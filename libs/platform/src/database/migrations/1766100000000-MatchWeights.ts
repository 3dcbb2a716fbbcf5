import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching: versioned weights (one active), and what a stored match was computed with — its concerns apart from its
 * reasons, the feature strengths a refit reads (never a text), and the weights and thesaurus versions — so stale
 * rows can be found and recomputed. Two more close reasons say why a pair did not fit.
 */
export class MatchWeights1766100000000 implements MigrationInterface {
  name = 'MatchWeights1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE match_weights (
      version int PRIMARY KEY,
      weights jsonb NOT NULL,
      source text NOT NULL CONSTRAINT match_weights_source_check CHECK (source IN ('default','fitted-tuning','refit-outcomes')),
      digest text NOT NULL,
      active boolean NOT NULL DEFAULT false,
      note text,
      evidence jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_match_weights_active ON match_weights (active) WHERE active`);
    await q.query(`ALTER TABLE match
      ADD COLUMN concerns jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN features jsonb NOT NULL DEFAULT '{}'::jsonb,
      ADD COLUMN weights_version int,
      ADD COLUMN thesaurus_version text`);
    await q.query(`CREATE INDEX ix_match_model ON match (weights_version, thesaurus_version)`);
    await q.query(`ALTER TABLE match DROP CONSTRAINT match_close_reason_check`);
    await q.query(`ALTER TABLE match ADD CONSTRAINT match_close_reason_check
      CHECK (close_reason IN ('too-early','price','ip-unclear','no-reply','not-relevant','mode-mismatch','other'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE match SET close_reason = 'other' WHERE close_reason IN ('not-relevant','mode-mismatch')`);
    await q.query(`ALTER TABLE match DROP CONSTRAINT match_close_reason_check`);
    await q.query(`ALTER TABLE match ADD CONSTRAINT match_close_reason_check CHECK (close_reason IN ('too-early','price','ip-unclear','no-reply','other'))`);
    await q.query(`DROP INDEX IF EXISTS ix_match_model`);
    await q.query(`ALTER TABLE match DROP COLUMN concerns, DROP COLUMN features, DROP COLUMN weights_version, DROP COLUMN thesaurus_version`);
    await q.query(`DROP TABLE IF EXISTS match_weights`);
  }
}
