import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MeetingStatus = 'scheduled' | 'cancelled';
export type MeetingOutcome = 'intention' | 'no-interest' | 'no-show';

/** A 1:1 meeting at a table and a slot. */
@Entity('roadshow_meeting')
export class Meeting {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @Column({ name: 'enterprise_org_id', type: 'uuid' }) enterpriseOrgId!: string;
  @Column({ name: 'presenter_org_id', type: 'uuid' }) presenterOrgId!: string;
  @Column({ name: 'presentation_id', type: 'uuid' }) presentationId!: string;
  @Column({ name: 'slot_index', type: 'int' }) slotIndex!: number;
  @Column({ name: 'table_number', type: 'int' }) tableNumber!: number;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text', default: 'scheduled' }) status!: MeetingStatus;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ type: 'text', nullable: true }) outcome!: MeetingOutcome | null;
  @Column({ name: 'outcome_reason', type: 'text', nullable: true }) outcomeReason!: string | null;
  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true }) outcomeRecordedAt!: Date | null;
  @Column({ name: 'outcome_recorded_by', type: 'uuid', nullable: true }) outcomeRecordedBy!: string | null;
  @Column({ name: 'outcome_requested_at', type: 'timestamptz', nullable: true }) outcomeRequestedAt!: Date | null;
  /** Matches of the broker pipeline this meeting's intention moved forward. */
  @Column({ name: 'advanced_match_ids', type: 'uuid', array: true, default: () => "'{}'" }) advancedMatchIds!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
