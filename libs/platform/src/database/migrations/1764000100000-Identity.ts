import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764000100000 implements MigrationInterface {
  name = 'Identity1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      type text NOT NULL CHECK (type IN ('university','institute','enterprise','transfer-institution','registration-institution','park-administration','platform')),
      credit_code text,
      region text NOT NULL DEFAULT 'other' CHECK (region IN ('BJ','TJ','HE','other')),
      division_code text,
      park_code text REFERENCES ref_park(code),
      claimed boolean NOT NULL DEFAULT true,
      profile jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX ux_organisation_credit_code ON organisation (credit_code) WHERE credit_code IS NOT NULL`);
    await q.query(`CREATE INDEX ix_organisation_name_type ON organisation (name, type)`);
    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      email text NOT NULL,
      password_hash text NOT NULL,
      display_name text NOT NULL,
      roles text[] NOT NULL DEFAULT '{member}',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
      locale text NOT NULL DEFAULT 'zh',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_app_user_email ON app_user (email)`);
    await q.query(`CREATE INDEX ix_app_user_organisation ON app_user (organisation_id)`);
    await q.query(`CREATE TABLE refresh_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      replaced_by uuid,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_refresh_token_hash ON refresh_token (token_hash)`);
    await q.query(`CREATE INDEX ix_refresh_token_family ON refresh_token (family_id)`);
    await q.query(`CREATE TABLE invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      email text NOT NULL,
      roles text[] NOT NULL,
      token_hash text NOT NULL,
      invited_by uuid NOT NULL REFERENCES app_user(id),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_invitation_token_hash ON invitation (token_hash)`);
    await q.query(`CREATE TABLE audit_entry (
      id bigserial PRIMARY KEY,
      actor_user_id uuid,
      actor_org_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      changes jsonb NOT NULL DEFAULT '{}'::jsonb,
      at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_audit_entry_entity ON audit_entry (entity_type, entity_id)`);
    await q.query(`CREATE INDEX ix_audit_entry_at ON audit_entry (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_entry', 'invitation', 'refresh_token', 'app_user', 'organisation']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
