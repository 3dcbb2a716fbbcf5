import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('achievement_attachment')
export class AchievementAttachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'achievement_id', type: 'uuid' }) achievementId!: string;
  @Column({ name: 'file_key', type: 'text' }) fileKey!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size!: number;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
