import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ListingStatus } from '../listing.state-machine';

export interface ListingContact {
  name: string;
  phone?: string;
  email?: string;
}

/** An achievement or package put on the market by its owner (挂牌), with price and licence terms. */
@Check('market_listing_subject_check', `(subject = ANY (ARRAY['achievement'::text, 'package'::text]))`)
@Check('market_listing_transfer_mode_check', `(transfer_mode = ANY (ARRAY['transfer'::text, 'exclusive'::text, 'sole'::text, 'non-exclusive'::text]))`)
@Check('market_listing_price_kind_check', `(price_kind = ANY (ARRAY['asking'::text, 'reserve'::text]))`)
@Check('market_listing_price_check', `(price > (0)::numeric)`)
@Check('market_listing_status_check', `(status = ANY (ARRAY['draft'::text, 'under-review'::text, 'listed'::text, 'negotiating'::text, 'auction'::text, 'deal'::text, 'contracted'::text, 'withdrawn'::text, 'lapsed'::text]))`)
@Index('ix_market_listing_status', ['status', 'listedAt'])
@Index('ix_market_listing_owner', ['ownerOrgId', 'createdAt'])
@Index('ix_market_listing_subject', ['subjectId'])
@Entity('market_listing')
export class MarketListing {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) subject!: 'achievement' | 'package';
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  /** The achievement the terms are about (a package's first), for contracts and valuation. */
  @Column({ name: 'achievement_id', type: 'uuid', nullable: true }) achievementId!: string | null;
  @Column({ name: 'owner_org_id', type: 'uuid' }) ownerOrgId!: string;
  /** The owner's organisation type when listed: a university's or institute's negotiated deal goes to public notice. */
  @Column({ name: 'owner_type', type: 'text' }) ownerType!: string;
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) industry!: string;
  @Column({ type: 'text', nullable: true }) field!: string | null;
  @Column({ type: 'integer' }) trl!: number;
  @Column({ name: 'transfer_mode', type: 'text' }) transferMode!: string;
  @Column({ type: 'text' }) territory!: string;
  @Column({ name: 'term_months', type: 'integer' }) termMonths!: number;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) price!: string;
  @Column({ name: 'price_kind', type: 'text' }) priceKind!: 'asking' | 'reserve';
  @Column({ name: 'payment_terms', type: 'text' }) paymentTerms!: string;
  @Column({ name: 'ip_covered', type: 'jsonb', default: () => "'[]'" }) ipCovered!: string[];
  @Column({ type: 'jsonb', default: () => "'{}'" }) contact!: ListingContact;
  @Column({ name: 'listing_days', type: 'integer', default: 20 }) listingDays!: number;
  @Column({ type: 'text', default: 'draft' }) status!: ListingStatus;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'listed_at', type: 'timestamptz', nullable: true }) listedAt!: Date | null;
  @Column({ name: 'listing_ends_at', type: 'timestamptz', nullable: true }) listingEndsAt!: Date | null;
  @Column({ name: 'accepted_intent_id', type: 'uuid', nullable: true }) acceptedIntentId!: string | null;
  @Column({ name: 'deal_amount', type: 'numeric', precision: 18, scale: 2, nullable: true }) dealAmount!: string | null;
  @Column({ name: 'deal_buyer_org_id', type: 'uuid', nullable: true }) dealBuyerOrgId!: string | null;
  @Column({ name: 'contract_id', type: 'uuid', nullable: true }) contractId!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
