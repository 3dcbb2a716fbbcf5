import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One accepted bid; append-only (a trigger refuses updates), each row chained to the previous by its hash. */
@ForeignKey('market_auction', ['auction_id'], ['id'], { name: 'market_bid_auction_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_market_bid_seq', ['auctionId', 'seq'], { unique: true })
@Entity('market_bid')
export class MarketBid {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'auction_id', type: 'uuid' }) auctionId!: string;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ name: 'bidder_id', type: 'uuid' }) bidderId!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'integer' }) paddle!: number;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount!: string;
  @Column({ name: 'placed_at', type: 'timestamptz' }) placedAt!: Date;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash!: string;
  @Column({ type: 'text' }) hash!: string;
}
