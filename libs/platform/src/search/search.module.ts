import { Global, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { JobName } from '../queue/job-catalogue';
import { JobHandler } from '../queue/job-handler.decorator';
import { ChineseTokenizer } from './chinese-tokenizer';
import { createSearchIndex } from './index';
import { SEARCH_INDEX, SearchIndex } from './search-index.port';
import { EmbeddedSearchIndex } from './embedded/embedded-search-index';
import { SearchIndexer } from './search-indexer';
import { SearchRebuilder } from './search-rebuild';
import { searchDuration, timed } from '../observability/metrics';

/** Every search's latency by index and engine (techbridge_search_duration_seconds); the instance keeps its class. */
function timeSearches(engine: SearchIndex): SearchIndex {
  const search = engine.search.bind(engine);
  const histogram = searchDuration();
  engine.search = ((index: string, query: unknown) =>
    timed((s) => histogram.observe({ index, engine: engine.engine }, s), () => search(index, query as never))) as SearchIndex['search'];
  return engine;
}

@Injectable()
export class SearchSettingsBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly config: AppConfig,
  ) {}

  /**
   * Every index's settings, applied and waited for (idempotent: unchanged settings change nothing). A process must not
   * serve or index with settings the engine refused, so a failure stops the start with the reason.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.indexer.applySettings();
    } catch (error) {
      const where = this.indexer.engine.engine === 'meilisearch' ? `Meilisearch at ${this.config.MEILI_HOST}` : 'the embedded engine (PostgreSQL)';
      throw new Error(
        `search settings could not be applied on ${where}: ${error instanceof Error ? error.message : String(error)}. ` +
          'The process stops rather than search with wrong settings; check that the engine is reachable, MEILI_API_KEY and the Meilisearch version (see README), then start again.',
        { cause: error },
      );
    }
  }

  /**
   * The embedded engine loads an index into memory on its first search (tens of seconds at 100k documents);
   * the api calls this after start so the first user does not pay for it. The worker never searches much, so it skips it.
   */
  warmUp(engine: SearchIndex): void {
    if (!(engine instanceof EmbeddedSearchIndex)) return;
    for (const index of this.indexer.indexes()) void engine.preload(index).catch(() => undefined);
  }
}

/** A removal's tombstone fences off late deliveries of older versions; none arrives a day late (the outbox lease is a minute). */
export const SEARCH_TOMBSTONE_RETENTION_MS = 24 * 3600_000;

@Injectable()
export class SearchMaintenanceJobs {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly rebuilder: SearchRebuilder,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.ReconcileSearchIndex)
  async reconcile(payload: { index?: string }): Promise<unknown> {
    return payload.index ? [await this.indexer.reconcile(payload.index)] : this.indexer.reconcileAll();
  }

  @JobHandler(JobName.RebuildSearchIndex)
  rebuild(payload: { index: string }): Promise<unknown> {
    return this.rebuilder.rebuild(payload.index);
  }

  @JobHandler(JobName.PurgeSearchTombstones)
  purgeTombstones(): Promise<Record<string, number>> {
    return this.indexer.purgeTombstones(new Date(this.clock.now().getTime() - SEARCH_TOMBSTONE_RETENTION_MS));
  }
}

@Global()
@Module({
  providers: [
    { provide: ChineseTokenizer, useFactory: () => new ChineseTokenizer() },
    {
      provide: SEARCH_INDEX,
      inject: [AppConfig, DataSource, ChineseTokenizer],
      useFactory: (config: AppConfig, dataSource: DataSource, tokenizer: ChineseTokenizer) =>
        timeSearches(createSearchIndex({ meiliHost: config.MEILI_HOST, meiliApiKey: config.MEILI_API_KEY, dataSource, tokenizer })),
    },
    SearchIndexer,
    SearchRebuilder,
    SearchSettingsBootstrap,
    SearchMaintenanceJobs,
  ],
  exports: [SEARCH_INDEX, SearchIndexer, SearchRebuilder, ChineseTokenizer],
})
export class SearchModule {}
