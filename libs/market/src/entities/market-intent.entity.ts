import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type IntentStatus = 'open' | 'accepted' | 'declined' | 'withdrawn';

/** A buyer's registered intent to acquire a listing; seen only by its buyer and the listing's owner. */
@Check('market_intent_status_check', `(status = ANY (ARRAY['open'::text, 'accepted'::text, 'declined'::text, 'withdrawn'::text]))`)
@ForeignKey('market_listing', ['listing_id'], ['id'], { name: 'market_intent_listing_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_market_intent_open', ['listingId', 'buyerOrgId'], { unique: true, where: `(status = ANY (ARRAY['open'::text, 'accepted'::text]))` })
@Index('ix_market_intent_buyer', ['buyerOrgId', 'createdAt'])
@Entity('market_intent')
export class MarketIntent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId!: string;
  @Column({ name: 'buyer_org_id', type: 'uuid' }) buyerOrgId!: string;
  @Column({ name: 'buyer_user_id', type: 'uuid' }) buyerUserId!: string;
  @Column({ name: 'offered_price', type: 'numeric', precision: 18, scale: 2, nullable: true }) offeredPrice!: string | null;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text', default: 'open' }) status!: IntentStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
