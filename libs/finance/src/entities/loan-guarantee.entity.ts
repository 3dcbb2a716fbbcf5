import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { money } from './money.transformer';

export type GuaranteeStatus = 'invited' | 'accepted' | 'declined' | 'withdrawn' | 'called' | 'honoured' | 'released';
export const GUARANTEE_STATUSES: GuaranteeStatus[] = ['invited', 'accepted', 'declined', 'withdrawn', 'called', 'honoured', 'released'];

/**
 * A guarantor's (担保机构) guarantee of a pledge loan: the bank invites a verified guarantor with the amount guaranteed
 * and its share of a loss; the guarantor accepts or declines with a reason. On a default the bank's compensation
 * claim calls the accepted guarantee for its share; a loan repaid in full releases it.
 */
@Check('ck_loan_guarantee_status', `(status = ANY (ARRAY['invited'::text, 'accepted'::text, 'declined'::text, 'withdrawn'::text, 'called'::text, 'honoured'::text, 'released'::text]))`)
@Check('ck_loan_guarantee_amount', `(amount > (0)::numeric)`)
@Check('ck_loan_guarantee_share', `((share_percent >= 1) AND (share_percent <= 100))`)
@ForeignKey('pledge_loan', ['loan_id'], ['id'], { name: 'loan_guarantee_loan_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['guarantor_id'], ['id'], { name: 'loan_guarantee_guarantor_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Unique('ux_loan_guarantee_guarantor', ['loanId', 'guarantorId'])
@Index('ix_loan_guarantee_guarantor', ['guarantorId', 'status'])
@Entity('loan_guarantee')
export class LoanGuarantee {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'loan_id', type: 'uuid' }) loanId!: string;
  @Column({ name: 'guarantor_id', type: 'uuid' }) guarantorId!: string;
  /** The most the guarantor answers for, yuan. */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: money }) amount!: number;
  /** Its share of the loss on a default, percent of the outstanding principal (capped by the amount). */
  @Column({ name: 'share_percent', type: 'int' }) sharePercent!: number;
  @Column({ type: 'text', default: 'invited' }) status!: GuaranteeStatus;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: string | null;
  /** What the compensation claim called on it, yuan. */
  @Column({ name: 'called_amount', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) calledAmount!: number | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
