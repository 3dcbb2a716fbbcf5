import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type EnrolmentStatus = 'enrolled' | 'passed' | 'failed' | 'certified' | 'withdrawn';

/** A trainee on a course: hours logged by the base per module, the exam result, then the certificate. */
@Check('broker_enrolment_status_check', `(status = ANY (ARRAY['enrolled'::text, 'passed'::text, 'failed'::text, 'certified'::text, 'withdrawn'::text]))`)
@Check('broker_enrolment_exam_score_check', `((exam_score IS NULL) OR ((exam_score >= 0) AND (exam_score <= 100)))`)
@ForeignKey('broker_course', ['course_id'], ['id'], { name: 'broker_enrolment_course_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['training_base_id'], ['id'], { name: 'broker_enrolment_training_base_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'broker_enrolment_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ux_broker_enrolment_course_user', ['courseId', 'userId'], { unique: true })
@Index('ix_broker_enrolment_base', ['trainingBaseId', 'createdAt'])
@Index('ix_broker_enrolment_user', ['userId', 'createdAt'])
@Entity('broker_enrolment')
export class BrokerEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  /** The course's base, kept here so the base's list and checks need no join. */
  @Column({ name: 'training_base_id', type: 'uuid' })
  trainingBaseId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', default: 'enrolled' })
  status!: EnrolmentStatus;

  @Column({ name: 'logged_general', type: 'integer', default: 0 })
  loggedGeneral!: number;

  @Column({ name: 'logged_policy', type: 'integer', default: 0 })
  loggedPolicy!: number;

  @Column({ name: 'logged_practice', type: 'integer', default: 0 })
  loggedPractice!: number;

  @Column({ name: 'logged_capability', type: 'integer', default: 0 })
  loggedCapability!: number;

  @Column({ name: 'exam_score', type: 'integer', nullable: true })
  examScore!: number | null;

  @Column({ name: 'examined_at', type: 'timestamptz', nullable: true })
  examinedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
