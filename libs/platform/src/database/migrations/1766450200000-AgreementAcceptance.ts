import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which version of the user agreement and privacy policy each user accepted, and when (recorded at sign-up). */
export class AgreementAcceptance1766450200000 implements MigrationInterface {
  name = 'AgreementAcceptance1766450200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agreement_acceptance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      document text NOT NULL,
      version text NOT NULL,
      accepted_at timestamptz NOT NULL,
      CONSTRAINT agreement_acceptance_document_check CHECK (document IN ('user-agreement', 'privacy-policy')))`);
    await q.query(`CREATE UNIQUE INDEX ux_agreement_acceptance ON agreement_acceptance (user_id, document, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS agreement_acceptance`);
  }
}
