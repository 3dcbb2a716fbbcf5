import { Check, Column, Entity, ForeignKey, PrimaryColumn, VersionColumn } from 'typeorm';

export type QuarterStatus = 'open' | 'published';

/** A reporting quarter (`2026Q3`): opened by platform staff, published once, then changed only by corrections. */
@Check('monitoring_quarter_check', `((status = 'published'::text) = (published_at IS NOT NULL))`)
@Check('monitoring_quarter_code_check', `(code ~ '^[0-9]{4}Q[1-4]$'::text)`)
@Check('monitoring_quarter_quarter_check', `((quarter >= 1) AND (quarter <= 4))`)
@Check('monitoring_quarter_status_check', `(status = ANY (ARRAY['open'::text, 'published'::text]))`)
@ForeignKey('app_user', ['opened_by'], ['id'], { name: 'monitoring_quarter_opened_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['published_by'], ['id'], { name: 'monitoring_quarter_published_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('monitoring_quarter')
export class ReportingQuarter {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ type: 'int' }) quarter!: number;
  @Column({ type: 'text', default: 'open' }) status!: QuarterStatus;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy!: string;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy!: string | null;
  /** Bumped by every correction after publication. */
  @Column({ type: 'int', default: 0 }) revision!: number;
  @VersionColumn({ default: 1 }) version!: number;
}
