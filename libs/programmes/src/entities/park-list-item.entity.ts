import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ListItemStatus, ListKind } from '../three-lists.rules';

/** One item of a park's three lists for a year: 成果对接 (docking), 重点举措 (measure, with owner and due date), 转化落地 (landing). */
@Check('park_list_item_kind_check', `(kind = ANY (ARRAY['docking'::text, 'measure'::text, 'landing'::text]))`)
@Check('park_list_item_status_check', `(status = ANY (ARRAY['planned'::text, 'in-progress'::text, 'done'::text, 'dropped'::text]))`)
@Check('park_list_item_measure_check', `((kind <> 'measure'::text) OR ((owner IS NOT NULL) AND (due_date IS NOT NULL)))`)
@Check('park_list_item_year_check', `((year >= 2016) AND (year <= 2100))`)
@Check('park_list_item_quarter_check', `((last_quarter IS NULL) OR (last_quarter ~ '^[0-9]{4}Q[1-4]$'::text))`)
@ForeignKey('ref_park', ['park_code'], ['code'], { name: 'park_list_item_park_code_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('major_project', ['project_id'], ['id'], { name: 'park_list_item_project_id_fkey', onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['created_by'], ['id'], { name: 'park_list_item_created_by_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_park_list_item_park_year', ['parkCode', 'year', 'kind'])
@Entity('park_list_item')
export class ParkListItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'park_code', type: 'text' })
  parkCode!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  kind!: ListKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: 'planned' })
  status!: ListItemStatus;

  /** 重点举措: who carries it (a department or person) and by when. */
  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  /** 成果对接: the achievement targeted. */
  @Column({ name: 'achievement_id', type: 'uuid', nullable: true })
  achievementId!: string | null;

  /** 转化落地: the registered contract (contracts context) or accepted major project that proves the landing. */
  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId!: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  /** The quarterly entry that last updated it. */
  @Column({ name: 'last_quarter', type: 'text', nullable: true })
  lastQuarter!: string | null;

  @Column({ name: 'last_note', type: 'text', nullable: true })
  lastNote!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
