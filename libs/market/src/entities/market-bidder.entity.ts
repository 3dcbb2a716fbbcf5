import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type DepositStatus = 'recorded' | 'confirmed' | 'released' | 'forfeited' | 'applied';

/** An organisation registered to bid: its authorisation letter and its deposit, confirmed by platform staff. */
@Check('market_bidder_deposit_status_check', `(deposit_status = ANY (ARRAY['recorded'::text, 'confirmed'::text, 'released'::text, 'forfeited'::text, 'applied'::text]))`)
@ForeignKey('market_auction', ['auction_id'], ['id'], { name: 'market_bidder_auction_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_market_bidder_org', ['auctionId', 'orgId'], { unique: true })
@Index('ux_market_bidder_paddle', ['auctionId', 'paddle'], { unique: true })
@Entity('market_bidder')
export class MarketBidder {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'auction_id', type: 'uuid' }) auctionId!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** The bidder's public number in the room (竞买号): bids are shown by paddle, never by name. */
  @Column({ type: 'integer' }) paddle!: number;
  @Column({ name: 'letter_key', type: 'text', nullable: true }) letterKey!: string | null;
  @Column({ name: 'letter_name', type: 'text', nullable: true }) letterName!: string | null;
  @Column({ name: 'deposit_reference', type: 'text' }) depositReference!: string;
  @Column({ name: 'deposit_status', type: 'text', default: 'recorded' }) depositStatus!: DepositStatus;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
