import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ParticipantStatus = 'registered' | 'waitlisted' | 'cancelled';

/** An enterprise attending an event, with what it brings (industries, demands) and when it can meet. */
@Index('ix_roadshow_participant_queue', ['eventId', 'status', 'createdAt'])
@Index('ux_roadshow_participant_active', ['eventId', 'enterpriseOrgId'], { unique: true, where: `(status <> 'cancelled'::text)` })
@Check('roadshow_participant_industries_check', `(industries <@ ARRAY['advanced-equipment'::text, 'digital'::text, 'life-health'::text, 'new-energy'::text, 'new-materials'::text, 'energy-saving-environmental'::text, 'new-energy-vehicles'::text, 'tech-services'::text, 'modern-agriculture'::text])`)
@Check('roadshow_participant_status_check', `(status = ANY (ARRAY['registered'::text, 'waitlisted'::text, 'cancelled'::text]))`)
@ForeignKey('app_user', ['registered_by_user_id'], ['id'], { name: 'roadshow_participant_registered_by_user_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['enterprise_org_id'], ['id'], { name: 'roadshow_participant_enterprise_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_event', ['event_id'], ['id'], { name: 'roadshow_participant_event_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('roadshow_participant')
export class Participant {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'enterprise_org_id', type: 'uuid' }) enterpriseOrgId!: string;
  @Column({ name: 'registered_by_user_id', type: 'uuid' }) registeredByUserId!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) industries!: string[];
  @Column({ name: 'demand_ids', type: 'uuid', array: true, default: () => "'{}'" }) demandIds!: string[];
  /** Meeting slot indices the enterprise can attend; null = all. */
  @Column({ name: 'available_slots', type: 'int', array: true, nullable: true }) availableSlots!: number[] | null;
  @Column({ type: 'text' }) status!: ParticipantStatus;
  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true }) promotedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
