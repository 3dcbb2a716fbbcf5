import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { numericTransformer } from './numeric.transformer';

export type EntryStatus = 'submitted' | 'approved' | 'returned';

/** A figure a park administrator enters for an `entered` indicator; platform staff approve or return it. */
@Check('monitoring_entry_check', `((status = 'returned'::text) = (return_reason IS NOT NULL))`)
@Check('monitoring_entry_status_check', `(status = ANY (ARRAY['submitted'::text, 'approved'::text, 'returned'::text]))`)
@Check('monitoring_entry_value_check', `(value >= (0)::numeric)`)
@ForeignKey('app_user', ['entered_by'], ['id'], { name: 'monitoring_entry_entered_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['reviewed_by'], ['id'], { name: 'monitoring_entry_reviewed_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('monitoring_indicator', ['indicator_code'], ['code'], { name: 'monitoring_entry_indicator_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('monitoring_quarter', ['quarter_code'], ['code'], { name: 'monitoring_entry_quarter_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'monitoring_entry_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('monitoring_entry')
@Index('ux_monitoring_entry', ['quarterCode', 'parkCode', 'indicatorCode'], { unique: true })
export class IndicatorEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'quarter_code', type: 'text' }) quarterCode!: string;
  @Column({ name: 'park_code', type: 'text' }) parkCode!: string;
  @Column({ name: 'indicator_code', type: 'text' }) indicatorCode!: string;
  @Column({ type: 'numeric', precision: 20, scale: 4, transformer: numericTransformer }) value!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text', default: 'submitted' }) status!: EntryStatus;
  @Column({ name: 'entered_by', type: 'uuid' }) enteredBy!: string;
  @Column({ name: 'entered_at', type: 'timestamptz' }) enteredAt!: Date;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason!: string | null;
  @VersionColumn({ default: 1 }) version!: number;
}
