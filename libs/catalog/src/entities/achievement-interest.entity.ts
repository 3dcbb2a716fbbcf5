import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** One user's expressed interest in an achievement (counted once per user). */
@ForeignKey('achievement', ['achievement_id'], ['id'], { name: 'achievement_interest_achievement_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('achievement_interest')
export class AchievementInterest {
  @PrimaryColumn({ name: 'achievement_id', type: 'uuid' }) achievementId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
