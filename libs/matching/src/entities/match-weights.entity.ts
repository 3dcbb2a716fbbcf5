import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WeightSource } from '../weights/match-weights';

/** One version of the matcher's weights; exactly one is active (what rankings and stored matches use). */
@Index('ux_match_weights_active', ['active'], { unique: true, where: `active` })
@Check('match_weights_source_check', `(source = ANY (ARRAY['default'::text, 'fitted-tuning'::text, 'refit-outcomes'::text]))`)
@Entity('match_weights')
export class MatchWeightsVersion {
  @PrimaryColumn('int') version: number;
  /** A MatchWeights value (read through normaliseWeights). */
  @Column('jsonb') weights: unknown;
  @Column('text') source: WeightSource;
  /** sha256 of the canonical weights: finds a shipped version already stored. */
  @Column('text') digest: string;
  @Column('boolean', { default: false }) active: boolean;
  @Column('text', { nullable: true }) note: string | null;
  /** Figures of the fit that produced it (counts of outcomes, ordered pairs before/after), never a text or an id. */
  @Column('jsonb', { default: () => `'{}'` }) evidence: Record<string, number>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
