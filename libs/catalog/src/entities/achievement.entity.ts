import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type AchievementStatus = 'draft' | 'submitted' | 'returned' | 'published' | 'withdrawn' | 'transferred';
export type TrlStage = 'lab' | 'bench' | 'pilot' | 'industrial';
export type OwnerType = 'university' | 'institute' | 'enterprise' | 'individual' | 'other';
export type TrlAssessor = 'self' | 'expert' | 'third-party';

export interface AchievementContact {
  name?: string;
  phone?: string;
  email?: string;
}

export interface QualityWarning {
  code: string;
  zh: string;
  en: string;
}

/** numeric(18,2) comes back from pg as a string: convert at the mapping layer. */
const money = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null || v === undefined ? null : Number(v)) };

@Index('ix_achievement_industry', ['industry', 'status'])
@Index('ix_achievement_owner', ['ownerId', 'status'])
@Index('ix_achievement_published_at', ['publishedAt'], { where: `(published_at IS NOT NULL)` })
@Index('ix_achievement_status', { synchronize: false })
@Index('ux_achievement_source_external', ['source', 'externalId'], { unique: true, where: `(external_id IS NOT NULL)` })
@Check('achievement_asking_price_check', `(asking_price >= (0)::numeric)`)
@Check('achievement_funding_source_check', `(funding_source = ANY (ARRAY['national-program'::text, 'provincial-program'::text, 'municipal-program'::text, 'enterprise'::text, 'other'::text, 'none'::text]))`)
@Check('achievement_owner_type_check', `(owner_type = ANY (ARRAY['university'::text, 'institute'::text, 'enterprise'::text, 'individual'::text, 'other'::text]))`)
@Check('achievement_pricing_method_check', `(pricing_method = ANY (ARRAY['negotiated'::text, 'listing'::text, 'auction'::text]))`)
@Check('achievement_stage_check', `(stage = ANY (ARRAY['lab'::text, 'bench'::text, 'pilot'::text, 'industrial'::text]))`)
@Check('achievement_status_check', `(status = ANY (ARRAY['draft'::text, 'submitted'::text, 'returned'::text, 'published'::text, 'withdrawn'::text, 'transferred'::text]))`)
@Check('achievement_transfer_modes_check', `(transfer_modes <@ ARRAY['transfer'::text, 'license'::text, 'joint-implementation'::text, 'equity'::text, 'self-implementation'::text, 'other'::text])`)
@Check('achievement_trl_assessed_by_check', `(trl_assessed_by = ANY (ARRAY['self'::text, 'expert'::text, 'third-party'::text]))`)
@Check('achievement_trl_check', `((trl >= 1) AND (trl <= 9))`)
@ForeignKey('organisation', ['owner_id'], ['id'], { name: 'achievement_owner_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_field', ['field'], ['code'], { name: 'achievement_field_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_industry', ['industry'], ['code'], { name: 'achievement_industry_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('achievement')
export class Achievement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId!: string;
  /** As declared (imports may name an individual owner, whom identity holds as an unclaimed organisation). */
  @Column({ name: 'owner_type', type: 'text' }) ownerType!: OwnerType;
  @Column({ type: 'text', default: 'manual' }) source!: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) keywords!: string[];
  @Column({ type: 'text' }) industry!: string;
  @Column({ type: 'text', nullable: true }) field!: string | null;
  @Column({ type: 'int' }) trl!: number;
  @Column({ type: 'text' }) stage!: TrlStage;
  @Column({ name: 'trl_evidence', type: 'text', nullable: true }) trlEvidence!: string | null;
  @Column({ name: 'trl_assessed_by', type: 'text', default: 'self' }) trlAssessedBy!: TrlAssessor;
  @Column({ name: 'transfer_modes', type: 'text', array: true, default: () => "'{}'" }) transferModes!: string[];
  @Column({ name: 'pricing_method', type: 'text', nullable: true }) pricingMethod!: string | null;
  @Column({ name: 'asking_price', type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: money }) askingPrice!: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) patents!: string[];
  @Column({ name: 'funding_source', type: 'text', nullable: true }) fundingSource!: string | null;
  @Column({ type: 'text', nullable: true }) award!: string | null;
  @Column({ type: 'jsonb', nullable: true }) contact!: AchievementContact | null;
  @Column({ type: 'text', default: 'draft' }) status!: AchievementStatus;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
  @Column({ name: 'quality_warnings', type: 'jsonb', default: () => "'[]'" }) qualityWarnings!: QualityWarning[];
  @Column({ name: 'view_count', type: 'int', default: 0 }) viewCount!: number;
  @Column({ name: 'interest_count', type: 'int', default: 0 }) interestCount!: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** Also the search document version: bumped by every save and by the import upsert. */
  @VersionColumn({ default: 1 }) version!: number;
}
