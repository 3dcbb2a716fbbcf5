import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 等保 2.0 authentication controls: password age and history (no reuse of the last N), sessions with an absolute
 * lifetime carried across refresh-token rotations, and the client address on audit entries (every sign-in attempt).
 */
export class AuthenticationControls1765200000000 implements MigrationInterface {
  name = 'AuthenticationControls1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE TABLE password_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL CONSTRAINT fk_password_history_user REFERENCES app_user(id) ON DELETE CASCADE,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_password_history_user ON password_history (user_id, created_at)`);
    // Existing users: their current password is the first entry of their history.
    await q.query(`INSERT INTO password_history (user_id, password_hash, created_at) SELECT id, password_hash, created_at FROM app_user`);
    await q.query(`ALTER TABLE refresh_token ADD COLUMN session_started_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE refresh_token t SET session_started_at = f.started FROM (
      SELECT family_id, min(created_at) AS started FROM refresh_token GROUP BY family_id) f WHERE f.family_id = t.family_id`);
    await q.query(`ALTER TABLE audit_entry ADD COLUMN client_address text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry DROP COLUMN IF EXISTS client_address`);
    await q.query(`ALTER TABLE refresh_token DROP COLUMN IF EXISTS session_started_at`);
    await q.query(`DROP TABLE IF EXISTS password_history`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS password_changed_at`);
  }
}
