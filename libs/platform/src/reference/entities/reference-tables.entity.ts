import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The reference tables other contexts' foreign keys point at (industries, fields, parks), modelled so the schema
 * the entities describe is the schema the migrations build. The seeder writes them; services read reference data
 * from memory (reference-data.ts), and park key industries through the catalog's taxonomy.
 */
@Entity('ref_industry')
export class RefIndustry {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) zh!: string;
  @Column({ type: 'text' }) en!: string;
  @Column({ type: 'int' }) position!: number;
}

@ForeignKey('ref_industry', ['industry_code'], ['code'], { name: 'ref_field_industry_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('ref_field')
export class RefField {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ name: 'industry_code', type: 'text' }) industryCode!: string;
  @Column({ type: 'text' }) zh!: string;
  @Column({ type: 'text' }) en!: string;
  @Column({ type: 'int' }) position!: number;
}

@Entity('ref_park')
export class RefPark {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) zh!: string;
  @Column({ type: 'text' }) en!: string;
  @Column({ type: 'text' }) city!: string;
  @Column({ name: 'key_industries', type: 'text', array: true, default: () => "'{}'" }) keyIndustries!: string[];
  @Column({ type: 'int' }) position!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
