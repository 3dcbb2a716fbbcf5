import { Check, Column, Entity, ForeignKey, PrimaryColumn, VersionColumn } from 'typeorm';
import type { AwardEntry } from '../park-awards.rules';

/** One year's park awards: the proposal (from the index and the three lists), then confirmed and published. */
@Check('park_award_round_status_check', `(status = ANY (ARRAY['proposed'::text, 'published'::text]))`)
@Check('park_award_round_year_check', `((year >= 2016) AND (year <= 2100))`)
@Check('park_award_round_confirmed_check', `((status = 'published'::text) = (confirmed_at IS NOT NULL))`)
@ForeignKey('app_user', ['proposed_by'], ['id'], { name: 'park_award_round_proposed_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['confirmed_by'], ['id'], { name: 'park_award_round_confirmed_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('park_award_round')
export class ParkAwardRound {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'text', default: 'proposed' })
  status!: 'proposed' | 'published';

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  /** The innovation index run the ranking came from (monitoring keeps it whole, so the proposal can be replayed). */
  @Column({ name: 'index_run_id', type: 'uuid' })
  indexRunId!: string;

  /** Every park considered, in order, with its figures, whether it is awarded and the reason. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  entries!: AwardEntry[];

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy!: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @VersionColumn()
  version!: number;
}
