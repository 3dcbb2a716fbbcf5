import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory context: ratings of transfer institutions and brokers by the parties of their registered contracts
 * (moderated), and the expert directory (专家库) of verified institutions.
 */
export class Directory1767750100000 implements MigrationInterface {
  name = 'Directory1767750100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE directory_rating (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL,
      subject_kind text NOT NULL,
      subject_id uuid NOT NULL,
      rater_org_id uuid NOT NULL,
      rater_user_id uuid NOT NULL,
      score smallint NOT NULL,
      comment text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      moderation_note text,
      moderated_by uuid,
      moderated_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_directory_rating_contract_party_subject UNIQUE (contract_id, rater_org_id, subject_kind),
      CONSTRAINT directory_rating_subject_check CHECK (subject_kind IN ('institution', 'broker')),
      CONSTRAINT directory_rating_status_check CHECK (status IN ('pending', 'approved', 'rejected')),
      CONSTRAINT directory_rating_score_check CHECK (score BETWEEN 1 AND 5)
    )`);
    await q.query(`CREATE INDEX ix_directory_rating_subject ON directory_rating (subject_kind, subject_id, status)`);
    await q.query(`CREATE TABLE directory_expert (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      name text NOT NULL,
      title text NOT NULL,
      fields text[] NOT NULL DEFAULT '{}',
      bio text NOT NULL DEFAULT '',
      listed boolean NOT NULL DEFAULT true,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_directory_expert_org ON directory_expert (organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS directory_expert`);
    await q.query(`DROP TABLE IF EXISTS directory_rating`);
  }
}
