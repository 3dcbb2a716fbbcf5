import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Broker training and certification (the brokers context): courses of verified training bases with hours by module,
 * enrolments with the hours logged and the exam result, and certificates with a public number, a level and an expiry.
 */
export class BrokerCertification1767200100000 implements MigrationInterface {
  name = 'BrokerCertification1767200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE broker_course (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      training_base_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      level text NOT NULL,
      hours_general integer NOT NULL,
      hours_policy integer NOT NULL,
      hours_practice integer NOT NULL,
      hours_capability integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT broker_course_level_check CHECK (level IN ('junior', 'intermediate', 'senior')),
      CONSTRAINT broker_course_hours_check CHECK (hours_general >= 0 AND hours_policy >= 0 AND hours_practice >= 0 AND hours_capability >= 0
        AND hours_general + hours_policy + hours_practice + hours_capability > 0))`);
    await q.query(`CREATE INDEX ix_broker_course_base ON broker_course (training_base_id, created_at)`);
    await q.query(`CREATE TABLE broker_enrolment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES broker_course(id) ON DELETE CASCADE,
      training_base_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'enrolled',
      logged_general integer NOT NULL DEFAULT 0,
      logged_policy integer NOT NULL DEFAULT 0,
      logged_practice integer NOT NULL DEFAULT 0,
      logged_capability integer NOT NULL DEFAULT 0,
      exam_score integer,
      examined_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL,
      CONSTRAINT broker_enrolment_status_check CHECK (status IN ('enrolled', 'passed', 'failed', 'certified', 'withdrawn')),
      CONSTRAINT broker_enrolment_exam_score_check CHECK (exam_score IS NULL OR (exam_score >= 0 AND exam_score <= 100)))`);
    await q.query(`CREATE UNIQUE INDEX ux_broker_enrolment_course_user ON broker_enrolment (course_id, user_id)`);
    await q.query(`CREATE INDEX ix_broker_enrolment_base ON broker_enrolment (training_base_id, created_at)`);
    await q.query(`CREATE INDEX ix_broker_enrolment_user ON broker_enrolment (user_id, created_at)`);
    await q.query(`CREATE SEQUENCE broker_certificate_number_seq`);
    await q.query(`CREATE TABLE broker_certificate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL,
      enrolment_id uuid NOT NULL REFERENCES broker_enrolment(id) ON DELETE CASCADE,
      training_base_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      level text NOT NULL,
      status text NOT NULL DEFAULT 'active',
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      renewals integer NOT NULL DEFAULT 0,
      status_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL,
      CONSTRAINT broker_certificate_level_check CHECK (level IN ('junior', 'intermediate', 'senior')),
      CONSTRAINT broker_certificate_status_check CHECK (status IN ('active', 'suspended', 'revoked')),
      CONSTRAINT broker_certificate_expiry_check CHECK (expires_at > issued_at))`);
    await q.query(`CREATE UNIQUE INDEX ux_broker_certificate_number ON broker_certificate (number)`);
    await q.query(`CREATE UNIQUE INDEX ux_broker_certificate_enrolment ON broker_certificate (enrolment_id)`);
    // The role rule asks on every request of a broker: active certificates by holder.
    await q.query(`CREATE INDEX ix_broker_certificate_holder_active ON broker_certificate (user_id, expires_at) WHERE status = 'active'`);
    await q.query(`CREATE INDEX ix_broker_certificate_base ON broker_certificate (training_base_id, issued_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS broker_certificate`);
    await q.query(`DROP SEQUENCE IF EXISTS broker_certificate_number_seq`);
    await q.query(`DROP TABLE IF EXISTS broker_enrolment`);
    await q.query(`DROP TABLE IF EXISTS broker_course`);
  }
}
