import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type PackageStatus = 'draft' | 'published' | 'archived';

@Index('ix_technology_package_achievements', { synchronize: false })
@Index('ix_technology_package_status', { synchronize: false })
@Check('technology_package_status_check', `(status = ANY (ARRAY['draft'::text, 'published'::text, 'archived'::text]))`)
@ForeignKey('organisation', ['curator_org_id'], ['id'], { name: 'technology_package_curator_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_industry', ['industry'], ['code'], { name: 'technology_package_industry_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('technology_package')
export class TechnologyPackage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'curator_id', type: 'uuid' }) curatorId!: string;
  @Column({ name: 'curator_org_id', type: 'uuid' }) curatorOrgId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) theme!: string;
  @Column({ type: 'text' }) industry!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  /** Ordered: the curator's presentation order. */
  @Column({ name: 'achievement_ids', type: 'uuid', array: true, default: () => "'{}'" }) achievementIds!: string[];
  @Column({ name: 'target_parks', type: 'text', array: true, default: () => "'{}'" }) targetParks!: string[];
  @Column({ type: 'text', default: 'draft' }) status!: PackageStatus;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
