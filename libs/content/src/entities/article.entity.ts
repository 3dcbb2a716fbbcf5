import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ArticleKind, ArticleStatus } from '../content.state-machine';

/** A policy text, its interpretation (线上解读), an announcement or a success story, written by platform administrators. */
@Check('content_article_kind_check', `kind IN ('policy', 'interpretation', 'announcement', 'success-story')`)
@Check('content_article_status_check', `status IN ('draft', 'published', 'archived')`)
@ForeignKey('content_article', ['policy_id'], ['id'], { name: 'content_article_policy_id_fkey', onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
@Entity('content_article')
@Index('ix_content_article_listing', ['status', 'kind', 'publishedAt'])
export class Article {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: ArticleKind;

  @Column({ type: 'text', default: 'draft' })
  status!: ArticleStatus;

  @Column({ type: 'text' })
  title!: string;

  /** A plain-text lead for lists and search results. */
  @Column({ type: 'text', default: '' })
  summary!: string;

  /** Rich text, sanitised on the way in (an allow-list of tags and attributes): safe to render as HTML. */
  @Column({ name: 'body_html', type: 'text', default: '' })
  bodyHtml!: string;

  /** The body without markup, for the search index. */
  @Column({ name: 'body_text', type: 'text', default: '' })
  bodyText!: string;

  /** Issuing body and document number of a policy (发文机关、文号), or where a notice comes from. */
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  /** The policy an interpretation explains. */
  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  policyId!: string | null;

  /** Bumped on every change: the search index applies only newer versions. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** When it was archived; for a policy text the date it was repealed (废止), shown beside the 已废止 mark. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
