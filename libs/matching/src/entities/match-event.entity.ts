import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MatchEventKind = 'taken' | 'transition' | 'note' | 'introduction';
export const INTRODUCTION_CHANNELS = ['meeting', 'phone', 'email', 'event', 'online', 'other'] as const;
export type IntroductionChannel = (typeof INTRODUCTION_CHANNELS)[number];

@Index('ix_match_event_match', ['matchId', 'occurredAt'])
@Index('ix_match_event_step', ['occurredAt'], { where: `(to_status = ANY (ARRAY['contacted'::text, 'signed'::text]))` })
@Check('match_event_channel_check', `((channel IS NULL) OR (channel = ANY (ARRAY['meeting'::text, 'phone'::text, 'email'::text, 'event'::text, 'online'::text, 'other'::text])))`)
@Check('match_event_kind_check', `(kind = ANY (ARRAY['taken'::text, 'transition'::text, 'note'::text, 'introduction'::text]))`)
@ForeignKey('app_user', ['actor_user_id'], ['id'], { name: 'match_event_actor_user_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('match', ['match_id'], ['id'], { name: 'match_event_match_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('match_event')
export class MatchEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'match_id' }) matchId: string;
  @Column('text') kind: MatchEventKind;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId: string | null;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status', nullable: true }) toStatus: string | null;
  @Column('text', { name: 'close_reason', nullable: true }) closeReason: string | null;
  @Column('text', { nullable: true }) body: string | null;
  @Column('uuid', { name: 'introduced_org_ids', array: true, nullable: true }) introducedOrgIds: string[] | null;
  @Column('text', { nullable: true }) channel: IntroductionChannel | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
