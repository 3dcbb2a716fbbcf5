import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { fenTransformer, numericTransformer } from './fen.transformer';

/** An agreement under which vouchers of a Beijing or Tianjin programme are recorded and redeemed here. */
@Check('voucher_recognition_agreement_region_check', `region IN ('BJ', 'TJ')`)
@Check('voucher_recognition_agreement_period_check', `valid_to >= valid_from`)
@Entity('voucher_recognition_agreement')
export class RecognitionAgreement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) region!: 'BJ' | 'TJ';
  @Column({ type: 'text' }) partner!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date' }) validTo!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A voucher programme: a budget in fen, a yearly cap per enterprise, face values, validity, eligible services. */
@Check('voucher_programme_budget_check', `budget_fen > 0 AND yearly_cap_fen > 0`)
@Check('voucher_programme_validity_check', `validity_days BETWEEN 1 AND 1096`)
@Check('voucher_programme_region_check', `issuing_region IN ('HE', 'BJ', 'TJ')`)
@Check('voucher_programme_status_check', `status IN ('open', 'closed')`)
@Check('voucher_programme_statutory_check', `NOT ('statutory-testing' = ANY (categories))`)
@ForeignKey('organisation', ['owner_org_id'], ['id'], { name: 'voucher_programme_owner_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('voucher_recognition_agreement', ['agreement_id'], ['id'], { name: 'voucher_programme_agreement_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@Index('ix_voucher_programme_owner', ['ownerOrgId'])
@Entity('voucher_programme')
export class VoucherProgramme {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'owner_org_id', type: 'uuid' }) ownerOrgId!: string;
  @Column({ type: 'text' }) name!: string;
  /** HE: this zone's own; BJ or TJ: a partner's programme recorded here under an agreement. */
  @Column({ name: 'issuing_region', type: 'text', default: 'HE' }) issuingRegion!: 'HE' | 'BJ' | 'TJ';
  @Column({ name: 'agreement_id', type: 'uuid', nullable: true }) agreementId!: string | null;
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ name: 'budget_fen', type: 'bigint', transformer: fenTransformer }) budgetFen!: number;
  @Column({ name: 'yearly_cap_fen', type: 'bigint', transformer: fenTransformer }) yearlyCapFen!: number;
  @Column({ name: 'face_values_fen', type: 'integer', array: true }) faceValuesFen!: number[];
  @Column({ name: 'validity_days', type: 'integer' }) validityDays!: number;
  @Column({ type: 'text', array: true }) categories!: string[];
  @Column({ type: 'text', default: 'open' }) status!: 'open' | 'closed';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One configurable eligibility rule of a programme with its figure. */
@Check('voucher_eligibility_rule_check', `rule IN ('sme-staff-max', 'sme-revenue-max', 'rd-share-min', 'ip-rights-min')`)
@ForeignKey('voucher_programme', ['programme_id'], ['id'], { name: 'voucher_eligibility_rule_programme_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_voucher_eligibility_rule', ['programmeId', 'rule'], { unique: true })
@Entity('voucher_eligibility_rule')
export class EligibilityRuleRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId!: string;
  @Column({ type: 'text' }) rule!: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: numericTransformer }) figure!: number;
}

/** An issuing round: first come, first served until its quota is issued. */
@Check('voucher_round_quota_check', `issued_fen >= 0 AND issued_fen <= quota_fen`)
@Check('voucher_round_period_check', `closes_at > opens_at`)
@ForeignKey('voucher_programme', ['programme_id'], ['id'], { name: 'voucher_round_programme_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_voucher_round_seq', ['programmeId', 'seq'], { unique: true })
@Entity('voucher_round')
export class VoucherRound {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId!: string;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ name: 'opens_at', type: 'timestamptz' }) opensAt!: Date;
  @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt!: Date;
  @Column({ name: 'quota_fen', type: 'bigint', transformer: fenTransformer }) quotaFen!: number;
  @Column({ name: 'issued_fen', type: 'bigint', default: 0, transformer: fenTransformer }) issuedFen!: number;
}

/** What an enterprise has been issued by a programme in a year; the check keeps it within the cap. */
@Check('voucher_enterprise_year_cap_check', `issued_fen >= 0 AND issued_fen <= cap_fen`)
@ForeignKey('voucher_programme', ['programme_id'], ['id'], { name: 'voucher_enterprise_year_programme_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['enterprise_org_id'], ['id'], { name: 'voucher_enterprise_year_enterprise_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@Entity('voucher_enterprise_year')
export class EnterpriseYear {
  @Column({ name: 'programme_id', type: 'uuid', primary: true }) programmeId!: string;
  @Column({ name: 'enterprise_org_id', type: 'uuid', primary: true }) enterpriseOrgId!: string;
  @Column({ type: 'integer', primary: true }) year!: number;
  @Column({ name: 'cap_fen', type: 'bigint', transformer: fenTransformer }) capFen!: number;
  @Column({ name: 'issued_fen', type: 'bigint', default: 0, transformer: fenTransformer }) issuedFen!: number;
}
