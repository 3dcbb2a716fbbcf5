import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProposalStatus } from '../demand.state-machine';
import { moneyTransformer } from './demand.entity';

export interface ProposalTeamMember {
  name: string;
  title?: string;
  role?: string;
}

/** A university's or institute's offer to solve a demand (揭榜方案 / 投标). */
@Index('ix_demand_proposal_awarded_at', ['decidedAt'], { where: `(status = 'awarded'::text)` })
@Index('ix_demand_proposal_demand', ['demandId', 'createdAt'])
@Index('ix_demand_proposal_proposer', { synchronize: false })
@Index('ux_demand_proposal_awarded', ['demandId'], { unique: true, where: `(status = 'awarded'::text)` })
@Index('ux_demand_proposal_open', ['demandId', 'proposerOrgId'], { unique: true, where: `(status = ANY (ARRAY['submitted'::text, 'shortlisted'::text]))` })
@Check('demand_proposal_approach_check', `((length(approach) >= 10) AND (length(approach) <= 20000))`)
@Check('demand_proposal_check', `((status <> 'declined'::text) OR (decline_reason IS NOT NULL))`)
@Check('demand_proposal_duration_months_check', `((duration_months >= 1) AND (duration_months <= 120))`)
@Check('demand_proposal_price_check', `(price >= (0)::numeric)`)
@Check('demand_proposal_status_check', `(status = ANY (ARRAY['submitted'::text, 'shortlisted'::text, 'awarded'::text, 'declined'::text, 'withdrawn'::text]))`)
@ForeignKey('app_user', ['decided_by'], ['id'], { name: 'demand_proposal_decided_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['submitted_by'], ['id'], { name: 'demand_proposal_submitted_by_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('demand', ['demand_id'], ['id'], { name: 'demand_proposal_demand_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['proposer_org_id'], ['id'], { name: 'demand_proposal_proposer_org_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@Entity('demand_proposal')
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'demand_id', type: 'uuid' })
  demandId!: string;

  @Column({ name: 'proposer_org_id', type: 'uuid' })
  proposerOrgId!: string;

  @Column({ name: 'proposer_org_name', type: 'text' })
  proposerOrgName!: string;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'text' })
  approach!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  team!: ProposalTeamMember[];

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: moneyTransformer })
  price!: number | null;

  @Column({ type: 'text' })
  timeline!: string;

  @Column({ name: 'duration_months', type: 'int', nullable: true })
  durationMonths!: number | null;

  @Column({ name: 'achievement_ids', type: 'uuid', array: true, default: () => "'{}'" })
  achievementIds!: string[];

  @Column({ type: 'text', default: 'submitted' })
  status!: ProposalStatus;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
