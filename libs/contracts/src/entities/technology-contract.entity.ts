import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ContractStatus } from '../contract.state-machine';
import { ContractDeduction } from './contract-deduction.entity';

export type LegalPersonType = 'university' | 'institute' | 'enterprise' | 'individual' | 'other';

export interface ReasonEntry {
  code: string;
  field?: string;
  zh: string;
  en: string;
}

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

  @Column({ name: 'check_problems', type: 'jsonb', default: () => "'[]'::jsonb" })
  checkProblems!: ReasonEntry[];

  @Column({ name: 'return_reasons', type: 'jsonb', default: () => "'[]'::jsonb" })
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

  @VersionColumn()
  version!: number;

  @OneToMany(() => ContractDeduction, (d) => d.contract, { cascade: false })
  deductions?: ContractDeduction[];
}
