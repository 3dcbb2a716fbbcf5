import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type QuarterStatus = 'open' | 'published';

/** A reporting quarter (`2026Q3`): opened by platform staff, published once, then changed only by corrections. */
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
  @VersionColumn() version!: number;
}
