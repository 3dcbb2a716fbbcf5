import { MigrationInterface, QueryRunner } from 'typeorm';

/** Enterprise demands, solution proposals and assigned brokers (the demand context). */
export class Demand1764000300000 implements MigrationInterface {
  name = 'Demand1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE demand (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      source text NOT NULL DEFAULT 'manual' CHECK (length(source) BETWEEN 1 AND 64),
      external_id text CHECK (length(external_id) BETWEEN 1 AND 128),
      title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 10 AND 20000),
      keywords text[] NOT NULL DEFAULT '{}' CHECK (cardinality(keywords) <= 20),
      industry text NOT NULL REFERENCES ref_industry(code),
      field text REFERENCES ref_field(code),
      min_trl int CHECK (min_trl BETWEEN 1 AND 9),
      budget numeric(18,2) CHECK (budget >= 0),
      cooperation_modes text[] NOT NULL DEFAULT '{}'
        CHECK (cooperation_modes <@ ARRAY['transfer','license','joint-implementation','equity','joint-development','consulting','other']::text[]),
      park text REFERENCES ref_park(code),
      deadline_at timestamptz,
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','members','brokers')),
      enterprise_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      enterprise_name text NOT NULL,
      enterprise_credit_code text,
      enterprise_region text NOT NULL DEFAULT 'other' CHECK (enterprise_region IN ('BJ','TJ','HE','other')),
      qualifications text[] NOT NULL DEFAULT '{}' CHECK (qualifications <@ ARRAY['high-tech','tech-sme','little-giant','listed']::text[]),
      contact_name text,
      contact_phone text,
      contact_email text,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','in-negotiation','solved','closed','expired')),
      published_at timestamptz,
      status_changed_at timestamptz,
      close_reason text,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_demand_source_external_id ON demand (source, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_demand_status_published ON demand (status, published_at DESC)`);
    await q.query(`CREATE INDEX ix_demand_enterprise ON demand (enterprise_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_demand_industry ON demand (industry, status)`);

    await q.query(`CREATE TABLE demand_proposal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      demand_id uuid NOT NULL REFERENCES demand(id) ON DELETE CASCADE,
      proposer_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
      proposer_org_name text NOT NULL,
      submitted_by uuid NOT NULL REFERENCES app_user(id),
      approach text NOT NULL CHECK (length(approach) BETWEEN 10 AND 20000),
      team jsonb NOT NULL DEFAULT '[]'::jsonb,
      price numeric(18,2) CHECK (price >= 0),
      timeline text NOT NULL,
      duration_months int CHECK (duration_months BETWEEN 1 AND 120),
      achievement_ids uuid[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','shortlisted','awarded','declined','withdrawn')),
      decline_reason text,
      decided_at timestamptz,
      decided_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'declined' OR decline_reason IS NOT NULL))`);
    await q.query(`CREATE INDEX ix_demand_proposal_demand ON demand_proposal (demand_id, created_at)`);
    await q.query(`CREATE INDEX ix_demand_proposal_proposer ON demand_proposal (proposer_org_id, created_at DESC)`);
    // One open proposal per organisation and demand; one award per demand.
    await q.query(`CREATE UNIQUE INDEX ux_demand_proposal_open ON demand_proposal (demand_id, proposer_org_id) WHERE status IN ('submitted','shortlisted')`);
    await q.query(`CREATE UNIQUE INDEX ux_demand_proposal_awarded ON demand_proposal (demand_id) WHERE status = 'awarded'`);

    await q.query(`CREATE TABLE demand_broker (
      demand_id uuid NOT NULL REFERENCES demand(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      assigned_by uuid NOT NULL REFERENCES app_user(id),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (demand_id, user_id))`);
    await q.query(`CREATE INDEX ix_demand_broker_user ON demand_broker (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS demand_broker`);
    await q.query(`DROP TABLE IF EXISTS demand_proposal`);
    await q.query(`DROP TABLE IF EXISTS demand`);
  }
}
