export * from './search-index.port';
export { ChineseTokenizer, DOMAIN_DICTIONARY_PATH } from './chinese-tokenizer';
export type { ChineseTokenizerOptions, HighlightTags } from './chinese-tokenizer';
export { EmbeddedSearchIndex } from './embedded/embedded-search-index';
export { MeilisearchSearchIndex } from './meilisearch/meilisearch-search-index';
export type { MeilisearchSearchIndexOptions } from './meilisearch/meilisearch-search-index';
export { createSearchIndex } from './search-index.factory';
export type { SearchIndexFactoryOptions } from './search-index.factory';
export { engineSettings, SEARCH_FIELDS, searchFieldOf, withSearchFields, withoutSearchFields } from './search-fields';
