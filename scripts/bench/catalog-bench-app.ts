import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import {
  Clock, configureHttpApp, dataSourceOptions, fastifyOptions, JobQueue, loadConfig, OutboxRelay, QueueName, ReferenceDataSeeder, runMigrations,
  WorkerRuntimeModule,
} from '@techbridge/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { Api } from '../../test/support/test-app';

/** The catalog benchmarks' own database (not tb_test_*: the jest global setup drops those). */
export const BENCH_DB = process.env.BENCH_DB ?? 'tb_bench_catalog';
const PG = 'postgres://postgres@127.0.0.1:5432';
export const BENCH_ADMIN = { email: 'bench-admin@techbridge.test', password: 'Bench-admin-2026' };

export async function resetBenchDatabase(): Promise<void> {
  const c = new Client({ connectionString: `${PG}/postgres` });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${BENCH_DB}`);
  await c.end();
  await runMigrations(`${PG}/${BENCH_DB}`);
  const ds = new DataSource(dataSourceOptions(`${PG}/${BENCH_DB}`));
  await ds.initialize();
  await new ReferenceDataSeeder(ds).seed();
  await ds.destroy();
}

export async function benchDatabaseExists(): Promise<boolean> {
  const c = new Client({ connectionString: `${PG}/postgres` });
  await c.connect();
  const { rows } = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [BENCH_DB]);
  await c.end();
  return rows.length > 0;
}

export interface BenchApp {
  app: NestFastifyApplication;
  api: Api;
  relay: OutboxRelay;
  close(): Promise<void>;
}

/** The api and the worker in this process, on the bench database, with the real Redis and search engine. */
export async function startBenchApp(): Promise<BenchApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `${PG}/${BENCH_DB}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    JWT_ACCESS_SECRET: 'bench-secret-0123456789abcdef',
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    QUEUE_PREFIX: `tbbench_${BENCH_DB}`,
    LOG_LEVEL: 'silent',
    STORAGE_DIR: path.join(os.tmpdir(), BENCH_DB),
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    OUTBOX_POLL_MS: '50',
    ...(process.env.MEILI_HOST ? { MEILI_HOST: process.env.MEILI_HOST, MEILI_API_KEY: process.env.MEILI_API_KEY ?? '' } : {}),
  });
  @Module({ imports: [AppModule.forRoot({ config, clock: new Clock() }), WorkerRuntimeModule] })
  class BenchModule {}
  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(fastifyOptions()), { logger: ['error'] });
  await configureHttpApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const relay = app.get(OutboxRelay);
  relay.start();
  const jobs = app.get(JobQueue);
  return {
    app,
    api: new Api(app),
    relay,
    close: async () => {
      await relay.stop();
      for (const q of Object.values(QueueName)) await jobs.queue(q).obliterate({ force: true }).catch(() => undefined);
      await app.close();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
