import { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalog: achievements with their review history, attachments and interest, technology packages, guide catalogs, import jobs. */
export class Catalog1764000200000 implements MigrationInterface {
  name = 'Catalog1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE achievement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES organisation(id),
      owner_type text NOT NULL CHECK (owner_type IN ('university','institute','enterprise','individual','other')),
      source text NOT NULL DEFAULT 'manual',
      external_id text,
      title text NOT NULL,
      summary text NOT NULL,
      keywords text[] NOT NULL DEFAULT '{}',
      industry text NOT NULL REFERENCES ref_industry(code),
      field text REFERENCES ref_field(code),
      trl int NOT NULL CHECK (trl BETWEEN 1 AND 9),
      stage text NOT NULL CHECK (stage IN ('lab','bench','pilot','industrial')),
      trl_evidence text,
      trl_assessed_by text NOT NULL DEFAULT 'self' CHECK (trl_assessed_by IN ('self','expert','third-party')),
      transfer_modes text[] NOT NULL DEFAULT '{}'
        CHECK (transfer_modes <@ ARRAY['transfer','license','joint-implementation','equity','self-implementation','other']::text[]),
      pricing_method text CHECK (pricing_method IN ('negotiated','listing','auction')),
      asking_price numeric(18,2) CHECK (asking_price >= 0),
      patents text[] NOT NULL DEFAULT '{}',
      funding_source text CHECK (funding_source IN ('national-program','provincial-program','municipal-program','enterprise','other','none')),
      award text,
      contact jsonb,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','returned','published','withdrawn','transferred')),
      review_comment text,
      quality_warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
      view_count int NOT NULL DEFAULT 0,
      interest_count int NOT NULL DEFAULT 0,
      created_by uuid,
      submitted_at timestamptz,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1)`);
    await q.query(`CREATE UNIQUE INDEX ux_achievement_source_external ON achievement (source, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_achievement_owner ON achievement (owner_id, status)`);
    await q.query(`CREATE INDEX ix_achievement_status ON achievement (status, published_at DESC)`);
    await q.query(`CREATE INDEX ix_achievement_industry ON achievement (industry, status)`);

    await q.query(`CREATE TABLE achievement_event (
      id bigserial PRIMARY KEY,
      achievement_id uuid NOT NULL REFERENCES achievement(id) ON DELETE CASCADE,
      action text NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      actor_user_id uuid,
      comment text,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_achievement_event ON achievement_event (achievement_id, id)`);

    await q.query(`CREATE TABLE achievement_attachment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      achievement_id uuid NOT NULL REFERENCES achievement(id) ON DELETE CASCADE,
      file_key text NOT NULL,
      filename text NOT NULL,
      content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg','image/gif','image/webp')),
      size bigint NOT NULL CHECK (size > 0 AND size <= 20971520),
      uploaded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_achievement_attachment ON achievement_attachment (achievement_id)`);

    await q.query(`CREATE TABLE achievement_interest (
      achievement_id uuid NOT NULL REFERENCES achievement(id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (achievement_id, user_id))`);

    await q.query(`CREATE TABLE technology_package (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      curator_id uuid NOT NULL,
      curator_org_id uuid NOT NULL REFERENCES organisation(id),
      title text NOT NULL,
      theme text NOT NULL,
      industry text NOT NULL REFERENCES ref_industry(code),
      description text NOT NULL DEFAULT '',
      achievement_ids uuid[] NOT NULL DEFAULT '{}',
      target_parks text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
      published_at timestamptz,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1)`);
    await q.query(`CREATE INDEX ix_technology_package_status ON technology_package (status, published_at DESC)`);
    await q.query(`CREATE INDEX ix_technology_package_achievements ON technology_package USING gin (achievement_ids)`);

    await q.query(`CREATE TABLE guide_catalog (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      industry text NOT NULL REFERENCES ref_industry(code),
      title text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
      created_by uuid NOT NULL,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      UNIQUE (year, industry))`);
    await q.query(`CREATE TABLE guide_catalog_entry (
      catalog_id uuid NOT NULL REFERENCES guide_catalog(id) ON DELETE CASCADE,
      achievement_id uuid NOT NULL REFERENCES achievement(id),
      position int NOT NULL,
      note text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (catalog_id, achievement_id))`);

    await q.query(`CREATE TABLE import_job (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      format text NOT NULL CHECK (format IN ('ndjson','csv','xlsx')),
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
      file_key text NOT NULL,
      filename text,
      publish boolean NOT NULL DEFAULT false,
      importer_user_id uuid NOT NULL,
      importer_org_id uuid NOT NULL REFERENCES organisation(id),
      importer_org_type text NOT NULL,
      importer_roles text[] NOT NULL DEFAULT '{}',
      total int NOT NULL DEFAULT 0,
      processed int NOT NULL DEFAULT 0,
      created int NOT NULL DEFAULT 0,
      updated int NOT NULL DEFAULT 0,
      failed int NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]'::jsonb,
      failure_reason text,
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_import_job_org ON import_job (importer_org_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['import_job', 'guide_catalog_entry', 'guide_catalog', 'technology_package', 'achievement_interest', 'achievement_attachment', 'achievement_event', 'achievement']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
