import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One notification e-mailed to one user: written right after the server accepts it, so a retried job skips those
 * already sent (a crash between the two sends that one again: at least once, never lost).
 */
@ForeignKey('notification', ['notification_id'], ['id'], { name: 'notification_email_notification_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('app_user', ['user_id'], ['id'], { name: 'notification_email_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('notification_email')
@Index('ux_notification_email_recipient', ['notificationId', 'userId'], { unique: true })
export class NotificationEmail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
