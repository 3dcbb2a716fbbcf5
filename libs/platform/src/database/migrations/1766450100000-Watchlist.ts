import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's favourites and saved searches (the watchlist context). Targets live in other contexts: no foreign key to them. */
export class Watchlist1766450100000 implements MigrationInterface {
  name = 'Watchlist1766450100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE saved_search (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      subject text NOT NULL,
      name text NOT NULL,
      criteria jsonb NOT NULL DEFAULT '{}'::jsonb,
      alert boolean NOT NULL DEFAULT true,
      last_alerted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT saved_search_subject_check CHECK (subject IN ('achievement', 'demand')))`);
    await q.query(`CREATE INDEX ix_saved_search_user ON saved_search (user_id, created_at)`);
    await q.query(`CREATE INDEX ix_saved_search_alerting ON saved_search (subject) WHERE alert`);
    await q.query(`CREATE TABLE favourite (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      subject text NOT NULL,
      target_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT favourite_subject_check CHECK (subject IN ('achievement', 'demand')))`);
    await q.query(`CREATE UNIQUE INDEX ux_favourite_target ON favourite (user_id, subject, target_id)`);
    await q.query(`CREATE INDEX ix_favourite_user ON favourite (user_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS favourite`);
    await q.query(`DROP TABLE IF EXISTS saved_search`);
  }
}
