import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DemandStatus } from '../demand.state-machine';
import type { DemandVisibility } from '../demand.visibility';

export const COOPERATION_MODES_OF_DEMAND = ['transfer', 'license', 'joint-implementation', 'equity', 'joint-development', 'consulting', 'other'] as const;
export type DemandCooperationMode = (typeof COOPERATION_MODES_OF_DEMAND)[number];
export const ENTERPRISE_QUALIFICATIONS = ['high-tech', 'tech-sme', 'little-giant', 'listed'] as const;
export type EnterpriseQualification = (typeof ENTERPRISE_QUALIFICATIONS)[number];

/** numeric(18,2) comes back from pg as a string; money is handled as a number of yuan in code. */
export const moneyTransformer = {
  to: (v: number | null | undefined): string | null | undefined => (v === null || v === undefined ? v : v.toFixed(2)),
  from: (v: string | null): number | null => (v === null ? null : Number(v)),
};

/** An enterprise's technical problem (企业技术需求 / 技术难题), owned by the enterprise organisation. */
@Index('ix_demand_enterprise', { synchronize: false })
@Index('ix_demand_industry', ['industry', 'status'])
@Index('ix_demand_published_at', ['publishedAt'], { where: `(published_at IS NOT NULL)` })
@Index('ix_demand_status_published', { synchronize: false })
@Check('demand_budget_check', `(budget >= (0)::numeric)`)
@Check('demand_cooperation_modes_check', `(cooperation_modes <@ ARRAY['transfer'::text, 'license'::text, 'joint-implementation'::text, 'equity'::text, 'joint-development'::text, 'consulting'::text, 'other'::text])`)
@Check('demand_description_check', `((length(description) >= 10) AND (length(description) <= 20000))`)
@Check('demand_enterprise_region_check', `(enterprise_region = ANY (ARRAY['BJ'::text, 'TJ'::text, 'HE'::text, 'other'::text]))`)
@Check('demand_external_id_check', `((length(external_id) >= 1) AND (length(external_id) <= 128))`)
@Check('demand_keywords_check', `(cardinality(keywords) <= 20)`)
@Check('demand_min_trl_check', `((min_trl >= 1) AND (min_trl <= 9))`)
@Check('demand_qualifications_check', `(qualifications <@ ARRAY['high-tech'::text, 'tech-sme'::text, 'little-giant'::text, 'listed'::text])`)
@Check('demand_source_check', `((length(source) >= 1) AND (length(source) <= 64))`)
@Check('demand_status_check', `(status = ANY (ARRAY['draft'::text, 'published'::text, 'in-negotiation'::text, 'solved'::text, 'closed'::text, 'expired'::text]))`)
@Check('demand_title_check', `((length(title) >= 2) AND (length(title) <= 200))`)
@Check('demand_visibility_check', `(visibility = ANY (ARRAY['public'::text, 'members'::text, 'brokers'::text]))`)
@ForeignKey('app_user', ['created_by'], ['id'], { name: 'demand_created_by_fkey', onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['enterprise_id'], ['id'], { name: 'demand_enterprise_id_fkey', onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
@ForeignKey('ref_field', ['field'], ['code'], { name: 'demand_field_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_industry', ['industry'], ['code'], { name: 'demand_industry_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('ref_park', ['park'], ['code'], { name: 'demand_park_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('demand')
@Index('ux_demand_source_external_id', ['source', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
export class Demand {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', default: 'manual' })
  source!: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords!: string[];

  @Column({ type: 'text' })
  industry!: string;

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ name: 'min_trl', type: 'int', nullable: true })
  minTrl!: number | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: moneyTransformer })
  budget!: number | null;

  @Column({ name: 'cooperation_modes', type: 'text', array: true, default: () => "'{}'" })
  cooperationModes!: DemandCooperationMode[];

  @Column({ type: 'text', nullable: true })
  park!: string | null;

  /** The instant proposals close (a date deadline means the end of that day in Beijing time). */
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ type: 'text', default: 'public' })
  visibility!: DemandVisibility;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId!: string;

  @Column({ name: 'enterprise_name', type: 'text' })
  enterpriseName!: string;

  @Column({ name: 'enterprise_credit_code', type: 'text', nullable: true })
  enterpriseCreditCode!: string | null;

  /** BJ, TJ, HE or other, copied from the organisation: matching uses it for the region features. */
  @Column({ name: 'enterprise_region', type: 'text', default: 'other' })
  enterpriseRegion!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  qualifications!: EnterpriseQualification[];

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: DemandStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /** Bumped by the service on every change; the search document carries it. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
