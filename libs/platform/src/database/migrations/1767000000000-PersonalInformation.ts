import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 个人信息保护法: deleted accounts (personal fields erased, the row kept for the organisation's business records that
 * name it) and retention periods per record type, as data the daily retention job applies.
 */
export class PersonalInformation1767000000000 implements MigrationInterface {
  name = 'PersonalInformation1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_status_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_status_check CHECK (status IN ('active', 'disabled', 'deleted'))`);
    await q.query(`ALTER TABLE app_user ADD COLUMN deleted_at timestamptz`);
    // The retention job finds deleted accounts' residue by this.
    await q.query(`CREATE INDEX ix_app_user_deleted_at ON app_user (deleted_at) WHERE deleted_at IS NOT NULL`);
    await q.query(`CREATE TABLE retention_policy (
      record_type text PRIMARY KEY,
      retention_days integer NOT NULL,
      description_zh text NOT NULL,
      description_en text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT retention_policy_retention_days_check CHECK (retention_days >= 1))`);
    await q.query(`INSERT INTO retention_policy (record_type, retention_days, description_zh, description_en) VALUES
      ('notification.read', 180, '已读的站内通知，自发出之日起', 'Read in-app notifications, from when they were sent'),
      ('notification.unread', 365, '未读的站内通知，自发出之日起', 'Unread in-app notifications, from when they were sent'),
      ('session.ended', 30, '已过期或已撤销的登录会话（刷新令牌），自结束之日起', 'Expired or revoked sign-in sessions (refresh tokens), from when they ended'),
      ('invitation.closed', 90, '已接受或已过期的成员邀请（含被邀请人邮箱），自结束之日起', 'Accepted or expired member invitations (with the invitee''s e-mail), from when they closed'),
      ('deleted-account.consent', 1095, '已注销账号的协议同意记录（同意的证明），自注销之日起', 'Agreement acceptances of deleted accounts (proof of consent), from the deletion')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS retention_policy`);
    await q.query(`DROP INDEX IF EXISTS ix_app_user_deleted_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS deleted_at`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_status_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_status_check CHECK (status IN ('active', 'disabled'))`);
  }
}
