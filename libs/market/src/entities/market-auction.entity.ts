import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AuctionStatus } from '../auction.state-machine';
import type { LadderStep } from '../rules/auction-rules';

/** An auction (竞价拍卖) of a listing: its ladder, reserve, close (extended by late bids) and the head of its bid chain. */
@Check('market_auction_status_check', `(status = ANY (ARRAY['announced'::text, 'live'::text, 'awaiting-confirmation'::text, 'sold'::text, 'unsold'::text]))`)
@Check('market_auction_check', `(reserve_price >= start_price)`)
@ForeignKey('market_listing', ['listing_id'], ['id'], { name: 'market_auction_listing_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_market_auction_listing_open', ['listingId'], { unique: true, where: `(status = ANY (ARRAY['announced'::text, 'live'::text, 'awaiting-confirmation'::text]))` })
@Entity('market_auction')
export class MarketAuction {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId!: string;
  @Column({ name: 'roadshow_event_id', type: 'uuid', nullable: true }) roadshowEventId!: string | null;
  @Column({ type: 'text', default: 'announced' }) status!: AuctionStatus;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'scheduled_close_at', type: 'timestamptz' }) scheduledCloseAt!: Date;
  @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt!: Date;
  @Column({ name: 'start_price', type: 'numeric', precision: 18, scale: 2 }) startPrice!: string;
  @Column({ name: 'reserve_price', type: 'numeric', precision: 18, scale: 2 }) reservePrice!: string;
  @Column({ type: 'jsonb' }) ladder!: LadderStep[];
  @Column({ name: 'deposit_amount', type: 'numeric', precision: 18, scale: 2 }) depositAmount!: string;
  @Column({ name: 'extension_minutes', type: 'integer', default: 5 }) extensionMinutes!: number;
  @Column({ name: 'max_extensions', type: 'integer', default: 3 }) maxExtensions!: number;
  @Column({ type: 'integer', default: 0 }) extensions!: number;
  @Column({ name: 'confirm_hours', type: 'integer', default: 72 }) confirmHours!: number;
  @Column({ name: 'bid_count', type: 'integer', default: 0 }) bidCount!: number;
  @Column({ name: 'high_amount', type: 'numeric', precision: 18, scale: 2, nullable: true }) highAmount!: string | null;
  @Column({ name: 'last_hash', type: 'text' }) lastHash!: string;
  @Column({ name: 'offered_bid_id', type: 'uuid', nullable: true }) offeredBidId!: string | null;
  @Column({ name: 'confirm_by', type: 'timestamptz', nullable: true }) confirmBy!: Date | null;
  @Column({ name: 'winner_org_id', type: 'uuid', nullable: true }) winnerOrgId!: string | null;
  @Column({ name: 'final_amount', type: 'numeric', precision: 18, scale: 2, nullable: true }) finalAmount!: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
