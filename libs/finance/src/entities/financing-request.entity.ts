import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { money } from './money.transformer';

export type FinancingStatus = 'draft' | 'published' | 'in-talks' | 'term-sheet' | 'funded' | 'withdrawn';
export const FINANCING_STATUSES: FinancingStatus[] = ['draft', 'published', 'in-talks', 'term-sheet', 'funded', 'withdrawn'];
export const FINANCING_STAGES = ['seed', 'angel', 'pre-a', 'a', 'b', 'c', 'growth', 'pre-ipo'] as const;
export type FinancingStage = (typeof FINANCING_STAGES)[number];

/** An enterprise's (or a university spin-off's) request for equity financing, attached to achievements, market listings or major projects. */
@Check('ck_financing_request_status', `(status = ANY (ARRAY['draft'::text, 'published'::text, 'in-talks'::text, 'term-sheet'::text, 'funded'::text, 'withdrawn'::text]))`)
@Check('ck_financing_request_amount', `(amount > (0)::numeric)`)
@Check('ck_financing_request_funded', `((status = 'funded'::text) = (funded_amount IS NOT NULL))`)
@ForeignKey('organisation', ['owner_id'], ['id'], { name: 'financing_request_owner_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['spin_off_of'], ['id'], { name: 'financing_request_spin_off_of_fkey', onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
@Index('ix_financing_request_owner', ['ownerId', 'createdAt'])
@Index('ix_financing_request_listed', ['publishedAt'], { where: `(status = ANY (ARRAY['published'::text, 'in-talks'::text, 'term-sheet'::text]))` })
@Index('ix_financing_request_funded', ['fundedAt'], { where: `(status = 'funded'::text)` })
@Entity('financing_request')
export class FinancingRequest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  /** The university a spin-off came out of: its achievements may be attached. */
  @Column({ name: 'spin_off_of', type: 'uuid', nullable: true }) spinOffOf!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: money }) amount!: number;
  @Column({ type: 'text' }) stage!: string;
  @Column({ type: 'text' }) industry!: string;
  @Column({ name: 'use_of_funds', type: 'text' }) useOfFunds!: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) valuation!: number | null;
  @Column({ name: 'achievement_ids', type: 'uuid', array: true, default: () => "'{}'" }) achievementIds!: string[];
  /** Market listings attached (the owner's own, or publicly listed ones). */
  @Column({ name: 'listing_ids', type: 'uuid', array: true, default: () => "'{}'" }) listingIds!: string[];
  /** Major projects attached (ones the owner takes part in, or public ones). */
  @Column({ name: 'major_project_ids', type: 'uuid', array: true, default: () => "'{}'" }) majorProjectIds!: string[];
  /** The owner's park and region when the request was made (matching and monitoring read them). */
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ type: 'text' }) region!: string;
  @Column({ type: 'text', default: 'draft' }) status!: FinancingStatus;
  @Column({ name: 'funded_amount', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) fundedAmount!: number | null;
  @Column({ name: 'lead_investor_id', type: 'uuid', nullable: true }) leadInvestorId!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'funded_at', type: 'timestamptz', nullable: true }) fundedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
