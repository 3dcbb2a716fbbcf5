import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** A real-name objection to a project in public notice (异议须实名): while open, the notice clock stands still. */
@Check('major_project_objection_status_check', `(status = ANY (ARRAY['open'::text, 'upheld'::text, 'dismissed'::text]))`)
@ForeignKey('major_project', ['project_id'], ['id'], { name: 'major_project_objection_project_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['objector_user_id'], ['id'], { name: 'major_project_objection_objector_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_major_project_objection_project', ['projectId', 'createdAt'])
@Entity('major_project_objection')
export class ProjectObjection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'objector_user_id', type: 'uuid' })
  objectorUserId!: string;

  @Column({ name: 'real_name', type: 'text' })
  realName!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'text' })
  grounds!: string;

  @Column({ type: 'text', default: 'open' })
  status!: ObjectionStatus;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
