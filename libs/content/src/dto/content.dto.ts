import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '@techbridge/platform';
import { ARTICLE_ACTIONS, ARTICLE_KINDS, ARTICLE_STATUSES, ArticleAction, ArticleKind, ArticleStatus } from '../content.state-machine';
import { ArticleAttachment } from '../entities/article-attachment.entity';
import { Article } from '../entities/article.entity';

export const BODY_MAX_CHARS = 200_000;

export class CreateArticleDto {
  @ApiProperty({ enum: ARTICLE_KINDS, description: 'policy 政策文件, interpretation 政策解读, announcement 通知公告, success-story 成功案例' })
  @IsIn([...ARTICLE_KINDS])
  kind!: ArticleKind;

  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @ApiPropertyOptional({ maxLength: 500, description: 'Plain text; the beginning of the body when empty' }) @IsOptional() @IsString() @MaxLength(500) summary?: string;
  @ApiProperty({ maxLength: BODY_MAX_CHARS, description: 'Rich text (HTML); sanitised: scripts, styles and handlers are removed' })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX_CHARS)
  bodyHtml!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Issuing body and document number (发文机关、文号)' }) @IsOptional() @IsString() @MaxLength(200) source?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Interpretations: the policy text explained' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  policyId?: string | null;
}

export class UpdateArticleDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) summary?: string;
  @ApiPropertyOptional({ maxLength: BODY_MAX_CHARS }) @IsOptional() @IsString() @MinLength(1) @MaxLength(BODY_MAX_CHARS) bodyHtml?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) source?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() policyId?: string | null;
}

export class ArticleTransitionDto {
  @ApiProperty({ enum: ARTICLE_ACTIONS }) @IsIn([...ARTICLE_ACTIONS]) action!: ArticleAction;
}

export class ArticleListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ARTICLE_KINDS }) @IsOptional() @IsIn([...ARTICLE_KINDS]) kind?: ArticleKind;
  @ApiPropertyOptional({ maxLength: 100, description: 'Words to search in titles, summaries, bodies and sources' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class ManagedArticleListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ARTICLE_KINDS }) @IsOptional() @IsIn([...ARTICLE_KINDS]) kind?: ArticleKind;
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES }) @IsOptional() @IsIn([...ARTICLE_STATUSES]) status?: ArticleStatus;
}

export class ArticleAttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() createdAt!: string;
}

export class ArticleSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ARTICLE_KINDS }) kind!: ArticleKind;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status!: ArticleStatus;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ type: String, nullable: true }) policyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'A policy text repealed (已废止) on this date: it stays readable, marked; null otherwise' })
  repealedAt!: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, description: 'Search only: matched words wrapped in <em>…</em>' })
  highlights?: Record<string, string | string[]>;
}

export class ArticleResponse extends ArticleSummaryResponse {
  @ApiProperty({ description: 'Sanitised HTML' }) bodyHtml!: string;
  @ApiProperty({ type: [ArticleAttachmentResponse] }) attachments!: ArticleAttachmentResponse[];
  @ApiProperty({ type: [String], enum: ARTICLE_ACTIONS, description: 'Steps an administrator may take now' }) allowedActions!: ArticleAction[];
  @ApiProperty({ type: [ArticleSummaryResponse], description: 'Published interpretations of this policy' }) interpretations!: ArticleSummaryResponse[];
}

export class ArticlePageResponse {
  @ApiProperty({ type: [ArticleSummaryResponse] }) items!: ArticleSummaryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapArticleSummary(a: Article): ArticleSummaryResponse {
  return {
    id: a.id, kind: a.kind, status: a.status, title: a.title, summary: a.summary, source: a.source, policyId: a.policyId,
    publishedAt: a.publishedAt ? a.publishedAt.toISOString() : null, updatedAt: a.updatedAt.toISOString(),
    repealedAt: a.kind === 'policy' && a.status === 'archived' && a.archivedAt ? a.archivedAt.toISOString() : null,
  };
}

export function mapAttachment(f: ArticleAttachment): ArticleAttachmentResponse {
  return { id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, createdAt: f.createdAt.toISOString() };
}
