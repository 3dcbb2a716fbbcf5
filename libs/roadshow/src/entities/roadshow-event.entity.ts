import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Who attends and asks for 1:1 meetings: enterprises (technology roadshows) or verified investment funds (investor roadshows). */
export type RoadshowKind = 'technology' | 'investor';
export const ROADSHOW_KINDS: RoadshowKind[] = ['technology', 'investor'];

export type EventStatus = 'planned' | 'registration-open' | 'scheduled' | 'held' | 'closed' | 'cancelled';

/** One opening period of the event, in Beijing time (the zone's local time). */
export interface EventDay {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  opensAt: string;
  /** HH:MM */
  closesAt: string;
}

@Index('ix_roadshow_event_organiser', ['organiserOrgId'])
@Index('ix_roadshow_event_starts', ['startsAt'])
@Check('roadshow_event_capacity_check', `(capacity > 0)`)
@Check('roadshow_event_check', `((venue IS NOT NULL) OR (online_link IS NOT NULL))`)
@Check('roadshow_event_check1', `(registration_closes_at > registration_opens_at)`)
@Check('roadshow_event_check2', `(ends_at > starts_at)`)
@Check('roadshow_event_kind_check', `(kind = ANY (ARRAY['technology'::text, 'investor'::text]))`)
@Check('roadshow_event_max_meetings_per_enterprise_check', `(max_meetings_per_enterprise > 0)`)
@Check('roadshow_event_park_code_check', `((park_code IS NULL) OR (park_code = ANY (ARRAY['sjz-hitech'::text, 'bd-hitech'::text, 'guan-hitech'::text, 'baiyangdian'::text, 'yizhuang-yongqing'::text, 'bazhou-edz'::text, 'gwm-park'::text, 'gaobeidian-innovation'::text, 'zhuozhou-agri'::text, 'renqiu-edz'::text, 'hengshui-hitech'::text])))`)
@Check('roadshow_event_presentation_minutes_check', `((presentation_minutes >= 5) AND (presentation_minutes <= 120))`)
@Check('roadshow_event_session_rooms_check', `(session_rooms > 0)`)
@Check('roadshow_event_slot_minutes_check', `((slot_minutes >= 5) AND (slot_minutes <= 480))`)
@Check('roadshow_event_status_check', `(status = ANY (ARRAY['planned'::text, 'registration-open'::text, 'scheduled'::text, 'held'::text, 'closed'::text, 'cancelled'::text]))`)
@Check('roadshow_event_table_count_check', `(table_count > 0)`)
@Check('roadshow_event_theme_industries_check', `(theme_industries <@ ARRAY['advanced-equipment'::text, 'digital'::text, 'life-health'::text, 'new-energy'::text, 'new-materials'::text, 'energy-saving-environmental'::text, 'new-energy-vehicles'::text, 'tech-services'::text, 'modern-agriculture'::text])`)
@ForeignKey('app_user', ['responsible_user_id'], ['id'], { name: 'roadshow_event_responsible_user_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['organiser_org_id'], ['id'], { name: 'roadshow_event_organiser_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('roadshow_event')
export class RoadshowEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_org_id', type: 'uuid' }) organiserOrgId!: string;
  /** The broker who answers for the event: receives the follow-up request. */
  @Column({ name: 'responsible_user_id', type: 'uuid' }) responsibleUserId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: 'technology' }) kind!: RoadshowKind;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'theme_industries', type: 'text', array: true, default: () => "'{}'" }) themeIndustries!: string[];
  @Column({ name: 'park_code', type: 'text', nullable: true }) parkCode!: string | null;
  @Column({ type: 'text', nullable: true }) venue!: string | null;
  @Column({ name: 'online_link', type: 'text', nullable: true }) onlineLink!: string | null;
  @Column({ type: 'jsonb' }) days!: EventDay[];
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ name: 'slot_minutes', type: 'int' }) slotMinutes!: number;
  @Column({ name: 'table_count', type: 'int' }) tableCount!: number;
  @Column({ type: 'int' }) capacity!: number;
  @Column({ name: 'session_rooms', type: 'int', default: 1 }) sessionRooms!: number;
  @Column({ name: 'presentation_minutes', type: 'int', default: 15 }) presentationMinutes!: number;
  @Column({ name: 'max_meetings_per_enterprise', type: 'int', default: 6 }) maxMeetingsPerEnterprise!: number;
  /** Counts toward the zone's yearly target of large events. */
  @Column({ type: 'boolean', default: false }) large!: boolean;
  @Column({ name: 'registration_opens_at', type: 'timestamptz' }) registrationOpensAt!: Date;
  @Column({ name: 'registration_closes_at', type: 'timestamptz' }) registrationClosesAt!: Date;
  @Column({ type: 'text', default: 'planned' }) status!: EventStatus;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ name: 'agenda_built_at', type: 'timestamptz', nullable: true }) agendaBuiltAt!: Date | null;
  @Column({ name: 'meetings_scheduled_at', type: 'timestamptz', nullable: true }) meetingsScheduledAt!: Date | null;
  @Column({ name: 'follow_up_requested_at', type: 'timestamptz', nullable: true }) followUpRequestedAt!: Date | null;
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
