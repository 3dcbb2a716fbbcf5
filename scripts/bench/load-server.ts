import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import * as os from 'node:os';
import * as path from 'node:path';
import { configureHttpApp, EmbeddedSearchIndex, fastifyOptions, loadConfig, SEARCH_INDEX, SearchIndex } from '@techbridge/platform';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The api process alone for bench:load, on 127.0.0.1 and an ephemeral port: no worker, no relay, logs off, the
 * embedded index loaded before the port is announced to the parent (process.send) so no request pays for it.
 */
async function main(): Promise<void> {
  const database = process.env.BENCH_DB ?? 'tb_bench_load';
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_ACCESS_SECRET: 'bench-secret-0123456789abcdef',
    QUEUE_PREFIX: `tbbench_${database}`,
    LOG_LEVEL: 'silent',
    STORAGE_DIR: path.join(os.tmpdir(), database),
    // The load comes from one address: the sign-in limiter must not be what is measured.
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...(process.env.MEILI_HOST ? { MEILI_HOST: process.env.MEILI_HOST, MEILI_API_KEY: process.env.MEILI_API_KEY ?? '' } : {}),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config }), new FastifyAdapter(fastifyOptions()), { logger: ['error'] });
  await configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const engine = app.get<SearchIndex>(SEARCH_INDEX);
  if (engine instanceof EmbeddedSearchIndex) for (const index of ['achievements', 'demands']) await engine.preload(index);
  const address = app.getHttpServer().address() as { port: number };
  process.send?.({ port: address.port });
  process.on('message', (m) => {
    if (m === 'stop') void app.close().then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
