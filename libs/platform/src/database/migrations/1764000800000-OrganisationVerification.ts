import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations whose type carries public powers (park administrations, registration and transfer institutions)
 * must be verified by a platform administrator before exercising them.
 */
export class OrganisationVerification1764000800000 implements MigrationInterface {
  name = 'OrganisationVerification1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation
      ADD COLUMN verification_status text NOT NULL DEFAULT 'not-required'
        CHECK (verification_status IN ('not-required','pending','verified','rejected')),
      ADD COLUMN verified_at timestamptz,
      ADD COLUMN verified_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      ADD COLUMN verification_note text`);
    // Existing self-service sign-ups of these types were never checked: they wait for a platform administrator.
    await q.query(`UPDATE organisation SET verification_status = 'pending'
      WHERE type IN ('park-administration','registration-institution','transfer-institution')`);
    await q.query(`UPDATE organisation SET verification_status = 'verified', verified_at = created_at WHERE type = 'platform'`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verification_type CHECK (
      (type IN ('park-administration','registration-institution','transfer-institution') AND verification_status IN ('pending','verified','rejected'))
      OR (type = 'platform' AND verification_status = 'verified')
      OR (type IN ('university','institute','enterprise') AND verification_status = 'not-required'))`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verified_at CHECK ((verification_status = 'verified') = (verified_at IS NOT NULL))`);
    await q.query(`CREATE INDEX ix_organisation_verification_pending ON organisation (created_at) WHERE verification_status = 'pending'`);
    // Shipped with this change: the batch match job after a published import pages through the import's events by id.
    await q.query(`CREATE INDEX ix_achievement_event_import ON achievement_event (comment, achievement_id) WHERE action = 'import'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_achievement_event_import`);
    await q.query(`DROP INDEX IF EXISTS ix_organisation_verification_pending`);
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT IF EXISTS ck_organisation_verified_at, DROP CONSTRAINT IF EXISTS ck_organisation_verification_type,
      DROP COLUMN IF EXISTS verification_note, DROP COLUMN IF EXISTS verified_by, DROP COLUMN IF EXISTS verified_at, DROP COLUMN IF EXISTS verification_status`);
  }
}
