import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ContractStatus } from '../contract.state-machine';
import { ContractDeduction } from './contract-deduction.entity';

export type LegalPersonType = 'university' | 'institute' | 'enterprise' | 'individual' | 'other';

export interface ReasonEntry {
  code: string;
  field?: string;
  zh: string;
  en: string;
}

@Index('ix_technology_contract_broker', ['brokerUserId'], { where: `(broker_user_id IS NOT NULL)` })
@Index('ix_technology_contract_buyer', ['buyerOrgId'])
@Index('ix_technology_contract_institution', ['registrationInstitutionId', 'status'])
@Index('ix_technology_contract_registered', ['registeredAt'], { where: `(status = 'registered'::text)` })
@Index('ix_technology_contract_seller', ['sellerOrgId', 'status'])
@Index('ix_technology_contract_transfer_institution', ['transferInstitutionId'], { where: `(transfer_institution_id IS NOT NULL)` })
@Index('ux_technology_contract_registration_number', ['registrationNumber'], { unique: true, where: `(registration_number IS NOT NULL)` })
@Check('technology_contract_buyer_legal_type_check', `(buyer_legal_type = ANY (ARRAY['university'::text, 'institute'::text, 'enterprise'::text, 'individual'::text, 'other'::text]))`)
@Check('technology_contract_buyer_region_check', `(buyer_region = ANY (ARRAY['BJ'::text, 'TJ'::text, 'HE'::text, 'other'::text]))`)
@Check('technology_contract_check', `((technology_amount >= (0)::numeric) AND (technology_amount <= contract_amount))`)
@Check('technology_contract_check1', `((buyer_org_id IS NULL) OR (buyer_org_id <> seller_org_id))`)
@Check('technology_contract_check2', `((term_to IS NULL) OR (term_from IS NULL) OR (term_to >= term_from))`)
@Check('technology_contract_check3', `((status = 'registered'::text) = (registration_number IS NOT NULL))`)
@Check('technology_contract_contract_amount_check', `(contract_amount > (0)::numeric)`)
@Check('technology_contract_license_scope_check', `(license_scope = ANY (ARRAY['exclusive'::text, 'sole'::text, 'ordinary'::text]))`)
@Check('technology_contract_seller_legal_type_check', `(seller_legal_type = ANY (ARRAY['university'::text, 'institute'::text, 'enterprise'::text, 'individual'::text, 'other'::text]))`)
@Check('technology_contract_seller_region_check', `(seller_region = ANY (ARRAY['BJ'::text, 'TJ'::text, 'HE'::text, 'other'::text]))`)
@Check('technology_contract_status_check', `(status = ANY (ARRAY['draft'::text, 'submitted'::text, 'under-review'::text, 'registering'::text, 'returned'::text, 'registered'::text, 'refused'::text]))`)
@Check('technology_contract_type_check', `(type = ANY (ARRAY['development-commissioned'::text, 'development-cooperative'::text, 'transfer-patent'::text, 'transfer-patent-application'::text, 'transfer-tech-secret'::text, 'transfer-other'::text, 'license-patent'::text, 'license-tech-secret'::text, 'consulting'::text, 'service'::text, 'service-training'::text, 'service-brokerage'::text]))`)
@ForeignKey('app_user', ['broker_user_id'], ['id'], { name: 'technology_contract_broker_user_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['created_by'], ['id'], { name: 'technology_contract_created_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['reviewed_by'], ['id'], { name: 'technology_contract_reviewed_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['buyer_org_id'], ['id'], { name: 'technology_contract_buyer_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['registration_institution_id'], ['id'], { name: 'technology_contract_registration_institution_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['seller_org_id'], ['id'], { name: 'technology_contract_seller_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['transfer_institution_id'], ['id'], { name: 'technology_contract_transfer_institution_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_industry', ['industry'], ['code'], { name: 'technology_contract_industry_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'technology_contract_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('technology_contract')
export class TechnologyContract {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'license_scope', type: 'text', nullable: true })
  licenseScope!: string | null;

  @Column({ name: 'seller_org_id', type: 'uuid' })
  sellerOrgId!: string;

  @Column({ name: 'seller_name', type: 'text' })
  sellerName!: string;

  @Column({ name: 'seller_credit_code', type: 'text', nullable: true })
  sellerCreditCode!: string | null;

  @Column({ name: 'seller_region', type: 'text' })
  sellerRegion!: string;

  @Column({ name: 'seller_legal_type', type: 'text' })
  sellerLegalType!: LegalPersonType;

  @Column({ name: 'seller_division_code', type: 'text', nullable: true })
  sellerDivisionCode!: string | null;

  @Column({ name: 'buyer_org_id', type: 'uuid', nullable: true })
  buyerOrgId!: string | null;

  @Column({ name: 'buyer_name', type: 'text' })
  buyerName!: string;

  @Column({ name: 'buyer_credit_code', type: 'text' })
  buyerCreditCode!: string;

  @Column({ name: 'buyer_region', type: 'text' })
  buyerRegion!: string;

  @Column({ name: 'buyer_legal_type', type: 'text' })
  buyerLegalType!: LegalPersonType;

  /** numeric(18,2): TypeORM returns text; mapped to numbers at the DTO layer. */
  @Column({ name: 'contract_amount', type: 'numeric', precision: 18, scale: 2 })
  contractAmount!: string;

  @Column({ name: 'technology_amount', type: 'numeric', precision: 18, scale: 2 })
  technologyAmount!: string;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn!: string;

  @Column({ name: 'term_from', type: 'date', nullable: true })
  termFrom!: string | null;

  @Column({ name: 'term_to', type: 'date', nullable: true })
  termTo!: string | null;

  @Column({ type: 'text', nullable: true })
  industry!: string | null;

  @Column({ name: 'park_code', type: 'text', nullable: true })
  parkCode!: string | null;

  @Column({ name: 'achievement_id', type: 'uuid', nullable: true })
  achievementId!: string | null;

  @Column({ name: 'demand_id', type: 'uuid', nullable: true })
  demandId!: string | null;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Column({ name: 'match_id', type: 'uuid', nullable: true })
  matchId!: string | null;

  @Column({ name: 'transfer_institution_id', type: 'uuid', nullable: true })
  transferInstitutionId!: string | null;

  @Column({ name: 'broker_user_id', type: 'uuid', nullable: true })
  brokerUserId!: string | null;

  @Column({ name: 'attachment_key', type: 'text', nullable: true })
  attachmentKey!: string | null;

  @Column({ name: 'attachment_name', type: 'text', nullable: true })
  attachmentName!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: ContractStatus;

  @Column({ name: 'submission_count', type: 'int', default: 0 })
  submissionCount!: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion!: string | null;

  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ name: 'registration_institution_id', type: 'uuid', nullable: true })
  registrationInstitutionId!: string | null;

  @Column({ name: 'check_problems', type: 'jsonb', default: () => "'[]'" })
  checkProblems!: ReasonEntry[];

  @Column({ name: 'return_reasons', type: 'jsonb', default: () => "'[]'" })
  returnReasons!: ReasonEntry[];

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;

  @Column({ name: 'registration_number', type: 'text', nullable: true })
  registrationNumber!: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;

  /** The market listing whose deal (after its notice, where one is due) produced this draft; null when filed directly. */
  @Column({ name: 'market_listing_id', type: 'uuid', nullable: true })
  marketListingId!: string | null;

  /** Set at registration: a university or public institute sells with no listing or public notice behind the contract. */
  @Column({ name: 'market_notice_missing', type: 'boolean', default: false })
  marketNoticeMissing!: boolean;

  @OneToMany(() => ContractDeduction, (d) => d.contract, { cascade: false })
  deductions?: ContractDeduction[];
}
