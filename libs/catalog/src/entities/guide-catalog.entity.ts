import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';

export type GuideCatalogStatus = 'draft' | 'published';

/** 先进适用技术指导目录: one per year and industry. */
@Unique('guide_catalog_year_industry_key', ['year', 'industry'])
@Check('guide_catalog_status_check', `(status = ANY (ARRAY['draft'::text, 'published'::text]))`)
@Check('guide_catalog_year_check', `((year >= 2000) AND (year <= 2100))`)
@ForeignKey('ref_industry', ['industry'], ['code'], { name: 'guide_catalog_industry_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('guide_catalog')
export class GuideCatalog {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ type: 'text' }) industry!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: 'draft' }) status!: GuideCatalogStatus;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

@ForeignKey('achievement', ['achievement_id'], ['id'], { name: 'guide_catalog_entry_achievement_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('guide_catalog', ['catalog_id'], ['id'], { name: 'guide_catalog_entry_catalog_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('guide_catalog_entry')
export class GuideCatalogEntry {
  @PrimaryColumn({ name: 'catalog_id', type: 'uuid' }) catalogId!: string;
  @PrimaryColumn({ name: 'achievement_id', type: 'uuid' }) achievementId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'text' }) note!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
