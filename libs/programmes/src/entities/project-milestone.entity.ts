import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A quarterly milestone of an approved project, with its evidence (one per quarter). */
@Check('major_project_milestone_quarter_check', `(quarter ~ '^[0-9]{4}Q[1-4]$'::text)`)
@Check('major_project_milestone_progress_check', `((progress >= 0) AND (progress <= 100))`)
@ForeignKey('major_project', ['project_id'], ['id'], { name: 'major_project_milestone_project_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['reported_by'], ['id'], { name: 'major_project_milestone_reported_by_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_major_project_milestone_quarter', ['projectId', 'quarter'], { unique: true })
@Entity('major_project_milestone')
export class ProjectMilestone {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  quarter!: string;

  @Column({ type: 'integer' })
  progress!: number;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  evidence!: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
