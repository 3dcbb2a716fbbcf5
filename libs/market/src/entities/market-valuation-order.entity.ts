import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ValuationOrderStatus = 'requested' | 'quoted' | 'delivered';

/** A valuation report ordered from a transfer institution for a listing; the delivered PDF is attached to the listing. */
@Check('market_valuation_order_status_check', `(status = ANY (ARRAY['requested'::text, 'quoted'::text, 'delivered'::text]))`)
@ForeignKey('market_listing', ['listing_id'], ['id'], { name: 'market_valuation_order_listing_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_market_valuation_order_institution', ['institutionId', 'createdAt'])
@Index('ix_market_valuation_order_listing', ['listingId'])
@Entity('market_valuation_order')
export class MarketValuationOrder {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId!: string;
  @Column({ name: 'owner_org_id', type: 'uuid' }) ownerOrgId!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ type: 'text' }) note!: string;
  @Column({ type: 'text', default: 'requested' }) status!: ValuationOrderStatus;
  @Column({ name: 'quote_amount', type: 'numeric', precision: 18, scale: 2, nullable: true }) quoteAmount!: string | null;
  @Column({ name: 'report_key', type: 'text', nullable: true }) reportKey!: string | null;
  @Column({ name: 'report_name', type: 'text', nullable: true }) reportName!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
