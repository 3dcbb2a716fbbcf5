import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { JobName, JobQueue, loadConfig, OutboxRelay, QueueName, ReferenceDataSeeder, runMigrations, serveWorkerMetrics } from '@techbridge/platform';
import { RewardSchedules } from '@techbridge/contracts';
import { FinanceService } from '@techbridge/finance';
import { WorkerHeartbeat } from './worker-heartbeat';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  await runMigrations(config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.get(ReferenceDataSeeder).seed();
  app.get(OutboxRelay).start();
  // Reconcile the search index against PostgreSQL at start and every ten minutes.
  const jobs = app.get(JobQueue);
  await jobs.enqueue(JobName.ReconcileSearchIndex, {}, { jobId: `reconcile-at-boot-${Date.now()}` });
  await jobs.queue(jobs.queueOf(JobName.ReconcileSearchIndex)).upsertJobScheduler('reconcile-search-index', { every: 10 * 60_000 }, { name: JobName.ReconcileSearchIndex, data: {} });
  // Delivered outbox messages are pruned hourly (kept OUTBOX_RETENTION_DAYS for tracing).
  await jobs.queue(jobs.queueOf(JobName.PruneOutbox)).upsertJobScheduler('prune-outbox', { every: 60 * 60_000 }, { name: JobName.PruneOutbox, data: {} });
  await jobs.queue(jobs.queueOf(JobName.PurgeSearchTombstones)).upsertJobScheduler('purge-search-tombstones', { every: 60 * 60_000 }, { name: JobName.PurgeSearchTombstones, data: {} });
  // Published achievements and demands whose matches were never computed (a job lost for good): at start and every half hour.
  await jobs.enqueue(JobName.ReconcileMatches, {}, { jobId: `reconcile-matches-at-boot-${Date.now()}` });
  await jobs.queue(jobs.queueOf(JobName.ReconcileMatches)).upsertJobScheduler('reconcile-matches', { every: 30 * 60_000 }, { name: JobName.ReconcileMatches, data: {} });
  // The matcher's weights refitted from brokers' outcomes and enterprises' shortlists, nightly (a new version only when they move).
  await jobs.queue(jobs.queueOf(JobName.RefitMatchWeights)).upsertJobScheduler('refit-match-weights', { pattern: '0 3 * * *' }, { name: JobName.RefitMatchWeights, data: {} });
  // Imports whose upload a crash cut short: failed with the reason, partial files removed (at start and every five minutes).
  await jobs.enqueue(JobName.SweepAbandonedUploads, {}, { jobId: `sweep-uploads-at-boot-${Date.now()}` });
  await jobs.queue(jobs.queueOf(JobName.SweepAbandonedUploads)).upsertJobScheduler('sweep-abandoned-uploads', { every: 5 * 60_000 }, { name: JobName.SweepAbandonedUploads, data: {} });
  // 等保 2.0: audit entries past AUDIT_RETENTION_DAYS (never younger than 180 days) go daily.
  await jobs.queue(jobs.queueOf(JobName.PruneAuditLog)).upsertJobScheduler('prune-audit-log', { every: 24 * 60 * 60_000 }, { name: JobName.PruneAuditLog, data: {} });
  // 个人信息保护法: retention periods (retention_policy) applied every night, 02:30 Beijing time.
  await jobs.queue(jobs.queueOf(JobName.ApplyRetention)).upsertJobScheduler('apply-retention', { pattern: '30 2 * * *', tz: 'Asia/Shanghai' }, { name: JobName.ApplyRetention, data: {} });
  // Yearly reward ledger (1 January, previous year) and monthly provisional runs: upserted by fixed id, so every start is safe.
  await app.get(RewardSchedules).register();
  // Stored financing matches of an older scoring version are rescored once (queued through the outbox, never when none are stale).
  await app.get(FinanceService).queueMatchCatchUp();
  if (config.WORKER_HEARTBEAT_FILE) {
    const db = app.get(DataSource);
    const redis = () => jobs.queue(QueueName.Maintenance).client.then((c) => (c as unknown as { ping(): Promise<string> }).ping());
    new WorkerHeartbeat(config.WORKER_HEARTBEAT_FILE, [() => db.query('SELECT 1'), redis]).start();
  }
  if (config.WORKER_METRICS_PORT !== undefined) {
    const server = await serveWorkerMetrics(config.WORKER_METRICS_PORT, config.HOST, config.METRICS_TOKEN);
    app.get(Logger).log(`worker metrics on ${config.HOST}:${config.WORKER_METRICS_PORT}/metrics${config.METRICS_TOKEN ? '' : ' (off until METRICS_TOKEN is set)'}`);
    process.once('SIGTERM', () => server.close());
  }
  app.get(Logger).log('TechBridge worker started');
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
