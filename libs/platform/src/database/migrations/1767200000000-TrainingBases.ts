import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 技术转移人才培养基地 (broker training bases) as an organisation type: they train and certify technology brokers, a
 * public power, so they start pending and a platform administrator verifies them like the institutions.
 */
export class TrainingBases1767200000000 implements MigrationInterface {
  name = 'TrainingBases1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_type_check`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_type_check
      CHECK (type IN ('university','institute','enterprise','transfer-institution','registration-institution','park-administration','platform','training-base'))`);
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT ck_organisation_verification_type`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verification_type CHECK (
      (type IN ('park-administration','registration-institution','transfer-institution','training-base') AND verification_status IN ('pending','verified','rejected'))
      OR (type = 'platform' AND verification_status = 'verified')
      OR (type IN ('university','institute','enterprise') AND verification_status = 'not-required'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT ck_organisation_verification_type`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT ck_organisation_verification_type CHECK (
      (type IN ('park-administration','registration-institution','transfer-institution') AND verification_status IN ('pending','verified','rejected'))
      OR (type = 'platform' AND verification_status = 'verified')
      OR (type IN ('university','institute','enterprise') AND verification_status = 'not-required'))`);
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_type_check`);
    await q.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_type_check
      CHECK (type IN ('university','institute','enterprise','transfer-institution','registration-institution','park-administration','platform'))`);
  }
}
