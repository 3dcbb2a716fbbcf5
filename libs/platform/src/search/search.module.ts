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

@Injectable()
export class SearchSettingsBootstrap implements OnApplicationBootstrap {
  constructor(private readonly indexer: SearchIndexer) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.indexer.applySettings();
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
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.ReconcileSearchIndex)
  async reconcile(payload: { index?: string }): Promise<unknown> {
    return payload.index ? [await this.indexer.reconcile(payload.index)] : this.indexer.reconcileAll();
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
        createSearchIndex({ meiliHost: config.MEILI_HOST, meiliApiKey: config.MEILI_API_KEY, dataSource, tokenizer }),
    },
    SearchIndexer,
    SearchSettingsBootstrap,
    SearchMaintenanceJobs,
  ],
  exports: [SEARCH_INDEX, SearchIndexer, ChineseTokenizer],
})
export class SearchModule {}
