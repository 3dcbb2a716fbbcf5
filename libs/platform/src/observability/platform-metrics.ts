import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { QueueName } from '../queue/job-catalogue';
import { JobQueue } from '../queue/job-queue.service';
import { GaugeSample, METRIC_PREFIX, processMetrics, provideGauge } from './metrics';

const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Scrape-time figures the platform owns: queue depth and age per queue (Redis), the outbox backlog and dead rows
 * (PostgreSQL), and this process's connection pool. Contexts add their business figures the same way (provideGauge).
 */
@Injectable()
export class PlatformMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly withdraw: Array<() => void> = [];

  constructor(
    private readonly jobs: JobQueue,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    processMetrics();
    this.withdraw.push(
      provideGauge(`${METRIC_PREFIX}queue_jobs`, 'Jobs per queue and state (waiting, prioritized, active, delayed, failed, completed kept)', ['queue', 'state'], () => this.queueDepth()),
      provideGauge(`${METRIC_PREFIX}queue_oldest_waiting_seconds`, 'Age of the oldest job waiting in each queue (0 when none waits)', ['queue'], () => this.queueAge()),
      provideGauge(`${METRIC_PREFIX}outbox_messages`, 'Outbox messages by state: pending (not yet delivered) and dead (given up; an administrator retries them)', ['state'], () => this.outbox()),
      provideGauge(`${METRIC_PREFIX}outbox_oldest_pending_seconds`, 'Age of the oldest undelivered outbox message', [], () => this.outboxAge()),
      provideGauge(`${METRIC_PREFIX}db_pool_connections`, "This process's PostgreSQL pool: total, idle, and callers waiting for a connection", ['state'], () => this.pool(), register),
    );
  }

  onModuleDestroy(): void {
    for (const w of this.withdraw.splice(0)) w();
  }

  private async queueDepth(): Promise<GaugeSample[]> {
    const samples: GaugeSample[] = [];
    for (const queue of Object.values(QueueName)) {
      const counts = await this.jobs.queue(queue).getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES) samples.push({ labels: { queue, state }, value: counts[state] ?? 0 });
    }
    return samples;
  }

  private async queueAge(): Promise<GaugeSample[]> {
    const now = Date.now();
    return Promise.all(Object.values(QueueName).map(async (queue) => {
      const [oldest] = await this.jobs.queue(queue).getJobs(['wait'], 0, 0, true);
      return { labels: { queue }, value: oldest ? Math.max(0, (now - oldest.timestamp) / 1000) : 0 };
    }));
  }

  private async outbox(): Promise<GaugeSample[]> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NULL AND dead_at IS NULL)::int AS pending, count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead FROM outbox_message`,
    );
    return [{ labels: { state: 'pending' }, value: row.pending }, { labels: { state: 'dead' }, value: row.dead }];
  }

  private async outboxAge(): Promise<GaugeSample[]> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age FROM outbox_message WHERE processed_at IS NULL AND dead_at IS NULL`,
    );
    return [{ value: Number(row.age) }];
  }

  private pool(): GaugeSample[] {
    const pool = (this.dataSource.driver as unknown as { master?: PgPool }).master;
    if (!pool) return [];
    return [
      { labels: { state: 'total' }, value: pool.totalCount },
      { labels: { state: 'idle' }, value: pool.idleCount },
      { labels: { state: 'waiting' }, value: pool.waitingCount },
    ];
  }
}
