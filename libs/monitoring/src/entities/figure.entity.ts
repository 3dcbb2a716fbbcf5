import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
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
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) records!: RecordRef[];
  @Column({ name: 'entry_id', type: 'uuid', nullable: true }) entryId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'int', default: 1 }) revision!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt!: Date | null;
}

/** The history of a published quarter: what changed, from what to what, why and by whom. */
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
