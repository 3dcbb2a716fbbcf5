import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** bigint fen read as numbers: loan amounts stay far below 2^53 fen. */
export const fen = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null || v === undefined ? null : Number(v)) };

/** One repayment the bank recorded on a disbursed pledge loan, with its proof (bank slip); amounts in integer fen. */
@Check('ck_loan_repayment_amount', `(amount_fen > 0)`)
@ForeignKey('pledge_loan', ['loan_id'], ['id'], { name: 'loan_repayment_loan_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_loan_repayment_loan', ['loanId', 'repaidOn'])
@Entity('loan_repayment')
export class LoanRepayment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'loan_id', type: 'uuid' }) loanId!: string;
  /** The value date of the repayment (Beijing calendar day). */
  @Column({ name: 'repaid_on', type: 'date' }) repaidOn!: string;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fen }) amountFen!: number;
  @Column({ name: 'proof_key', type: 'text' }) proofKey!: string;
  @Column({ name: 'proof_name', type: 'text' }) proofName!: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
