import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MeetingRequestKind = 'must-meet' | 'would-like' | 'suggestion';
export type MeetingRequestStatus = 'pending' | 'cancelled';

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
