import { Injectable, OnModuleInit } from '@nestjs/common';
import { IndexedVersion, IndexSettings, SearchIndexer, SearchProjection, TransactionRunner } from '@techbridge/platform';
import { ContentRepository } from './content.repository';
import { ArticleKind, isPubliclyReadable } from './content.state-machine';
import { Article } from './entities/article.entity';

export const CONTENT_INDEX = 'content';

/** The `content` index document: what the public reads (published articles and repealed policies), so public search needs no visibility filter. */
export interface ArticleDocument {
  [key: string]: unknown;
  id: string;
  version: number;
  kind: ArticleKind;
  title: string;
  summary: string;
  body: string;
  source: string;
  policyId: string | null;
  /** epoch ms */
  publishedAt: number;
}

export const CONTENT_INDEX_SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'summary', 'source', 'body'],
  filterableAttributes: ['kind', 'policyId'],
  sortableAttributes: ['publishedAt'],
};

export function projectArticle(a: Article): ArticleDocument {
  return {
    id: a.id, version: a.version, kind: a.kind, title: a.title, summary: a.summary, body: a.bodyText, source: a.source ?? '', policyId: a.policyId,
    publishedAt: (a.publishedAt ?? a.updatedAt).getTime(),
  };
}

@Injectable()
export class ContentProjection implements SearchProjection<ArticleDocument>, OnModuleInit {
  readonly index = CONTENT_INDEX;

  constructor(
    private readonly indexer: SearchIndexer,
    private readonly repo: ContentRepository,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.indexer.register(this);
  }

  settings(): IndexSettings {
    return CONTENT_INDEX_SETTINGS;
  }

  async load(ids: string[]): Promise<Map<string, ArticleDocument | null>> {
    const rows = await this.repo.findArticles(this.tx.manager, ids);
    return new Map(rows.map((a) => [a.id, isPubliclyReadable(a) ? projectArticle(a) : null]));
  }

  listIndexable(): Promise<IndexedVersion[]> {
    return this.repo.listIndexable(this.tx.manager);
  }

  versions(ids: string[]): Promise<Map<string, number>> {
    return this.repo.versionsByIds(this.tx.manager, ids);
  }
}
