import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type PackageStatus = 'draft' | 'published' | 'archived';

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
  @VersionColumn() version!: number;
}
