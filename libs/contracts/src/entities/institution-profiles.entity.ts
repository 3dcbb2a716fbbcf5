import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const INSTITUTION_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];
export const BROKER_TIERS = ['junior', 'intermediate', 'senior'] as const;
export type BrokerTier = (typeof BROKER_TIERS)[number];

/** Accreditation of a technology transfer institution (an organisation of type transfer-institution). */
@Index('ux_transfer_institution_accreditation', ['accreditationNumber'], { unique: true })
@Check('transfer_institution_profile_check', `(valid_to >= valid_from)`)
@Check('transfer_institution_profile_level_check', `(level = ANY (ARRAY['national'::text, 'provincial'::text, 'municipal'::text]))`)
@ForeignKey('organisation', ['organisation_id'], ['id'], { name: 'transfer_institution_profile_organisation_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('transfer_institution_profile')
export class TransferInstitutionProfile {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  level!: InstitutionLevel;

  @Column({ name: 'accreditation_number', type: 'text' })
  accreditationNumber!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo!: string;

  /** When the current level was granted: the one-time award follows a new provincial-or-above accreditation. */
  @Column({ name: 'accredited_on', type: 'date' })
  accreditedOn!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Coverage of a contract registration institution, by administrative division code prefix. */
@Index('ix_registration_institution_divisions', { synchronize: false })
@Index('ux_registration_institution_number_prefix', ['numberPrefix'], { unique: true })
@Check('registration_institution_profile_covered_divisions_check', `(cardinality(covered_divisions) > 0)`)
@Check('registration_institution_profile_number_prefix_check', `(number_prefix ~ '^[0-9]{6}$'::text)`)
@ForeignKey('organisation', ['organisation_id'], ['id'], { name: 'registration_institution_profile_organisation_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('registration_institution_profile')
export class RegistrationInstitutionProfile {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'covered_divisions', type: 'text', array: true })
  coveredDivisions!: string[];

  /** Six digits in the middle of the institution's registration numbers. */
  @Column({ name: 'number_prefix', type: 'text' })
  numberPrefix!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A technology broker's accreditation: a user with role broker. */
@Index('ux_broker_profile_filing_number', ['filingNumber'], { unique: true })
@Check('broker_profile_tier_check', `(tier = ANY (ARRAY['junior'::text, 'intermediate'::text, 'senior'::text]))`)
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'broker_profile_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['institution_id'], ['id'], { name: 'broker_profile_institution_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('broker_profile')
export class BrokerProfile {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  tier!: BrokerTier;

  @Column({ name: 'filing_number', type: 'text' })
  filingNumber!: string;

  @Column({ name: 'professional_title', type: 'text', nullable: true })
  professionalTitle!: string | null;

  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
