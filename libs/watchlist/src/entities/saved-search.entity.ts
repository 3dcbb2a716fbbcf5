import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SavedSearchCriteria, WatchSubject } from '../saved-search-criteria';

/** A user's search of achievements or demands, kept to run again and to alert on new listings it finds. */
@Check('saved_search_subject_check', `subject IN ('achievement', 'demand')`)
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'saved_search_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('saved_search')
@Index('ix_saved_search_user', ['userId', 'createdAt'])
@Index('ix_saved_search_alerting', ['subject'], { where: 'alert' })
export class SavedSearch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  subject!: WatchSubject;

  @Column({ type: 'text' })
  name!: string;

  /** The search page's query: free text and filters of that subject only. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  criteria!: SavedSearchCriteria;

  /** Notify (in-app, and by e-mail if the user wants alerts by e-mail) when a new listing matches. */
  @Column({ type: 'boolean', default: true })
  alert!: boolean;

  @Column({ name: 'last_alerted_at', type: 'timestamptz', nullable: true })
  lastAlertedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
