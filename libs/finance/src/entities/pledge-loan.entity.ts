import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { fen } from './loan-repayment.entity';
import { money } from './money.transformer';

export type LoanStatus = 'applied' | 'valued' | 'approved' | 'declined' | 'withdrawn' | 'disbursed' | 'repaid' | 'defaulted' | 'compensated';
export const LOAN_STATUSES: LoanStatus[] = ['applied', 'valued', 'approved', 'declined', 'withdrawn', 'disbursed', 'repaid', 'defaulted', 'compensated'];

/** An IP-pledge loan (知识产权质押贷款): an enterprise pledges the patents of an achievement to a bank. */
@Check('ck_pledge_loan_status', `(status = ANY (ARRAY['applied'::text, 'valued'::text, 'approved'::text, 'declined'::text, 'withdrawn'::text, 'disbursed'::text, 'repaid'::text, 'defaulted'::text, 'compensated'::text]))`)
@Check('ck_pledge_loan_amount', `(amount > (0)::numeric)`)
@Check('ck_pledge_loan_repaid', `(repaid_fen >= 0)`)
@ForeignKey('organisation', ['borrower_id'], ['id'], { name: 'pledge_loan_borrower_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['bank_id'], ['id'], { name: 'pledge_loan_bank_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Index('ix_pledge_loan_borrower', ['borrowerId', 'createdAt'])
@Index('ix_pledge_loan_bank', ['bankId', 'status'])
@Index('ix_pledge_loan_disbursed', ['disbursedAt'], { where: `(disbursed_at IS NOT NULL)` })
@Entity('pledge_loan')
export class PledgeLoan {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'borrower_id', type: 'uuid' }) borrowerId!: string;
  @Column({ name: 'bank_id', type: 'uuid' }) bankId!: string;
  @Column({ name: 'achievement_id', type: 'uuid' }) achievementId!: string;
  /** The patents pledged, listed from the achievement when the loan was applied for. */
  @Column({ type: 'text', array: true }) patents!: string[];
  /** Amount applied for, yuan. */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: money }) amount!: number;
  @Column({ name: 'term_months', type: 'int' }) termMonths!: number;
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ name: 'valuation_amount', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) valuationAmount!: number | null;
  @Column({ name: 'valuation_report_key', type: 'text', nullable: true }) valuationReportKey!: string | null;
  @Column({ name: 'valuation_report_name', type: 'text', nullable: true }) valuationReportName!: string | null;
  @Column({ name: 'approved_amount', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) approvedAmount!: number | null;
  @Column({ type: 'text', default: 'applied' }) status!: LoanStatus;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'disbursed_at', type: 'timestamptz', nullable: true }) disbursedAt!: Date | null;
  /** Principal repaid so far, fen (the sum of its repayments, kept on the row the repayments lock). */
  @Column({ name: 'repaid_fen', type: 'bigint', default: 0, transformer: fen }) repaidFen!: number;
  /** When the loan left the books: repaid, or defaulted. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

/** The principal on the books, fen: the approved amount (or the amount applied for before approval). */
export const principalFen = (l: Pick<PledgeLoan, 'approvedAmount' | 'amount'>): number => Math.round((l.approvedAmount ?? l.amount) * 100);
export const outstandingFen = (l: Pick<PledgeLoan, 'approvedAmount' | 'amount' | 'repaidFen'>): number => principalFen(l) - l.repaidFen;

export type ClaimStatus = 'filed' | 'paid' | 'rejected';

/** A bank's claim on the park fund's risk compensation (风险补偿) for a defaulted pledge loan: one per loan. */
@Check('ck_compensation_claim_status', `(status = ANY (ARRAY['filed'::text, 'paid'::text, 'rejected'::text]))`)
@Check('ck_compensation_claim_amount', `(amount > (0)::numeric)`)
@ForeignKey('pledge_loan', ['loan_id'], ['id'], { name: 'compensation_claim_loan_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['fund_id'], ['id'], { name: 'compensation_claim_fund_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Unique('ux_compensation_claim_loan', ['loanId'])
@Index('ix_compensation_claim_fund', ['fundId', 'status'])
@Entity('compensation_claim')
export class CompensationClaim {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'loan_id', type: 'uuid' }) loanId!: string;
  @Column({ name: 'fund_id', type: 'uuid' }) fundId!: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: money }) amount!: number;
  @Column({ type: 'text', default: 'filed' }) status!: ClaimStatus;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
