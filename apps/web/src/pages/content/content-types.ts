import type { components } from '../../api/schema.gen';
import type { MessageKey } from '../../i18n';

export type ArticleSummary = components['schemas']['ArticleSummaryResponse'];
export type Article = components['schemas']['ArticleResponse'];
export type ArticleKind = Article['kind'];
export type ArticlePage = components['schemas']['ArticlePageResponse'];

export const ARTICLE_KINDS: ArticleKind[] = ['policy', 'interpretation', 'announcement', 'success-story'];

export const kindLabel = (k: ArticleKind): MessageKey => `content.kind.${k}` as MessageKey;
