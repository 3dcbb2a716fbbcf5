import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { IndexInputs, ParkIndexResult } from '../rules/innovation-index';

/** A version of the innovation-index weights; never edited, a change is a new version. */
@ForeignKey('app_user', ['created_by'], ['id'], { name: 'monitoring_index_weights_created_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('monitoring_index_weights')
export class IndexWeightsVersion {
  @PrimaryGeneratedColumn() version!: number;
  @Column({ type: 'jsonb' }) dimensions!: Record<string, number>;
  @Column({ type: 'jsonb' }) indicators!: Record<string, number>;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** Per park and indicator, the published figures (ids) an annual input was aggregated from. */
export type IndexInputSources = Record<string, Record<string, string[]>>;

/** One computation of a year's index: the stored inputs and weights version reproduce `results` exactly. */
@Index('ix_monitoring_index_run_year', { synchronize: false })
@Check('monitoring_index_run_year_check', `((year >= 2000) AND (year <= 2100))`)
@ForeignKey('app_user', ['computed_by'], ['id'], { name: 'monitoring_index_run_computed_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('monitoring_index_weights', ['weights_version'], ['version'], { name: 'monitoring_index_run_weights_version_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('monitoring_index_run')
export class IndexRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Insertion order: the latest run of a year is the published one. */
  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false }) seq!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ name: 'weights_version', type: 'int' }) weightsVersion!: number;
  @Column({ type: 'text', array: true }) quarters!: string[];
  @Column({ type: 'jsonb' }) inputs!: IndexInputs & { sources: IndexInputSources };
  @Column({ type: 'jsonb' }) results!: ParkIndexResult[];
  @Column({ name: 'computed_by', type: 'uuid' }) computedBy!: string;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
}
