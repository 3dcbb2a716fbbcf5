import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AccountKind, EntryKind } from '../ledger/ledger.rules';
import { fenTransformer } from './fen.transformer';

/** An account of a programme (voucher_id null: pool, returned, voided) or of a voucher (issued, reserved, paid). */
@Check('voucher_ledger_account_balance_check', `balance_fen >= 0`)
@Check('voucher_ledger_account_kind_check', `kind IN ('pool', 'issued', 'reserved', 'paid', 'returned', 'voided')`)
@ForeignKey('voucher_programme', ['programme_id'], ['id'], { name: 'voucher_ledger_account_programme_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('voucher', ['voucher_id'], ['id'], { name: 'voucher_ledger_account_voucher_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_voucher_ledger_account_programme', ['programmeId', 'kind'], { unique: true, where: 'voucher_id IS NULL' })
@Index('ux_voucher_ledger_account_voucher', ['voucherId', 'kind'], { unique: true, where: 'voucher_id IS NOT NULL' })
@Entity('voucher_ledger_account')
export class LedgerAccount {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId!: string;
  @Column({ name: 'voucher_id', type: 'uuid', nullable: true }) voucherId!: string | null;
  @Column({ type: 'text' }) kind!: AccountKind;
  @Column({ name: 'balance_fen', type: 'bigint', default: 0, transformer: fenTransformer }) balanceFen!: number;
}

@Check('voucher_ledger_entry_amount_check', `amount_fen > 0`)
@Check('voucher_ledger_entry_kind_check', `kind IN ('open', 'issue', 'reserve', 'release', 'pay', 'return', 'expire', 'void')`)
@ForeignKey('voucher_programme', ['programme_id'], ['id'], { name: 'voucher_ledger_entry_programme_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('voucher', ['voucher_id'], ['id'], { name: 'voucher_ledger_entry_voucher_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_voucher_ledger_entry_programme', ['programmeId', 'createdAt'])
@Entity('voucher_ledger_entry')
export class LedgerEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId!: string;
  @Column({ name: 'voucher_id', type: 'uuid', nullable: true }) voucherId!: string | null;
  @Column({ type: 'text' }) kind!: EntryKind;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenTransformer }) amountFen!: number;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Check('voucher_ledger_posting_amount_check', `amount_fen <> 0`)
@ForeignKey('voucher_ledger_entry', ['entry_id'], ['id'], { name: 'voucher_ledger_posting_entry_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('voucher_ledger_account', ['account_id'], ['id'], { name: 'voucher_ledger_posting_account_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_voucher_ledger_posting_entry', ['entryId'])
@Index('ix_voucher_ledger_posting_account', ['accountId'])
@Entity('voucher_ledger_posting')
export class LedgerPosting {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'entry_id', type: 'uuid' }) entryId!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenTransformer }) amountFen!: number;
}
