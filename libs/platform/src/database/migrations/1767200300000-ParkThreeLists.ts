import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each park's three lists per year (成果对接、重点举措、转化落地 三个清单), kept by its park administration; a landed deal
 * counts only when it links to a registered contract or an accepted major project of that park.
 */
export class ParkThreeLists1767200300000 implements MigrationInterface {
  name = 'ParkThreeLists1767200300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE park_list_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      park_code text NOT NULL REFERENCES ref_park(code),
      year integer NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'planned',
      owner text,
      due_date date,
      achievement_id uuid,
      contract_id uuid,
      project_id uuid REFERENCES major_project(id) ON DELETE SET NULL,
      last_quarter text,
      last_note text,
      created_by uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL,
      CONSTRAINT park_list_item_kind_check CHECK (kind IN ('docking', 'measure', 'landing')),
      CONSTRAINT park_list_item_status_check CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
      CONSTRAINT park_list_item_measure_check CHECK (kind <> 'measure' OR (owner IS NOT NULL AND due_date IS NOT NULL)),
      CONSTRAINT park_list_item_year_check CHECK (year >= 2016 AND year <= 2100),
      CONSTRAINT park_list_item_quarter_check CHECK (last_quarter IS NULL OR last_quarter ~ '^[0-9]{4}Q[1-4]$'))`);
    await q.query(`CREATE INDEX ix_park_list_item_park_year ON park_list_item (park_code, year, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS park_list_item`);
  }
}
