import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '@techbridge/platform';
import { ContentRepository } from './content.repository';
import { ContentErrors } from './content.exception';
import { isPubliclyReadable } from './content.state-machine';
import { Article } from './entities/article.entity';

export enum ArticlePermission {
  /** Anyone reads a published article or a repealed policy; drafts and other archived texts only platform administrators. */
  Read = 'read',
  /** Write, publish, archive, attach: platform administrators. */
  Manage = 'manage',
}

export function isContentAdministrator(actor: Actor | null): boolean {
  return !!actor?.roles.includes(Role.PlatformAdmin);
}

/** The object checks of the content context in one place: the article, or 404 when the caller may not see it. */
@Injectable()
export class ContentAccessPolicy {
  constructor(private readonly repo: ContentRepository) {}

  async requireArticle(m: EntityManager, actor: Actor | null, permission: ArticlePermission, id: string, lock = false): Promise<Article> {
    const a = await this.repo.findArticle(m, id, lock);
    if (!a) throw ContentErrors.articleNotFound();
    if (isContentAdministrator(actor)) return a;
    if (permission === ArticlePermission.Read && isPubliclyReadable(a)) return a;
    throw ContentErrors.articleNotFound();
  }
}
