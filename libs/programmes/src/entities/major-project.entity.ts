import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ProjectLevel, ProjectStatus } from '../major-project.state-machine';

/** A major transfer project (重大科技成果转化项目) of the zone's portfolio. */
@Check('major_project_status_check', `(status = ANY (ARRAY['proposed'::text, 'shortlisted'::text, 'public-notice'::text, 'approved'::text, 'mid-term-passed'::text, 'accepted'::text, 'terminated'::text, 'rejected'::text]))`)
@Check('major_project_level_check', `((level IS NULL) OR (level = ANY (ARRAY['province'::text, 'city'::text])))`)
@Check('major_project_proposed_level_check', `(proposed_level = ANY (ARRAY['province'::text, 'city'::text]))`)
@Check('major_project_year_check', `((year IS NULL) OR ((year >= 2016) AND (year <= 2100)))`)
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'major_project_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['proposed_by_org_id'], ['id'], { name: 'major_project_proposed_by_org_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_major_project_year_level', ['year', 'level', 'status'])
@Index('ix_major_project_park', ['parkCode', 'createdAt'])
@Entity('major_project')
export class MajorProject {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'park_code', type: 'text' })
  parkCode!: string;

  /** The park's city (reference data), for the per-city quota. */
  @Column({ type: 'text' })
  city!: string;

  @Column({ name: 'proposed_by_org_id', type: 'uuid' })
  proposedByOrgId!: string;

  @Column({ name: 'proposed_level', type: 'text' })
  proposedLevel!: ProjectLevel;

  @Column({ name: 'achievement_ids', type: 'uuid', array: true, default: () => "'{}'" })
  achievementIds!: string[];

  @Column({ name: 'enterprise_ids', type: 'uuid', array: true, default: () => "'{}'" })
  enterpriseIds!: string[];

  @Column({ name: 'contract_ids', type: 'uuid', array: true, default: () => "'{}'" })
  contractIds!: string[];

  @Column({ type: 'text', default: 'proposed' })
  status!: ProjectStatus;

  /** Set at approval: the portfolio year and level it counts towards. */
  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ type: 'text', nullable: true })
  level!: ProjectLevel | null;

  @Column({ name: 'notice_policy_version', type: 'integer', nullable: true })
  noticePolicyVersion!: number | null;

  @Column({ name: 'notice_started_at', type: 'timestamptz', nullable: true })
  noticeStartedAt!: Date | null;

  /** Set while an objection is open: the notice clock stands still. */
  @Column({ name: 'notice_paused_at', type: 'timestamptz', nullable: true })
  noticePausedAt!: Date | null;

  /** Time the clock stood still for objections already resolved. */
  @Column({ name: 'notice_paused_ms', type: 'bigint', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  noticePausedMs!: number;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** The administrators' word at the mid-term check, acceptance, termination or rejection. */
  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
