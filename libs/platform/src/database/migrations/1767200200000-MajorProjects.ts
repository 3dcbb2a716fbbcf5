import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 重大科技成果转化项目库 (the programmes context): projects proposed for a park, their public notice with real-name
 * objections, approval for a year and level, quarterly milestones with evidence, mid-term check and closing.
 */
export class MajorProjects1767200200000 implements MigrationInterface {
  name = 'MajorProjects1767200200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE major_project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      summary text NOT NULL,
      park_code text NOT NULL REFERENCES ref_park(code),
      city text NOT NULL,
      proposed_by_org_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      proposed_level text NOT NULL,
      achievement_ids uuid[] NOT NULL DEFAULT '{}',
      enterprise_ids uuid[] NOT NULL DEFAULT '{}',
      contract_ids uuid[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'proposed',
      year integer,
      level text,
      notice_policy_version integer,
      notice_started_at timestamptz,
      notice_paused_at timestamptz,
      notice_paused_ms bigint NOT NULL DEFAULT 0,
      approved_at timestamptz,
      closing_note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL,
      CONSTRAINT major_project_status_check CHECK (status IN ('proposed', 'shortlisted', 'public-notice', 'approved', 'mid-term-passed', 'accepted', 'terminated', 'rejected')),
      CONSTRAINT major_project_level_check CHECK (level IS NULL OR level IN ('province', 'city')),
      CONSTRAINT major_project_proposed_level_check CHECK (proposed_level IN ('province', 'city')),
      CONSTRAINT major_project_year_check CHECK (year IS NULL OR (year >= 2016 AND year <= 2100)))`);
    await q.query(`CREATE INDEX ix_major_project_year_level ON major_project (year, level, status)`);
    await q.query(`CREATE INDEX ix_major_project_park ON major_project (park_code, created_at)`);
    await q.query(`CREATE TABLE major_project_objection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES major_project(id) ON DELETE CASCADE,
      objector_user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      real_name text NOT NULL,
      phone text NOT NULL,
      grounds text NOT NULL,
      status text NOT NULL DEFAULT 'open',
      resolution text,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT major_project_objection_status_check CHECK (status IN ('open', 'upheld', 'dismissed')))`);
    await q.query(`CREATE INDEX ix_major_project_objection_project ON major_project_objection (project_id, created_at)`);
    await q.query(`CREATE TABLE major_project_milestone (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES major_project(id) ON DELETE CASCADE,
      quarter text NOT NULL,
      progress integer NOT NULL,
      summary text NOT NULL,
      evidence text NOT NULL,
      reported_by uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT major_project_milestone_quarter_check CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
      CONSTRAINT major_project_milestone_progress_check CHECK (progress >= 0 AND progress <= 100))`);
    await q.query(`CREATE UNIQUE INDEX ux_major_project_milestone_quarter ON major_project_milestone (project_id, quarter)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS major_project_milestone`);
    await q.query(`DROP TABLE IF EXISTS major_project_objection`);
    await q.query(`DROP TABLE IF EXISTS major_project`);
  }
}
