import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app message to a user, or to every member of an organisation, with read state. */
@Check('notification_check', `((recipient_user_id IS NOT NULL) OR (recipient_org_id IS NOT NULL))`)
@ForeignKey('app_user', ['recipient_user_id'], ['id'], { name: 'notification_recipient_user_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('organisation', ['recipient_org_id'], ['id'], { name: 'notification_recipient_org_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('notification')
@Index('ix_notification_user', ['recipientUserId', 'createdAt'])
@Index('ix_notification_org', ['recipientOrgId', 'createdAt'])
@Index('ux_notification_dedupe', ['dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ name: 'recipient_org_id', type: 'uuid', nullable: true })
  recipientOrgId!: string | null;

  /** e.g. `match.suggested`, `meeting.reminder`, `registration.deadline`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ name: 'body_zh', type: 'text', default: '' })
  bodyZh!: string;

  @Column({ name: 'body_en', type: 'text', default: '' })
  bodyEn!: string;

  /** Portal path the notification points at, e.g. `/demands/<id>/matches`. */
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  /** Makes a retried job's notification idempotent. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey!: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
