import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type NoticeStatus = 'running' | 'paused' | 'ended' | 'cancelled';

/** The public notice (公示) of a public seller's negotiated deal; its clock pauses while objections are open. */
@Check('market_notice_status_check', `(status = ANY (ARRAY['running'::text, 'paused'::text, 'ended'::text, 'cancelled'::text]))`)
@ForeignKey('market_listing', ['listing_id'], ['id'], { name: 'market_notice_listing_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_market_notice_status', ['status', 'startedAt'])
@Index('ix_market_notice_listing', ['listingId'])
@Entity('market_notice')
export class MarketNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId!: string;
  @Column({ name: 'seller_org_id', type: 'uuid' }) sellerOrgId!: string;
  @Column({ name: 'buyer_org_id', type: 'uuid' }) buyerOrgId!: string;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount!: string;
  /** What is published: the achievement, the parties' names, the terms, as they were when the notice began. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) terms!: Record<string, unknown>;
  @Column({ type: 'text', default: 'running' }) status!: NoticeStatus;
  @Column({ name: 'policy_version', type: 'text' }) policyVersion!: string;
  @Column({ name: 'notice_days', type: 'integer' }) noticeDays!: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  /** When the notice ends if nothing pauses it again; null while paused. */
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt!: Date | null;
  /** While paused: the time the clock still had to run. */
  @Column({ name: 'remaining_ms', type: 'bigint', nullable: true }) remainingMs!: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
