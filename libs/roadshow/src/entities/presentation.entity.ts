import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PresentationStatus = 'applied' | 'invited' | 'accepted' | 'declined' | 'withdrawn';
export type PresentationOrigin = 'application' | 'invitation';

@Entity('roadshow_presentation')
export class Presentation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'presenter_org_id', type: 'uuid' }) presenterOrgId!: string;
  @Column({ name: 'achievement_id', type: 'uuid', nullable: true }) achievementId!: string | null;
  @Column({ name: 'package_id', type: 'uuid', nullable: true }) packageId!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) industry!: string;
  @Column({ type: 'text' }) origin!: PresentationOrigin;
  @Column({ type: 'text' }) status!: PresentationStatus;
  @Column({ name: 'session_id', type: 'uuid', nullable: true }) sessionId!: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true }) startsAt!: Date | null;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt!: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
