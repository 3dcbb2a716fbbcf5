import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification e-mail: each user's choice per category, and what was sent to whom (so a retried job skips it). */
export class NotificationEmail1766450000000 implements MigrationInterface {
  name = 'NotificationEmail1766450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification_email_preference (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      category text NOT NULL,
      email boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT notification_email_preference_category_check CHECK (category IN ('matches', 'alerts', 'demands', 'roadshows', 'contracts', 'other')))`);
    await q.query(`CREATE UNIQUE INDEX ux_notification_email_preference ON notification_email_preference (user_id, category)`);
    await q.query(`CREATE TABLE notification_email (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      notification_id uuid NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      address text NOT NULL,
      message_id text,
      sent_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_notification_email_recipient ON notification_email (notification_id, user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification_email`);
    await q.query(`DROP TABLE IF EXISTS notification_email_preference`);
  }
}
