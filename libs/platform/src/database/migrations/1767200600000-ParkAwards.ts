import { MigrationInterface, QueryRunner } from 'typeorm';

/** Yearly park awards (奖励性支持): proposed from the innovation index and three-list completion, confirmed and published by administrators. */
export class ParkAwards1767200600000 implements MigrationInterface {
  name = 'ParkAwards1767200600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE park_award_round (
      year integer PRIMARY KEY,
      status text NOT NULL DEFAULT 'proposed',
      policy_version integer NOT NULL,
      index_run_id uuid NOT NULL,
      entries jsonb NOT NULL DEFAULT '[]'::jsonb,
      proposed_by uuid NOT NULL REFERENCES app_user(id),
      proposed_at timestamptz NOT NULL,
      confirmed_by uuid REFERENCES app_user(id),
      confirmed_at timestamptz,
      note text,
      version integer NOT NULL,
      CONSTRAINT park_award_round_status_check CHECK (status IN ('proposed', 'published')),
      CONSTRAINT park_award_round_year_check CHECK (year >= 2016 AND year <= 2100),
      CONSTRAINT park_award_round_confirmed_check CHECK ((status = 'published') = (confirmed_at IS NOT NULL)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS park_award_round`);
  }
}
