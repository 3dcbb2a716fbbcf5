import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type GuideCatalogStatus = 'draft' | 'published';

/** 先进适用技术指导目录: one per year and industry. */
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
  @VersionColumn() version!: number;
}

@Entity('guide_catalog_entry')
export class GuideCatalogEntry {
  @PrimaryColumn({ name: 'catalog_id', type: 'uuid' }) catalogId!: string;
  @PrimaryColumn({ name: 'achievement_id', type: 'uuid' }) achievementId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'text' }) note!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
