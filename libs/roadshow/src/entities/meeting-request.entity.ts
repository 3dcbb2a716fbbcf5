import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MeetingRequestKind = 'must-meet' | 'would-like' | 'suggestion';
export type MeetingRequestStatus = 'pending' | 'cancelled';

@Index('ux_roadshow_meeting_request_pair', ['eventId', 'enterpriseOrgId', 'presentationId'], { unique: true, where: `(status = 'pending'::text)` })
@Check('roadshow_meeting_request_kind_check', `(kind = ANY (ARRAY['must-meet'::text, 'would-like'::text, 'suggestion'::text]))`)
@Check('roadshow_meeting_request_priority_check', `(priority > (0)::numeric)`)
@Check('roadshow_meeting_request_status_check', `(status = ANY (ARRAY['pending'::text, 'cancelled'::text]))`)
@ForeignKey('organisation', ['enterprise_org_id'], ['id'], { name: 'roadshow_meeting_request_enterprise_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['presenter_org_id'], ['id'], { name: 'roadshow_meeting_request_presenter_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_event', ['event_id'], ['id'], { name: 'roadshow_meeting_request_event_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_presentation', ['presentation_id'], ['id'], { name: 'roadshow_meeting_request_presentation_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('roadshow_meeting_request')
export class MeetingRequest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'enterprise_org_id', type: 'uuid' }) enterpriseOrgId!: string;
  @Column({ name: 'presentation_id', type: 'uuid' }) presentationId!: string;
  @Column({ name: 'presenter_org_id', type: 'uuid' }) presenterOrgId!: string;
  @Column({ type: 'text' }) kind!: MeetingRequestKind;
  /** numeric(6,3): returned as a string by pg, converted in mapping. */
  @Column({ type: 'numeric', precision: 6, scale: 3 }) priority!: string;
  @Column({ name: 'match_score', type: 'numeric', precision: 5, scale: 2, nullable: true }) matchScore!: string | null;
  @Column({ type: 'text', default: 'pending' }) status!: MeetingRequestStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
