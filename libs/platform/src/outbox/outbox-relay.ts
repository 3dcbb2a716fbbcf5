import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobName } from '../queue/job-catalogue';
import { EnqueueOptions, JobQueue } from '../queue/job-queue.service';
import { SearchIndexer } from '../search/search-indexer';

interface ClaimedRow {
  id: string;
  kind: 'index' | 'job';
  target: string;
  key: string | null;
  payload: { data?: unknown; options?: EnqueueOptions };
  attempts: number;
}

/**
 * Delivers outbox messages after commit. Rows are claimed with FOR UPDATE SKIP LOCKED so several
 * relays can run; a row is marked done only after the index or queue confirmed, so a crash in between
 * means a retry, never a loss. Index messages re-project current state, so replays are harmless;
 * job messages carry deterministic ids where duplicates would hurt.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly indexer: SearchIndexer,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  get isRunning(): boolean {
    return !this.stopped;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drainUntilEmpty()
        .catch((err) => this.logger.error({ err }, 'relay pass failed'))
        .finally(() => this.schedule(this.config.OUTBOX_POLL_MS));
    }, ms);
  }

  /** Messages due now and not yet delivered (including ones another relay is delivering at this moment). */
  async dueCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE processed_at IS NULL AND available_at <= now()`);
    return n as number;
  }

  /** Drain batches until nothing is due; returns how many messages were delivered. */
  async drainUntilEmpty(batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.drainOnce(batch);
      total += n;
      if (n < batch) return total;
    }
  }

  /** One batch: claim due rows, deliver, mark done or schedule a retry. */
  async drainOnce(limit = 500): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: ClaimedRow[] = await tx.query(
        `SELECT id, kind, target, key, payload, attempts FROM outbox_message
          WHERE processed_at IS NULL AND available_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) return 0;
      let delivered = 0;
      const byIndex = new Map<string, ClaimedRow[]>();
      for (const row of rows) {
        if (row.kind === 'index') byIndex.set(row.target, [...(byIndex.get(row.target) ?? []), row]);
      }
      for (const [index, group] of byIndex) {
        const ids = [...new Set(group.map((r) => r.key).filter((k): k is string => !!k))];
        try {
          await this.indexer.reproject(index, ids);
          await this.markDone(tx, group);
          delivered += group.length;
        } catch (err) {
          await this.markFailed(tx, group, err);
        }
      }
      for (const row of rows.filter((r) => r.kind === 'job')) {
        try {
          await this.jobs.enqueue(row.target as JobName, row.payload.data as never, row.payload.options ?? {});
          await this.markDone(tx, [row]);
          delivered++;
        } catch (err) {
          await this.markFailed(tx, [row], err);
        }
      }
      return delivered;
    });
  }

  private async markDone(tx: EntityManager, rows: ClaimedRow[]): Promise<void> {
    await tx.query(`UPDATE outbox_message SET processed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
  }

  private async markFailed(tx: EntityManager, rows: ClaimedRow[], err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    this.logger.warn({ ids: rows.map((r) => r.id), err: message }, 'outbox delivery failed; will retry');
    // Exponential backoff capped at 5 minutes.
    await tx.query(
      `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2,
              available_at = now() + least(interval '5 minutes', interval '1 second' * power(2, attempts))
        WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id), message.slice(0, 2000)],
    );
  }
}
