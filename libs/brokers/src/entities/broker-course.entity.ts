import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BrokerLevel } from '../broker-training.policy';

/** A training base's broker course: a level and the hours each module takes. */
@Check('broker_course_level_check', `(level = ANY (ARRAY['junior'::text, 'intermediate'::text, 'senior'::text]))`)
@Check('broker_course_hours_check', `((hours_general >= 0) AND (hours_policy >= 0) AND (hours_practice >= 0) AND (hours_capability >= 0) AND ((((hours_general + hours_policy) + hours_practice) + hours_capability) > 0))`)
@ForeignKey('organisation', ['training_base_id'], ['id'], { name: 'broker_course_training_base_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_broker_course_base', ['trainingBaseId', 'createdAt'])
@Entity('broker_course')
export class BrokerCourse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'training_base_id', type: 'uuid' })
  trainingBaseId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  level!: BrokerLevel;

  @Column({ name: 'hours_general', type: 'integer' })
  hoursGeneral!: number;

  @Column({ name: 'hours_policy', type: 'integer' })
  hoursPolicy!: number;

  @Column({ name: 'hours_practice', type: 'integer' })
  hoursPractice!: number;

  @Column({ name: 'hours_capability', type: 'integer' })
  hoursCapability!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
