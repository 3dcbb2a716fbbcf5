import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrgType } from '@techbridge/platform';
import type { VerificationStatus } from '../organisation-verification';

/** Accreditation and coverage details of intermediary organisations (transfer and registration institutions). */
export interface InstitutionProfile {
  /** Transfer institutions: national, provincial or municipal accreditation. */
  level?: 'national' | 'provincial' | 'municipal';
  accreditationNumber?: string;
  validFrom?: string;
  validTo?: string;
  /** Registration institutions: administrative division codes (GB/T 2260 prefixes) they cover. */
  coveredDivisions?: string[];
}

@Index('ix_organisation_name_type', ['name', 'type'])
@Index('ix_organisation_verification_pending', ['createdAt'], { where: `(verification_status = 'pending'::text)` })
@Check('ck_organisation_verification_type', `(((type = ANY (ARRAY['park-administration'::text, 'registration-institution'::text, 'transfer-institution'::text, 'training-base'::text, 'investment-fund'::text, 'bank'::text, 'guarantor'::text, 'city-administration'::text])) AND (verification_status = ANY (ARRAY['pending'::text, 'verified'::text, 'rejected'::text]))) OR ((type = 'platform'::text) AND (verification_status = 'verified'::text)) OR ((type = ANY (ARRAY['university'::text, 'institute'::text, 'enterprise'::text])) AND (verification_status = 'not-required'::text)))`)
@Check('ck_organisation_verified_at', `((verification_status = 'verified'::text) = (verified_at IS NOT NULL))`)
@Check('organisation_region_check', `(region = ANY (ARRAY['BJ'::text, 'TJ'::text, 'HE'::text, 'other'::text]))`)
@Check('organisation_type_check', `(type = ANY (ARRAY['university'::text, 'institute'::text, 'enterprise'::text, 'transfer-institution'::text, 'registration-institution'::text, 'park-administration'::text, 'platform'::text, 'training-base'::text, 'investment-fund'::text, 'bank'::text, 'guarantor'::text, 'city-administration'::text]))`)
@Check('organisation_verification_status_check', `(verification_status = ANY (ARRAY['not-required'::text, 'pending'::text, 'verified'::text, 'rejected'::text]))`)
@ForeignKey('app_user', ['verified_by'], ['id'], { name: 'organisation_verified_by_fkey', onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'organisation_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('organisation')
@Index('ux_organisation_credit_code', ['creditCode'], { unique: true, where: 'credit_code IS NOT NULL' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: OrgType;

  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode!: string | null;

  /** BJ, TJ, HE or other: where the organisation sits (drives the Beijing/Tianjin absorption figures). */
  @Column({ type: 'text', default: 'other' })
  region!: string;

  /** Administrative division code (6 digits), used to route contract registrations. */
  @Column({ name: 'division_code', type: 'text', nullable: true })
  divisionCode!: string | null;

  @Column({ name: 'park_code', type: 'text', nullable: true })
  parkCode!: string | null;

  /** False for organisations created by an import, until a real org-admin claims them. */
  @Column({ type: 'boolean', default: true })
  claimed!: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  profile!: InstitutionProfile;

  /** Park administrations and institutions start pending until a platform administrator verifies them. */
  @Column({ name: 'verification_status', type: 'text', default: 'not-required' })
  verificationStatus!: VerificationStatus;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  /** The administrator's note on verification, or the reason for rejection shown to the organisation. */
  @Column({ name: 'verification_note', type: 'text', nullable: true })
  verificationNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
