import type { DataSource } from 'typeorm';
import type { ChineseTokenizer } from './chinese-tokenizer';
import { EmbeddedSearchIndex } from './embedded/embedded-search-index';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-search-index';
import type { SearchIndex } from './search-index.port';

export interface SearchIndexFactoryOptions {
  meiliHost?: string;
  meiliApiKey?: string;
  dataSource: DataSource;
  tokenizer: ChineseTokenizer;
}

/** Meilisearch when a host is configured, otherwise the embedded engine on PostgreSQL. */
export function createSearchIndex(opts: SearchIndexFactoryOptions): SearchIndex {
  // Both engines get the one tokenizer: the same words, sub-words and stop words on both sides.
  if (opts.meiliHost) return new MeilisearchSearchIndex({ host: opts.meiliHost, apiKey: opts.meiliApiKey || undefined, tokenizer: opts.tokenizer });
  return new EmbeddedSearchIndex(opts.dataSource, opts.tokenizer);
}
