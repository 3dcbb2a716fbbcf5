import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProposalStatus } from '../demand.state-machine';
import { moneyTransformer } from './demand.entity';

export interface ProposalTeamMember {
  name: string;
  title?: string;
  role?: string;
}

/** A university's or institute's offer to solve a demand (揭榜方案 / 投标). */
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

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
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
