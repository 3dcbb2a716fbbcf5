import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A file published with an article (the policy's PDF, a scanned notice): bytes behind FileStorage, the row here. */
@ForeignKey('content_article', ['article_id'], ['id'], { name: 'content_attachment_article_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Entity('content_attachment')
@Index('ix_content_attachment_article', ['articleId', 'createdAt'])
export class ArticleAttachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId!: string;

  @Column({ name: 'file_key', type: 'text' })
  fileKey!: string;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
