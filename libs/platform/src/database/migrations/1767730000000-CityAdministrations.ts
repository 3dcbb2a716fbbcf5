import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * City administrations (市级科技管理部门) join the platform: they propose major transfer projects for the parks of
 * their city (named by the administrative division code they sign up with). Like the other types with public powers
 * they start pending until a platform administrator verifies them.
 */
export class CityAdministrations1767730000000 implements MigrationInterface {
  name = 'CityAdministrations1767730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_type_check, DROP CONSTRAINT ck_organisation_verification_type`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_type_check CHECK (type IN
      ('university','institute','enterprise','transfer-institution','registration-institution','park-administration','platform','training-base','investment-fund','bank','guarantor','city-administration'))`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verification_type CHECK (
      (type IN ('park-administration','registration-institution','transfer-institution','training-base','investment-fund','bank','guarantor','city-administration') AND verification_status IN ('pending','verified','rejected'))
      OR (type = 'platform' AND verification_status = 'verified')
      OR (type IN ('university','institute','enterprise') AND verification_status = 'not-required'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_type_check, DROP CONSTRAINT ck_organisation_verification_type`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_type_check CHECK (type IN
      ('university','institute','enterprise','transfer-institution','registration-institution','park-administration','platform','training-base','investment-fund','bank','guarantor'))`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verification_type CHECK (
      (type IN ('park-administration','registration-institution','transfer-institution','training-base','investment-fund','bank','guarantor') AND verification_status IN ('pending','verified','rejected'))
      OR (type = 'platform' AND verification_status = 'verified')
      OR (type IN ('university','institute','enterprise') AND verification_status = 'not-required'))`);
  }
}
