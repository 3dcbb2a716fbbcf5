import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, OutboxService, Page, pageOf, SEARCH_INDEX, SearchFilter, SearchIndex, skipTake, TransactionRunner } from '@techbridge/platform';
import { ArticlePermission, ContentAccessPolicy, isContentAdministrator } from './content-access.policy';
import { ContentRepository } from './content.repository';
import { ContentErrors } from './content.exception';
import { ArticleDocument, CONTENT_INDEX } from './content.projection';
import { ARTICLE_LIFECYCLE, ArticleAction, EDITABLE_ARTICLE_STATUSES, isPubliclyReadable } from './content.state-machine';
import {
  ArticleListQuery, ArticleResponse, ArticleSummaryResponse, CreateArticleDto, ManagedArticleListQuery, mapArticleSummary, mapAttachment, UpdateArticleDto,
} from './dto/content.dto';
import { Article } from './entities/article.entity';
import { plainTextOf, sanitizeRichText } from './rich-text';

const SUMMARY_CHARS = 160;

/** Policies and news: administrators write and publish, everyone reads what is published and searches it. */
@Injectable()
export class ContentService {
  constructor(
    private readonly repo: ContentRepository,
    private readonly access: ContentAccessPolicy,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  /**
   * Published articles and repealed policies (marked), newest first; with words, ranked by the search engine
   * (titles before bodies).
   */
  async listPublished(q: ArticleListQuery): Promise<Page<ArticleSummaryResponse>> {
    const words = q.q?.trim();
    if (words) return this.searchPublished(words, q);
    const [rows, total] = await this.repo.listArticles(this.tx.manager, { statuses: ['published'], kind: q.kind, repealedPolicies: true }, skipTake(q).skip, skipTake(q).take);
    return pageOf(rows.map(mapArticleSummary), total, q);
  }

  private async searchPublished(words: string, q: ArticleListQuery): Promise<Page<ArticleSummaryResponse>> {
    const filter: SearchFilter | undefined = q.kind ? { field: 'kind', eq: q.kind } : undefined;
    const res = await this.search.search<ArticleDocument>(CONTENT_INDEX, {
      q: words, filter, offset: (q.page - 1) * q.pageSize, limit: q.pageSize, highlight: ['title', 'summary'], matchingStrategy: 'all',
    });
    // The index is a projection: the rows give the current title and state (a text withdrawn a moment ago is dropped).
    const rows = new Map((await this.repo.findArticles(this.tx.manager, res.hits.map((h) => h.document.id))).map((a) => [a.id, a]));
    const items = res.hits.flatMap(({ document, highlights }) => {
      const a = rows.get(document.id);
      return a && isPubliclyReadable(a) ? [{ ...mapArticleSummary(a), highlights }] : [];
    });
    return pageOf(items, res.total, q);
  }

  async listManaged(q: ManagedArticleListQuery): Promise<Page<ArticleSummaryResponse>> {
    const statuses = q.status ? [q.status] : (['draft', 'published', 'archived'] as const).slice();
    const [rows, total] = await this.repo.listArticles(this.tx.manager, { statuses, kind: q.kind }, skipTake(q).skip, skipTake(q).take);
    return pageOf(rows.map(mapArticleSummary), total, q);
  }

  async get(actor: Actor | null, id: string): Promise<ArticleResponse> {
    const a = await this.access.requireArticle(this.tx.manager, actor, ArticlePermission.Read, id);
    return this.view(this.tx.manager, actor, a);
  }

  async create(actor: Actor, dto: CreateArticleDto): Promise<ArticleResponse> {
    return this.tx.run(async (m) => {
      const policyId = await this.checkPolicy(m, dto.kind, dto.policyId ?? null, null);
      const bodyHtml = sanitizeRichText(dto.bodyHtml);
      const bodyText = plainTextOf(bodyHtml);
      const a = await this.repo.saveArticle(m, {
        kind: dto.kind, status: 'draft', title: dto.title.trim(), summary: summaryOf(dto.summary, bodyText), bodyHtml, bodyText,
        source: dto.source?.trim() || null, policyId, createdBy: actor.userId,
      });
      await this.identity.audit(m, actor, { action: 'content.create', entityType: 'content-article', entityId: a.id, changes: { kind: a.kind, title: a.title } });
      return this.view(m, actor, a);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateArticleDto): Promise<ArticleResponse> {
    return this.tx.run(async (m) => {
      const a = await this.access.requireArticle(m, actor, ArticlePermission.Manage, id, true);
      if (!EDITABLE_ARTICLE_STATUSES.includes(a.status)) ARTICLE_LIFECYCLE.assert(a.status, 'publish'); // archived: 409 with the current state
      if (dto.policyId !== undefined) a.policyId = await this.checkPolicy(m, a.kind, dto.policyId, a.id);
      if (dto.title !== undefined) a.title = dto.title.trim();
      if (dto.bodyHtml !== undefined) {
        a.bodyHtml = sanitizeRichText(dto.bodyHtml);
        a.bodyText = plainTextOf(a.bodyHtml);
      }
      if (dto.summary !== undefined || dto.bodyHtml !== undefined) a.summary = summaryOf(dto.summary ?? a.summary, a.bodyText);
      if (dto.source !== undefined) a.source = dto.source.trim() || null;
      a.version += 1;
      const saved = await this.repo.saveArticle(m, a);
      if (saved.status === 'published') await this.outbox.indexChanged(m, CONTENT_INDEX, saved.id);
      await this.identity.audit(m, actor, { action: 'content.update', entityType: 'content-article', entityId: a.id, changes: { fields: Object.keys(dto) } });
      return this.view(m, actor, saved);
    });
  }

  async transition(actor: Actor, id: string, action: ArticleAction): Promise<ArticleResponse> {
    return this.tx.run(async (m) => {
      const a = await this.access.requireArticle(m, actor, ArticlePermission.Manage, id, true);
      const from = a.status;
      a.status = ARTICLE_LIFECYCLE.next(from, action, a.id);
      if (action === 'publish') a.publishedAt = this.clock.now();
      // Archiving a policy repeals it: the date shows beside 已废止. Restoring makes it a draft again.
      a.archivedAt = action === 'archive' ? this.clock.now() : null;
      a.version += 1;
      const saved = await this.repo.saveArticle(m, a);
      // Publishing adds it to the index; archiving removes it, except a policy, which stays as repealed (the projection decides).
      await this.outbox.indexChanged(m, CONTENT_INDEX, saved.id);
      await this.identity.audit(m, actor, { action: `content.${action}`, entityType: 'content-article', entityId: a.id, changes: { from, to: saved.status } });
      return this.view(m, actor, saved);
    });
  }

  /** Only an interpretation names a policy, and it must be a policy text other than itself. */
  private async checkPolicy(m: EntityManager, kind: Article['kind'], policyId: string | null, selfId: string | null): Promise<string | null> {
    if (!policyId) return null;
    if (kind !== 'interpretation' || policyId === selfId) throw ContentErrors.policyNotFound();
    const policy = await this.repo.findArticle(m, policyId);
    if (!policy || policy.kind !== 'policy') throw ContentErrors.policyNotFound();
    return policy.id;
  }

  private async view(m: EntityManager, actor: Actor | null, a: Article): Promise<ArticleResponse> {
    const [files, interpretations] = await Promise.all([
      this.repo.listAttachments(m, [a.id]),
      a.kind === 'policy' ? this.repo.listInterpretations(m, a.id) : Promise.resolve([]),
    ]);
    return {
      ...mapArticleSummary(a),
      bodyHtml: a.bodyHtml,
      attachments: files.map(mapAttachment),
      allowedActions: isContentAdministrator(actor) ? ARTICLE_LIFECYCLE.allowed(a.status) : [],
      interpretations: interpretations.map(mapArticleSummary),
    };
  }
}

function summaryOf(given: string | undefined, bodyText: string): string {
  const s = given?.trim();
  if (s) return s;
  return bodyText.length > SUMMARY_CHARS ? `${bodyText.slice(0, SUMMARY_CHARS)}…` : bodyText;
}
