import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1764000400000 implements MigrationInterface {
  name = 'Matching1764000400000';

  async up(q: QueryRunner): Promise<void> {
    // The domain thesaurus: one row per technique concept, editable by platform administrators.
    await q.query(`CREATE TABLE thesaurus_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      industry text NOT NULL CHECK (industry IN ('advanced-equipment','digital','life-health','new-energy','new-materials','energy-saving-environmental','new-energy-vehicles','tech-services','modern-agriculture')),
      term text NOT NULL CHECK (length(btrim(term)) > 0),
      synonyms text[] NOT NULL DEFAULT '{}',
      broader text[] NOT NULL DEFAULT '{}',
      narrower text[] NOT NULL DEFAULT '{}',
      symptoms text[] NOT NULL DEFAULT '{}',
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (industry, term))`);

    // A suggested or curated pairing of a demand and an achievement, followed through by a broker.
    await q.query(`CREATE TABLE match (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      demand_id uuid NOT NULL REFERENCES demand(id) ON DELETE CASCADE,
      achievement_id uuid NOT NULL REFERENCES achievement(id) ON DELETE CASCADE,
      enterprise_id uuid NOT NULL REFERENCES organisation(id),
      owner_id uuid NOT NULL REFERENCES organisation(id),
      score int NOT NULL CHECK (score BETWEEN 0 AND 100),
      reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      origin text NOT NULL CHECK (origin IN ('computed','broker')),
      status text NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested','contacted','negotiating','signed','closed')),
      close_reason text CHECK (close_reason IN ('too-early','price','ip-unclear','no-reply','other')),
      broker_user_id uuid REFERENCES app_user(id),
      broker_org_id uuid REFERENCES organisation(id),
      taken_at timestamptz,
      status_changed_at timestamptz NOT NULL DEFAULT now(),
      computed_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (demand_id, achievement_id),
      CHECK ((status = 'closed') = (close_reason IS NOT NULL)))`);
    await q.query(`CREATE INDEX ix_match_enterprise ON match (enterprise_id, score DESC)`);
    await q.query(`CREATE INDEX ix_match_owner ON match (owner_id, score DESC)`);
    await q.query(`CREATE INDEX ix_match_achievement ON match (achievement_id)`);
    await q.query(`CREATE INDEX ix_match_broker ON match (broker_user_id, status)`);

    // The pipeline's history: taking, each transition, notes and introductions (who introduced whom, when).
    await q.query(`CREATE TABLE match_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      match_id uuid NOT NULL REFERENCES match(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('taken','transition','note','introduction')),
      actor_user_id uuid REFERENCES app_user(id),
      from_status text,
      to_status text,
      close_reason text,
      body text,
      introduced_org_ids uuid[],
      channel text CHECK (channel IS NULL OR channel IN ('meeting','phone','email','event','online','other')),
      occurred_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_match_event_match ON match_event (match_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS match_event`);
    await q.query(`DROP TABLE IF EXISTS match`);
    await q.query(`DROP TABLE IF EXISTS thesaurus_entry`);
  }
}
