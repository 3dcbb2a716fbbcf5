import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notification1764000150000 implements MigrationInterface {
  name = 'Notification1764000150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recipient_user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
      recipient_org_id uuid REFERENCES organisation(id) ON DELETE CASCADE,
      kind text NOT NULL,
      title_zh text NOT NULL,
      title_en text NOT NULL,
      body_zh text NOT NULL DEFAULT '',
      body_en text NOT NULL DEFAULT '',
      link text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      dedupe_key text,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (recipient_user_id IS NOT NULL OR recipient_org_id IS NOT NULL))`);
    await q.query(`CREATE INDEX ix_notification_user ON notification (recipient_user_id, created_at)`);
    await q.query(`CREATE INDEX ix_notification_org ON notification (recipient_org_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX ux_notification_dedupe ON notification (dedupe_key) WHERE dedupe_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification`);
  }
}
