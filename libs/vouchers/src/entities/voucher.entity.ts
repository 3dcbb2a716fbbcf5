import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EligibilityEvidence, RuleOutcome } from '../rules/eligibility';
import type { VoucherStatus } from '../voucher.state-machine';

/** A voucher from the enterprise's application through issue, reservation, claim and audit to payment. */
@Check('voucher_status_check', `status IN ('applied', 'screened', 'refused', 'issued', 'reserved', 'delivered', 'claimed', 'audited', 'paid', 'rejected', 'expired', 'voided')`)
@Check('voucher_amount_check', `requested_fen > 0 AND (amount_fen IS NULL OR amount_fen > 0) AND (reserved_fen IS NULL OR reserved_fen > 0)`)
@Check('voucher_rating_check', `rating IS NULL OR rating BETWEEN 1 AND 5`)
@ForeignKey('voucher_programme', ['programme_id'], ['id'], { name: 'voucher_programme_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('voucher_round', ['round_id'], ['id'], { name: 'voucher_round_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['enterprise_org_id'], ['id'], { name: 'voucher_enterprise_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('voucher_provider', ['provider_id'], ['id'], { name: 'voucher_provider_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@Index('ix_voucher_programme_status', ['programmeId', 'status'])
@Index('ix_voucher_enterprise', ['enterpriseOrgId', 'createdAt'])
@Index('ix_voucher_provider', ['providerId'], { where: 'provider_id IS NOT NULL' })
@Index('ux_voucher_external_number', ['programmeId', 'externalNumber'], { unique: true, where: 'external_number IS NOT NULL' })
@Entity('voucher')
export class Voucher {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId!: string;
  @Column({ name: 'round_id', type: 'uuid', nullable: true }) roundId!: string | null;
  @Column({ name: 'enterprise_org_id', type: 'uuid' }) enterpriseOrgId!: string;
  @Column({ name: 'applicant_user_id', type: 'uuid', nullable: true }) applicantUserId!: string | null;
  @Column({ name: 'credit_code', type: 'text' }) creditCode!: string;
  @Column({ name: 'legal_representative', type: 'text' }) legalRepresentative!: string;
  @Column({ type: 'text' }) status!: VoucherStatus;
  @Column({ name: 'requested_fen', type: 'integer' }) requestedFen!: number;
  @Column({ name: 'amount_fen', type: 'integer', nullable: true }) amountFen!: number | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) evidence!: EligibilityEvidence;
  @Column({ type: 'jsonb', default: () => "'[]'" }) screening!: RuleOutcome[];
  /** The partner's number of a Beijing or Tianjin voucher recorded here. */
  @Column({ name: 'external_number', type: 'text', nullable: true }) externalNumber!: string | null;
  @Column({ name: 'issue_year', type: 'integer', nullable: true }) issueYear!: number | null;
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true }) issuedAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'provider_id', type: 'uuid', nullable: true }) providerId!: string | null;
  @Column({ name: 'service_category', type: 'text', nullable: true }) serviceCategory!: string | null;
  /** The service order (or instrument booking) the voucher is reserved against. */
  @Column({ name: 'order_ref', type: 'text', nullable: true }) orderRef!: string | null;
  @Column({ name: 'order_description', type: 'text', nullable: true }) orderDescription!: string | null;
  @Column({ name: 'reserved_fen', type: 'integer', nullable: true }) reservedFen!: number | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt!: Date | null;
  @Column({ type: 'integer', nullable: true }) rating!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const CLAIM_DOCUMENT_KINDS = ['contract', 'invoice', 'payment-proof', 'service-report'] as const;
export type ClaimDocumentKind = (typeof CLAIM_DOCUMENT_KINDS)[number];

@Check('voucher_claim_document_kind_check', `kind IN ('contract', 'invoice', 'payment-proof', 'service-report')`)
@ForeignKey('voucher', ['voucher_id'], ['id'], { name: 'voucher_claim_document_voucher_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('voucher_claim_document')
export class ClaimDocument {
  @PrimaryColumn({ name: 'voucher_id', type: 'uuid' }) voucherId!: string;
  @PrimaryColumn({ type: 'text' }) kind!: ClaimDocumentKind;
  @Column({ name: 'storage_key', type: 'text' }) storageKey!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' }) uploadedAt!: Date;
}

/** The provider's claim on a delivered voucher; the invoice number is unique across all claims. */
@Check('voucher_claim_invoice_check', `invoice_fen > 0`)
@ForeignKey('voucher', ['voucher_id'], ['id'], { name: 'voucher_claim_voucher_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_voucher_claim_voucher', ['voucherId'], { unique: true })
@Index('ux_voucher_claim_invoice', ['invoiceNumber'], { unique: true })
@Entity('voucher_claim')
export class VoucherClaim {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'voucher_id', type: 'uuid' }) voucherId!: string;
  @Column({ name: 'invoice_number', type: 'text' }) invoiceNumber!: string;
  @Column({ name: 'invoice_fen', type: 'integer' }) invoiceFen!: number;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy!: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' }) submittedAt!: Date;
}
