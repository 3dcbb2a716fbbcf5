import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MeetingStatus = 'scheduled' | 'cancelled';
export type MeetingOutcome = 'intention' | 'no-interest' | 'no-show';

/** A 1:1 meeting at a table and a slot. */
@Index('ix_roadshow_meeting_event', ['eventId'])
@Index('ux_roadshow_meeting_enterprise_slot', ['eventId', 'enterpriseOrgId', 'slotIndex'], { unique: true, where: `(status = 'scheduled'::text)` })
@Index('ux_roadshow_meeting_presenter_slot', ['eventId', 'presenterOrgId', 'slotIndex'], { unique: true, where: `(status = 'scheduled'::text)` })
@Index('ux_roadshow_meeting_request', ['requestId'], { unique: true, where: `(status = 'scheduled'::text)` })
@Index('ux_roadshow_meeting_table_slot', ['eventId', 'tableNumber', 'slotIndex'], { unique: true, where: `(status = 'scheduled'::text)` })
@Check('roadshow_meeting_check', `((outcome <> 'no-interest'::text) OR (outcome_reason IS NOT NULL))`)
@Check('roadshow_meeting_outcome_check', `((outcome IS NULL) OR (outcome = ANY (ARRAY['intention'::text, 'no-interest'::text, 'no-show'::text])))`)
@Check('roadshow_meeting_slot_index_check', `(slot_index >= 0)`)
@Check('roadshow_meeting_status_check', `(status = ANY (ARRAY['scheduled'::text, 'cancelled'::text]))`)
@Check('roadshow_meeting_table_number_check', `(table_number >= 0)`)
@ForeignKey('app_user', ['outcome_recorded_by'], ['id'], { name: 'roadshow_meeting_outcome_recorded_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['enterprise_org_id'], ['id'], { name: 'roadshow_meeting_enterprise_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['presenter_org_id'], ['id'], { name: 'roadshow_meeting_presenter_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_event', ['event_id'], ['id'], { name: 'roadshow_meeting_event_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_meeting_request', ['request_id'], ['id'], { name: 'roadshow_meeting_request_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_presentation', ['presentation_id'], ['id'], { name: 'roadshow_meeting_presentation_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
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
