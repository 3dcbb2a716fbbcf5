import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WatchSubject } from '../saved-search-criteria';

/** An achievement or demand a user keeps in their favourites (收藏). The target lives in another context: no foreign key. */
@Check('favourite_subject_check', `subject IN ('achievement', 'demand')`)
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'favourite_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('favourite')
@Index('ux_favourite_target', ['userId', 'subject', 'targetId'], { unique: true })
@Index('ix_favourite_user', ['userId', 'createdAt'])
export class Favourite {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  subject!: WatchSubject;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
