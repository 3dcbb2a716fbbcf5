import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

@Index('ix_achievement_attachment', ['achievementId'])
@Check('achievement_attachment_content_type_check', `(content_type = ANY (ARRAY['application/pdf'::text, 'image/png'::text, 'image/jpeg'::text, 'image/gif'::text, 'image/webp'::text]))`)
@Check('achievement_attachment_size_check', `((size > 0) AND (size <= 20971520))`)
@ForeignKey('achievement', ['achievement_id'], ['id'], { name: 'achievement_attachment_achievement_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
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
