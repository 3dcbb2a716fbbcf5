import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { IndexedVersion } from '@techbridge/platform';
import type { ArticleKind, ArticleStatus } from './content.state-machine';
import { ArticleAttachment } from './entities/article-attachment.entity';
import { Article } from './entities/article.entity';

/** The only code of the content context that touches TypeORM. */
@Injectable()
export class ContentRepository {
  findArticle(m: EntityManager, id: string, lock = false): Promise<Article | null> {
    return m.getRepository(Article).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findArticles(m: EntityManager, ids: string[]): Promise<Article[]> {
    return ids.length ? m.getRepository(Article).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  saveArticle(m: EntityManager, a: Partial<Article>): Promise<Article> {
    return m.getRepository(Article).save(m.getRepository(Article).create(a));
  }

  /**
   * Newest first: published ones by publication, drafts by their last change. `repealedPolicies` adds the archived
   * policy texts (the public list shows them marked 已废止).
   */
  listArticles(
    m: EntityManager, where: { statuses: ArticleStatus[]; kind?: ArticleKind; repealedPolicies?: boolean }, skip: number, take: number,
  ): Promise<[Article[], number]> {
    const kind = where.kind ? { kind: where.kind } : {};
    const repealed = where.repealedPolicies && (!where.kind || where.kind === 'policy') ? [{ status: 'archived' as const, kind: 'policy' as const }] : [];
    return m.getRepository(Article).findAndCount({
      where: [{ status: In(where.statuses), ...kind }, ...repealed],
      order: { publishedAt: { direction: 'DESC', nulls: 'LAST' }, updatedAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  /** Published interpretations (线上解读) of a policy, newest first. */
  listInterpretations(m: EntityManager, policyId: string): Promise<Article[]> {
    return m.getRepository(Article).find({ where: { policyId, kind: 'interpretation', status: 'published' }, order: { publishedAt: 'DESC', id: 'ASC' }, take: 20 });
  }

  /** What the public reads: published articles and repealed (archived) policy texts. */
  async listIndexable(m: EntityManager): Promise<IndexedVersion[]> {
    const rows = await m.getRepository(Article).find({ where: [{ status: 'published' }, { status: 'archived', kind: 'policy' }], select: { id: true, version: true } });
    return rows.map((r) => ({ id: r.id, version: r.version }));
  }

  async versionsByIds(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    const rows = await m.getRepository(Article).find({ where: { id: In(ids) }, select: { id: true, version: true } });
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  listAttachments(m: EntityManager, articleIds: string[]): Promise<ArticleAttachment[]> {
    return articleIds.length ? m.getRepository(ArticleAttachment).find({ where: { articleId: In(articleIds) }, order: { createdAt: 'ASC', id: 'ASC' } }) : Promise.resolve([]);
  }

  countAttachments(m: EntityManager, articleId: string): Promise<number> {
    return m.getRepository(ArticleAttachment).count({ where: { articleId } });
  }

  findAttachment(m: EntityManager, articleId: string, id: string): Promise<ArticleAttachment | null> {
    return m.getRepository(ArticleAttachment).findOne({ where: { id, articleId } });
  }

  saveAttachment(m: EntityManager, a: Partial<ArticleAttachment>): Promise<ArticleAttachment> {
    return m.getRepository(ArticleAttachment).save(m.getRepository(ArticleAttachment).create(a));
  }

  async deleteAttachment(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(ArticleAttachment).delete({ id });
  }
}
