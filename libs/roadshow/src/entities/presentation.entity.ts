import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PresentationStatus = 'applied' | 'invited' | 'accepted' | 'declined' | 'withdrawn';
export type PresentationOrigin = 'application' | 'invitation';

@Index('ix_roadshow_presentation_presenter', ['presenterOrgId'])
@Index('ux_roadshow_presentation_subject', { synchronize: false })
@Check('roadshow_presentation_check', `((achievement_id IS NOT NULL) <> (package_id IS NOT NULL))`)
@Check('roadshow_presentation_industry_check', `(industry = ANY (ARRAY['advanced-equipment'::text, 'digital'::text, 'life-health'::text, 'new-energy'::text, 'new-materials'::text, 'energy-saving-environmental'::text, 'new-energy-vehicles'::text, 'tech-services'::text, 'modern-agriculture'::text]))`)
@Check('roadshow_presentation_origin_check', `(origin = ANY (ARRAY['application'::text, 'invitation'::text]))`)
@Check('roadshow_presentation_status_check', `(status = ANY (ARRAY['applied'::text, 'invited'::text, 'accepted'::text, 'declined'::text, 'withdrawn'::text]))`)
@ForeignKey('organisation', ['presenter_org_id'], ['id'], { name: 'roadshow_presentation_presenter_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_event', ['event_id'], ['id'], { name: 'roadshow_presentation_event_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('roadshow_session', ['session_id'], ['id'], { name: 'roadshow_presentation_session_id_fkey', onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
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
