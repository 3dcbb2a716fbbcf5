import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EmailCategory } from '../email/email-categories';

/** A user's choice for one category of notifications by e-mail; no row = the default (on). */
@Check('notification_email_preference_category_check', `category IN ('matches', 'alerts', 'demands', 'roadshows', 'contracts', 'other')`)
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'notification_email_preference_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('notification_email_preference')
@Index('ux_notification_email_preference', ['userId', 'category'], { unique: true })
export class EmailPreference {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  category!: EmailCategory;

  @Column({ type: 'boolean' })
  email!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
