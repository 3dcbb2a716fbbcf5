import { StateMachine } from '@techbridge/platform';

export const ARTICLE_KINDS = ['policy', 'interpretation', 'announcement', 'success-story'] as const;
/** 政策文件, 政策解读 (线上解读), 通知公告, 成功案例. */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_ACTIONS = ['publish', 'archive', 'restore'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/** draft → published → archived; an archived text can be restored to a draft, revised and published again. */
export const ARTICLE_LIFECYCLE = new StateMachine<ArticleStatus, ArticleAction>('content article', {
  publish: { from: ['draft'], to: 'published' },
  archive: { from: ['published'], to: 'archived' },
  restore: { from: ['archived'], to: 'draft' },
});

/** Archived texts are frozen: restore one to a draft to change it. */
export const EDITABLE_ARTICLE_STATUSES: ArticleStatus[] = ['draft', 'published'];

/**
 * What the public reads: published articles, and repealed policy texts (an archived policy stays on the site marked
 * 已废止 with its date, as government policy libraries keep them); other archived texts leave the site.
 */
export function isPubliclyReadable(a: { kind: ArticleKind; status: ArticleStatus }): boolean {
  return a.status === 'published' || (a.status === 'archived' && a.kind === 'policy');
}
