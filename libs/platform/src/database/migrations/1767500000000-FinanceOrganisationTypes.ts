import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Investors and lenders join the platform: investment funds (a park's sub-fund names its park), banks and
 * guarantors. Like the other types with public powers they start pending until a platform administrator verifies them.
 */
export class FinanceOrganisationTypes1767500000000 implements MigrationInterface {
  name = 'FinanceOrganisationTypes1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_type_check, DROP CONSTRAINT ck_organisation_verification_type`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_type_check CHECK (type IN
      ('university','institute','enterprise','transfer-institution','registration-institution','park-administration','platform','training-base','investment-fund','bank','guarantor'))`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verification_type CHECK (
      (type IN ('park-administration','registration-institution','transfer-institution','training-base','investment-fund','bank','guarantor') AND verification_status IN ('pending','verified','rejected'))
      OR (type = 'platform' AND verification_status = 'verified')
      OR (type IN ('university','institute','enterprise') AND verification_status = 'not-required'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_type_check, DROP CONSTRAINT ck_organisation_verification_type`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_type_check CHECK (type IN
      ('university','institute','enterprise','transfer-institution','registration-institution','park-administration','platform','training-base'))`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verification_type CHECK (
      (type IN ('park-administration','registration-institution','transfer-institution','training-base') AND verification_status IN ('pending','verified','rejected'))
      OR (type = 'platform' AND verification_status = 'verified')
      OR (type IN ('university','institute','enterprise') AND verification_status = 'not-required'))`);
  }
}
