import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MatchReason } from '../scoring/match-scoring';
import type { CloseReason, MatchStatus } from '../match.state-machine';

@Entity('match')
export class Match {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'demand_id' }) demandId: string;
  @Column('uuid', { name: 'achievement_id' }) achievementId: string;
  @Column('uuid', { name: 'enterprise_id' }) enterpriseId: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('int') score: number;
  @Column('jsonb', { default: () => `'[]'::jsonb` }) reasons: MatchReason[];
  @Column('text') origin: 'computed' | 'broker';
  @Column('text', { default: 'suggested' }) status: MatchStatus;
  @Column('text', { name: 'close_reason', nullable: true }) closeReason: CloseReason | null;
  @Column('uuid', { name: 'broker_user_id', nullable: true }) brokerUserId: string | null;
  @Column('uuid', { name: 'broker_org_id', nullable: true }) brokerOrgId: string | null;
  @Column('timestamptz', { name: 'taken_at', nullable: true }) takenAt: Date | null;
  @Column('timestamptz', { name: 'status_changed_at' }) statusChangedAt: Date;
  @Column('timestamptz', { name: 'computed_at' }) computedAt: Date;
  @Column('int', { default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
