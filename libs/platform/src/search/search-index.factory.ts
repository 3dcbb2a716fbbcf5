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
  if (opts.meiliHost) {
    const { tokenizer } = opts;
    // The same domain words and stop words, so both engines segment and drop alike.
    return new MeilisearchSearchIndex({
      host: opts.meiliHost,
      apiKey: opts.meiliApiKey || undefined,
      dictionary: () => tokenizer.dictionaryWords(),
      stopWords: tokenizer.stopWordList(),
    });
  }
  return new EmbeddedSearchIndex(opts.dataSource, opts.tokenizer);
}
