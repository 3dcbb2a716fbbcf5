import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { loadConfig, PlatformModule, RebuildProgress, runMigrations, SearchIndexer, SearchRebuilder } from '@techbridge/platform';
import { CONTEXT_MODULES } from '../apps/api/src/context-modules';

/**
 * `npm run search:reindex [-- <index> …]` (every registered index when none is named): fills a fresh index from
 * PostgreSQL with the current settings and segmentation and swaps it in (Meilisearch's swap-indexes; the embedded
 * engine swaps names the same way), so a settings or dictionary change never leaves a half-built index serving.
 * Reads the same environment as the api and the worker (DATABASE_URL, REDIS_URL, MEILI_HOST …). Runs no jobs.
 * In the container: `node dist/scripts/search-reindex.js [index …]`.
 */
@Module({})
class ReindexModule {
  static forRoot(config: ReturnType<typeof loadConfig>): DynamicModule {
    return { module: ReindexModule, imports: [LoggerModule.forRoot({ pinoHttp: { level: 'warn' } }), PlatformModule.forRoot({ config }), ...CONTEXT_MODULES] };
  }
}

function progressLine(p: RebuildProgress): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.done / p.elapsedMs) * 1000) : 0;
  return `reindex ${p.index}: ${p.done}/${p.total} (${p.total ? Math.round((100 * p.done) / p.total) : 100}%) ${(p.elapsedMs / 1000).toFixed(1)} s, ${rate} documents/s`;
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await runMigrations(config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(ReindexModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const indexer = app.get(SearchIndexer);
    const rebuilder = app.get(SearchRebuilder);
    const wanted = process.argv.slice(2);
    const unknown = wanted.filter((i) => !indexer.indexes().includes(i));
    if (unknown.length) throw new Error(`unknown index ${unknown.join(', ')}; indexes: ${indexer.indexes().join(', ')}`);
    console.log(`search engine: ${indexer.engine.engine}`);
    for (const index of wanted.length ? wanted : indexer.indexes()) {
      let shown = -1;
      const report = await rebuilder.rebuild(index, (p) => {
        // About every 5%, and the last page.
        const step = Math.floor((20 * p.done) / Math.max(1, p.total));
        if (step !== shown || p.done === p.total) console.log(progressLine(p));
        shown = step;
      });
      const rate = report.seconds > 0 ? Math.round(report.documents / report.seconds) : report.documents;
      const r = report.repaired;
      console.log(
        `reindex ${index}: ${report.documents} documents rebuilt and swapped in ${report.seconds} s (${rate} documents/s; ` +
          `fill ${report.phases.fill} s, load ${report.phases.load} s, swap and drop ${report.phases.swap} s, reconcile ${report.phases.reconcile} s); ` +
          `changed meanwhile and repaired: ${r.missing} missing, ${r.stale} stale, ${r.orphaned} orphaned`,
      );
    }
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
