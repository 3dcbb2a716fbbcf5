import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export interface StoredReason {
  code: string;
  zh: string;
  en: string;
  points: number;
}

/**
 * A stored investor ↔ financing request match: the score and reasons the finance scoring (of `scoringVersion`) gave
 * the pair when the request or the investor's profile last changed. Deal flow and a request's investors read these.
 */
@ForeignKey('financing_request', ['request_id'], ['id'], { name: 'financing_match_request_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['investor_id'], ['id'], { name: 'financing_match_investor_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_financing_match_investor', ['investorId', 'score'])
@Index('ix_financing_match_request', ['requestId', 'score'])
@Entity('financing_match')
export class FinancingMatch {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @PrimaryColumn({ name: 'investor_id', type: 'uuid' }) investorId!: string;
  @Column({ type: 'int' }) score!: number;
  @Column({ type: 'jsonb' }) reasons!: StoredReason[];
  @Column({ type: 'jsonb' }) concerns!: StoredReason[];
  @Column({ name: 'scoring_version', type: 'text' }) scoringVersion!: string;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
}
