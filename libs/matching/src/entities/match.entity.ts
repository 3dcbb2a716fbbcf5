import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { FeatureVector, MatchReason } from '../scoring/match-scoring';
import type { CloseReason, MatchStatus } from '../match.state-machine';

@Index('ix_match_achievement', ['achievementId'])
@Index('ix_match_broker', ['brokerUserId', 'status'])
@Index('ix_match_created_at', ['createdAt'])
@Index('ix_match_model', ['weightsVersion', 'thesaurusVersion'])
@Index('ix_match_enterprise', { synchronize: false })
@Index('ix_match_owner', { synchronize: false })
@Unique('match_demand_id_achievement_id_key', ['demandId', 'achievementId'])
@Check('match_check', `((status = 'closed'::text) = (close_reason IS NOT NULL))`)
@Check('match_close_reason_check', `(close_reason = ANY (ARRAY['too-early'::text, 'price'::text, 'ip-unclear'::text, 'no-reply'::text, 'not-relevant'::text, 'mode-mismatch'::text, 'other'::text]))`)
@Check('match_origin_check', `(origin = ANY (ARRAY['computed'::text, 'broker'::text]))`)
@Check('match_score_check', `((score >= 0) AND (score <= 100))`)
@Check('match_status_check', `(status = ANY (ARRAY['suggested'::text, 'contacted'::text, 'negotiating'::text, 'signed'::text, 'closed'::text]))`)
@ForeignKey('achievement', ['achievement_id'], ['id'], { name: 'match_achievement_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['broker_user_id'], ['id'], { name: 'match_broker_user_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('demand', ['demand_id'], ['id'], { name: 'match_demand_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['broker_org_id'], ['id'], { name: 'match_broker_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['enterprise_id'], ['id'], { name: 'match_enterprise_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['owner_id'], ['id'], { name: 'match_owner_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('match')
export class Match {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'demand_id' }) demandId: string;
  @Column('uuid', { name: 'achievement_id' }) achievementId: string;
  @Column('uuid', { name: 'enterprise_id' }) enterpriseId: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('int') score: number;
  @Column('jsonb', { default: () => `'[]'` }) reasons: MatchReason[];
  @Column('jsonb', { default: () => `'[]'` }) concerns: MatchReason[];
  /** Feature strengths of the pair (numbers only): what a refit from outcomes reads. */
  @Column('jsonb', { default: () => `'{}'` }) features: FeatureVector;
  /** The weights and thesaurus versions the score was computed with (null: before versioning). */
  @Column('int', { name: 'weights_version', nullable: true }) weightsVersion: number | null;
  @Column('text', { name: 'thesaurus_version', nullable: true }) thesaurusVersion: string | null;
  @Column('text') origin: 'computed' | 'broker';
  @Column('text', { default: 'suggested' }) status: MatchStatus;
  @Column('text', { name: 'close_reason', nullable: true }) closeReason: CloseReason | null;
  @Column('uuid', { name: 'broker_user_id', nullable: true }) brokerUserId: string | null;
  @Column('uuid', { name: 'broker_org_id', nullable: true }) brokerOrgId: string | null;
  @Column('timestamptz', { name: 'taken_at', nullable: true }) takenAt: Date | null;
  @Column('timestamptz', { name: 'status_changed_at', default: () => 'now()' }) statusChangedAt: Date;
  @Column('timestamptz', { name: 'computed_at', default: () => 'now()' }) computedAt: Date;
  @Column('int', { default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
