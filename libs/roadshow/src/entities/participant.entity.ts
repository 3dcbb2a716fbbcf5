import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ParticipantStatus = 'registered' | 'waitlisted' | 'cancelled';

/** An enterprise attending an event, with what it brings (industries, demands) and when it can meet. */
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
