import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from './numeric.transformer';

/** A record behind a computed figure (drill-down): its kind and id in the owning context. */
export interface RecordRef {
  type: string;
  id: string;
}

/**
 * One frozen figure of a published quarter: for a park (or the zone when parkCode is null), an indicator and an
 * optional breakdown (`type:consulting`, `industry:digital`). Corrections supersede a row, never overwrite it.
 */
@Index('ux_monitoring_figure_current', { synchronize: false })
@Check('monitoring_figure_source_check', `(source = ANY (ARRAY['computed'::text, 'entered'::text, 'correction'::text]))`)
@ForeignKey('monitoring_entry', ['entry_id'], ['id'], { name: 'monitoring_figure_entry_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('monitoring_indicator', ['indicator_code'], ['code'], { name: 'monitoring_figure_indicator_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('monitoring_quarter', ['quarter_code'], ['code'], { name: 'monitoring_figure_quarter_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'monitoring_figure_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('monitoring_figure')
export class QuarterFigure {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'quarter_code', type: 'text' }) quarterCode!: string;
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ name: 'indicator_code', type: 'text' }) indicatorCode!: string;
  @Column({ type: 'text', default: '' }) breakdown!: string;
  /** null: no source could provide it (the owning context does not feed monitoring yet, or nothing was reported). */
  @Column({ type: 'numeric', precision: 20, scale: 4, nullable: true, transformer: numericTransformer }) value!: number | null;
  @Column({ type: 'text' }) source!: 'computed' | 'entered' | 'correction';
  @Column({ type: 'jsonb', default: () => "'[]'" }) records!: RecordRef[];
  @Column({ name: 'entry_id', type: 'uuid', nullable: true }) entryId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'int', default: 1 }) revision!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt!: Date | null;
}

/** The history of a published quarter: what changed, from what to what, why and by whom. */
@Index('ix_monitoring_correction_quarter', ['quarterCode', 'correctedAt'])
@ForeignKey('app_user', ['corrected_by'], ['id'], { name: 'monitoring_correction_corrected_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('monitoring_indicator', ['indicator_code'], ['code'], { name: 'monitoring_correction_indicator_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('monitoring_quarter', ['quarter_code'], ['code'], { name: 'monitoring_correction_quarter_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'monitoring_correction_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('monitoring_correction')
export class FigureCorrection {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'quarter_code', type: 'text' }) quarterCode!: string;
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ name: 'indicator_code', type: 'text' }) indicatorCode!: string;
  @Column({ name: 'old_value', type: 'numeric', precision: 20, scale: 4, nullable: true, transformer: numericTransformer }) oldValue!: number | null;
  @Column({ name: 'new_value', type: 'numeric', precision: 20, scale: 4, transformer: numericTransformer }) newValue!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'corrected_by', type: 'uuid' }) correctedBy!: string;
  @Column({ name: 'corrected_at', type: 'timestamptz' }) correctedAt!: Date;
}
