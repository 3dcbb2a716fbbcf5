import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const INSTITUTION_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];
export const BROKER_TIERS = ['junior', 'intermediate', 'senior'] as const;
export type BrokerTier = (typeof BROKER_TIERS)[number];

/** Accreditation of a technology transfer institution (an organisation of type transfer-institution). */
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
