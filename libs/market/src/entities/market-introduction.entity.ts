import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type IntroductionStatus = 'requested' | 'accepted' | 'declined' | 'withdrawn';

/** An enterprise's request to be introduced to an achievement's owner; accepting may require the NDA first. */
@Check('market_introduction_subject_check', `(subject = ANY (ARRAY['achievement'::text, 'listing'::text, 'match'::text]))`)
@Check('market_introduction_status_check', `(status = ANY (ARRAY['requested'::text, 'accepted'::text, 'declined'::text, 'withdrawn'::text]))`)
@Index('ix_market_introduction_owner', ['ownerOrgId', 'createdAt'])
@Index('ix_market_introduction_requester', ['requesterOrgId', 'createdAt'])
@Index('ux_market_introduction_open', ['achievementId', 'requesterOrgId'], { unique: true, where: `(status = 'requested'::text)` })
@Entity('market_introduction')
export class MarketIntroduction {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) subject!: 'achievement' | 'listing' | 'match';
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column({ name: 'achievement_id', type: 'uuid' }) achievementId!: string;
  @Column({ name: 'listing_id', type: 'uuid', nullable: true }) listingId!: string | null;
  @Column({ name: 'owner_org_id', type: 'uuid' }) ownerOrgId!: string;
  @Column({ name: 'requester_org_id', type: 'uuid' }) requesterOrgId!: string;
  @Column({ name: 'requester_user_id', type: 'uuid' }) requesterUserId!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text', default: 'requested' }) status!: IntroductionStatus;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: string | null;
  @Column({ name: 'requires_nda', type: 'boolean', default: false }) requiresNda!: boolean;
  @Column({ name: 'nda_version', type: 'text', nullable: true }) ndaVersion!: string | null;
  @Column({ name: 'nda_accepted_at', type: 'timestamptz', nullable: true }) ndaAcceptedAt!: Date | null;
  @Column({ name: 'nda_accepted_by', type: 'uuid', nullable: true }) ndaAcceptedBy!: string | null;
  @Column({ name: 'broker_user_id', type: 'uuid', nullable: true }) brokerUserId!: string | null;
  @Column({ name: 'broker_org_id', type: 'uuid', nullable: true }) brokerOrgId!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
