import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Investor roadshows (项目路演、资本对接): an event's kind says who attends and asks for 1:1 meetings with the
 * presenters: enterprises at a technology roadshow, verified investment funds at an investor roadshow.
 */
export class InvestorRoadshows1767500300000 implements MigrationInterface {
  name = 'InvestorRoadshows1767500300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roadshow_event ADD COLUMN kind text NOT NULL DEFAULT 'technology',
      ADD CONSTRAINT roadshow_event_kind_check CHECK (kind IN ('technology','investor'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roadshow_event DROP CONSTRAINT IF EXISTS roadshow_event_kind_check, DROP COLUMN IF EXISTS kind`);
  }
}
