import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** `uploading`: the row is written before the file arrives, so an upload cut short is seen (and swept to failed). */
export type ImportStatus = 'uploading' | 'queued' | 'running' | 'done' | 'failed';
export type ImportFormat = 'ndjson' | 'csv' | 'xlsx';

export interface ImportLineError {
  line: number;
  field: string;
  message: string;
}

@Index('ix_import_job_org', { synchronize: false })
@Check('import_job_format_check', `(format = ANY (ARRAY['ndjson'::text, 'csv'::text, 'xlsx'::text]))`)
@ForeignKey('organisation', ['importer_org_id'], ['id'], { name: 'import_job_importer_org_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Entity('import_job')
@Check('import_job_status_check', `status IN ('uploading','queued','running','done','failed')`)
@Index('ix_import_job_uploading', ['updatedAt'], { where: `status = 'uploading'` })
export class ImportJob {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) format!: ImportFormat;
  @Column({ type: 'text', default: 'queued' }) status!: ImportStatus;
  @Column({ name: 'file_key', type: 'text' }) fileKey!: string;
  @Column({ type: 'text', nullable: true }) filename!: string | null;
  @Column({ type: 'boolean', default: false }) publish!: boolean;
  @Column({ name: 'importer_user_id', type: 'uuid' }) importerUserId!: string;
  @Column({ name: 'importer_org_id', type: 'uuid' }) importerOrgId!: string;
  @Column({ name: 'importer_org_type', type: 'text' }) importerOrgType!: string;
  @Column({ name: 'importer_roles', type: 'text', array: true, default: () => "'{}'" }) importerRoles!: string[];
  @Column({ type: 'int', default: 0 }) total!: number;
  @Column({ type: 'int', default: 0 }) processed!: number;
  @Column({ type: 'int', default: 0 }) created!: number;
  @Column({ type: 'int', default: 0 }) updated!: number;
  @Column({ type: 'int', default: 0 }) failed!: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) errors!: ImportLineError[];
  /** Every line up to this one is accounted for by a committed batch: a run killed later resumes after it. */
  @Column({ name: 'resume_after_line', type: 'int', default: 0 }) resumeAfterLine!: number;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
