import { MigrationInterface, QueryRunner } from 'typeorm';

/** Roadshows: events, agenda sessions, presentations, participants, 1:1 meeting requests and meetings. */
export class Roadshow1764000500000 implements MigrationInterface {
  name = 'Roadshow1764000500000';

  async up(q: QueryRunner): Promise<void> {
    const industries = `'advanced-equipment','digital','life-health','new-energy','new-materials','energy-saving-environmental','new-energy-vehicles','tech-services','modern-agriculture'`;
    const parks = `'sjz-hitech','bd-hitech','guan-hitech','baiyangdian','yizhuang-yongqing','bazhou-edz','gwm-park','gaobeidian-innovation','zhuozhou-agri','renqiu-edz','hengshui-hitech'`;
    await q.query(`CREATE TABLE roadshow_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organiser_org_id uuid NOT NULL REFERENCES organisation(id),
      responsible_user_id uuid NOT NULL REFERENCES app_user(id),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      theme_industries text[] NOT NULL DEFAULT '{}' CHECK (theme_industries <@ ARRAY[${industries}]::text[]),
      park_code text CHECK (park_code IS NULL OR park_code IN (${parks})),
      venue text,
      online_link text,
      days jsonb NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      slot_minutes int NOT NULL CHECK (slot_minutes BETWEEN 5 AND 480),
      table_count int NOT NULL CHECK (table_count > 0),
      capacity int NOT NULL CHECK (capacity > 0),
      session_rooms int NOT NULL DEFAULT 1 CHECK (session_rooms > 0),
      presentation_minutes int NOT NULL DEFAULT 15 CHECK (presentation_minutes BETWEEN 5 AND 120),
      max_meetings_per_enterprise int NOT NULL DEFAULT 6 CHECK (max_meetings_per_enterprise > 0),
      large boolean NOT NULL DEFAULT false,
      registration_opens_at timestamptz NOT NULL,
      registration_closes_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','registration-open','scheduled','held','closed','cancelled')),
      cancel_reason text,
      agenda_built_at timestamptz,
      meetings_scheduled_at timestamptz,
      follow_up_requested_at timestamptz,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (venue IS NOT NULL OR online_link IS NOT NULL),
      CHECK (registration_closes_at > registration_opens_at),
      CHECK (ends_at > starts_at))`);
    await q.query(`CREATE INDEX ix_roadshow_event_starts ON roadshow_event (starts_at)`);
    await q.query(`CREATE INDEX ix_roadshow_event_organiser ON roadshow_event (organiser_org_id)`);

    await q.query(`CREATE TABLE roadshow_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES roadshow_event(id) ON DELETE CASCADE,
      theme text NOT NULL,
      room int NOT NULL CHECK (room >= 0),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      CHECK (ends_at > starts_at),
      UNIQUE (event_id, room, starts_at))`);

    await q.query(`CREATE TABLE roadshow_presentation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES roadshow_event(id) ON DELETE CASCADE,
      presenter_org_id uuid NOT NULL REFERENCES organisation(id),
      achievement_id uuid,
      package_id uuid,
      title text NOT NULL,
      industry text NOT NULL CHECK (industry IN (${industries})),
      origin text NOT NULL CHECK (origin IN ('application','invitation')),
      status text NOT NULL CHECK (status IN ('applied','invited','accepted','declined','withdrawn')),
      session_id uuid REFERENCES roadshow_session(id) ON DELETE SET NULL,
      starts_at timestamptz,
      ends_at timestamptz,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((achievement_id IS NOT NULL) <> (package_id IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX ux_roadshow_presentation_subject ON roadshow_presentation (event_id, coalesce(achievement_id, package_id)) WHERE status IN ('applied','invited','accepted')`);
    await q.query(`CREATE INDEX ix_roadshow_presentation_presenter ON roadshow_presentation (presenter_org_id)`);

    await q.query(`CREATE TABLE roadshow_participant (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES roadshow_event(id) ON DELETE CASCADE,
      enterprise_org_id uuid NOT NULL REFERENCES organisation(id),
      registered_by_user_id uuid NOT NULL REFERENCES app_user(id),
      industries text[] NOT NULL DEFAULT '{}' CHECK (industries <@ ARRAY[${industries}]::text[]),
      demand_ids uuid[] NOT NULL DEFAULT '{}',
      available_slots int[],
      status text NOT NULL CHECK (status IN ('registered','waitlisted','cancelled')),
      promoted_at timestamptz,
      cancelled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_roadshow_participant_active ON roadshow_participant (event_id, enterprise_org_id) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX ix_roadshow_participant_queue ON roadshow_participant (event_id, status, created_at)`);

    await q.query(`CREATE TABLE roadshow_meeting_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES roadshow_event(id) ON DELETE CASCADE,
      enterprise_org_id uuid NOT NULL REFERENCES organisation(id),
      presentation_id uuid NOT NULL REFERENCES roadshow_presentation(id) ON DELETE CASCADE,
      presenter_org_id uuid NOT NULL REFERENCES organisation(id),
      kind text NOT NULL CHECK (kind IN ('must-meet','would-like','suggestion')),
      priority numeric(6,3) NOT NULL CHECK (priority > 0),
      match_score numeric(5,2),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','cancelled')),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX ux_roadshow_meeting_request_pair ON roadshow_meeting_request (event_id, enterprise_org_id, presentation_id) WHERE status = 'pending'`);

    await q.query(`CREATE TABLE roadshow_meeting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES roadshow_event(id) ON DELETE CASCADE,
      request_id uuid NOT NULL REFERENCES roadshow_meeting_request(id),
      enterprise_org_id uuid NOT NULL REFERENCES organisation(id),
      presenter_org_id uuid NOT NULL REFERENCES organisation(id),
      presentation_id uuid NOT NULL REFERENCES roadshow_presentation(id),
      slot_index int NOT NULL CHECK (slot_index >= 0),
      table_number int NOT NULL CHECK (table_number >= 0),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','cancelled')),
      cancelled_at timestamptz,
      cancel_reason text,
      outcome text CHECK (outcome IS NULL OR outcome IN ('intention','no-interest','no-show')),
      outcome_reason text,
      outcome_recorded_at timestamptz,
      outcome_recorded_by uuid REFERENCES app_user(id),
      outcome_requested_at timestamptz,
      advanced_match_ids uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (outcome <> 'no-interest' OR outcome_reason IS NOT NULL))`);
    // The database itself refuses a double booking: one live meeting per party per slot, one per table per slot.
    await q.query(`CREATE UNIQUE INDEX ux_roadshow_meeting_enterprise_slot ON roadshow_meeting (event_id, enterprise_org_id, slot_index) WHERE status = 'scheduled'`);
    await q.query(`CREATE UNIQUE INDEX ux_roadshow_meeting_presenter_slot ON roadshow_meeting (event_id, presenter_org_id, slot_index) WHERE status = 'scheduled'`);
    await q.query(`CREATE UNIQUE INDEX ux_roadshow_meeting_table_slot ON roadshow_meeting (event_id, table_number, slot_index) WHERE status = 'scheduled'`);
    await q.query(`CREATE UNIQUE INDEX ux_roadshow_meeting_request ON roadshow_meeting (request_id) WHERE status = 'scheduled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS roadshow_meeting`);
    await q.query(`DROP TABLE IF EXISTS roadshow_meeting_request`);
    await q.query(`DROP TABLE IF EXISTS roadshow_participant`);
    await q.query(`DROP TABLE IF EXISTS roadshow_presentation`);
    await q.query(`DROP TABLE IF EXISTS roadshow_session`);
    await q.query(`DROP TABLE IF EXISTS roadshow_event`);
  }
}
