import type { AppConfig } from '../config/app-config';
import type { SearchIndexer } from './search-indexer';
import { SearchSettingsBootstrap } from './search.module';

describe('SearchSettingsBootstrap', () => {
  const config = { MEILI_HOST: 'http://meilisearch:7700' } as AppConfig;

  it('applies every index\'s settings at start and waits for them', async () => {
    const applySettings = jest.fn().mockResolvedValue(undefined);
    await new SearchSettingsBootstrap({ applySettings, engine: { engine: 'meilisearch' } } as unknown as SearchIndexer, config).onApplicationBootstrap();
    expect(applySettings).toHaveBeenCalledWith();
  });

  it('stops the start with where and why when the engine refuses or cannot be reached', async () => {
    const indexer = { applySettings: jest.fn().mockRejectedValue(new Error('fetch failed: connect ECONNREFUSED')), engine: { engine: 'meilisearch' } } as unknown as SearchIndexer;
    await expect(new SearchSettingsBootstrap(indexer, config).onApplicationBootstrap()).rejects.toThrow(
      /search settings could not be applied on Meilisearch at http:\/\/meilisearch:7700: fetch failed: connect ECONNREFUSED\. The process stops/,
    );
  });
});
