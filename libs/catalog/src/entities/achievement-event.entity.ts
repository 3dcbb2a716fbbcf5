import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One lifecycle step of an achievement (submit, approve, return with comments, ...): the review history. */
@Index('ix_achievement_event', ['achievementId', 'id'])
@Index('ix_achievement_event_import', ['comment', 'achievementId'], { where: `(action = 'import'::text)` })
@ForeignKey('achievement', ['achievement_id'], ['id'], { name: 'achievement_event_achievement_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('achievement_event')
export class AchievementEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'achievement_id', type: 'uuid' }) achievementId!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'from_status', type: 'text' }) fromStatus!: string;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: string;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
