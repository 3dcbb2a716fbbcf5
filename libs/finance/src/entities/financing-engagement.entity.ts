import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { money } from './money.transformer';

export type EngagementStatus = 'requested' | 'admitted' | 'declined' | 'term-sheet' | 'invested' | 'ended';
export const ENGAGEMENT_STATUSES: EngagementStatus[] = ['requested', 'admitted', 'declined', 'term-sheet', 'invested', 'ended'];
/** Engagements whose investor sees the data room. */
export const ADMITTED_STATUSES: EngagementStatus[] = ['admitted', 'term-sheet', 'invested'];

/** One investor's talks about one financing request: asked for access, admitted to the data room, term sheet, invested. */
@Check('ck_financing_engagement_status', `(status = ANY (ARRAY['requested'::text, 'admitted'::text, 'declined'::text, 'term-sheet'::text, 'invested'::text, 'ended'::text]))`)
@ForeignKey('financing_request', ['request_id'], ['id'], { name: 'financing_engagement_request_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['investor_id'], ['id'], { name: 'financing_engagement_investor_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Unique('ux_financing_engagement_investor', ['requestId', 'investorId'])
@Index('ix_financing_engagement_investor', ['investorId', 'updatedAt'])
@Index('ix_financing_engagement_invested', ['investedAt'], { where: `(status = 'invested'::text)` })
@Entity('financing_engagement')
export class FinancingEngagement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @Column({ name: 'investor_id', type: 'uuid' }) investorId!: string;
  @Column({ type: 'text', default: 'requested' }) status!: EngagementStatus;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'term_sheet_amount', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) termSheetAmount!: number | null;
  @Column({ name: 'invested_amount', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) investedAmount!: number | null;
  @Column({ name: 'invested_at', type: 'timestamptz', nullable: true }) investedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
