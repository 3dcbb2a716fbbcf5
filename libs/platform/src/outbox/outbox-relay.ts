import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobName } from '../queue/job-catalogue';
import { EnqueueOptions, JobQueue } from '../queue/job-queue.service';
import { SearchIndexer } from '../search/search-indexer';
import { contextFrom, inSpan, SpanKind, TraceCarrier } from '../observability/tracing';

interface ClaimedRow {
  id: string;
  kind: 'index' | 'job';
  target: string;
  key: string | null;
  payload: { data?: unknown; options?: EnqueueOptions; trace?: TraceCarrier };
  attempts: number;
}

/** How long a claimed row belongs to the relay that claimed it; a relay that died lets it go when this runs out. */
export const OUTBOX_LEASE_MS = 60_000;
/** Batches a relay delivers at once (see drainUntilEmpty). */
const RELAY_LANES = 2;

/**
 * Delivers outbox messages after commit. A relay leases due rows in one short statement (FOR UPDATE SKIP LOCKED
 * inside it, so several relays never take the same row), delivers them with no transaction open, then marks them
 * done or failed: no lock or transaction is held while Redis or the search engine answers. A crash in between means
 * a redelivery once the lease runs out, never a loss; index messages re-project current state and the index keeps
 * only newer versions, job messages carry deterministic ids where duplicates would hurt. A row that fails
 * OUTBOX_MAX_ATTEMPTS times is set aside as dead for an administrator.
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

  /**
   * Work the outbox still owes: messages neither delivered nor dead (due, backing off, or being delivered right now),
   * and a fingerprint that changes whenever a message is added, attempted or delivered.
   */
  async deliveryState(): Promise<{ pending: number; fingerprint: string }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NULL AND dead_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE processed_at IS NOT NULL)::int AS delivered,
              coalesce(max(id), 0)::text AS last_id, coalesce(sum(attempts), 0)::text AS attempts
         FROM outbox_message`,
    );
    return { pending: row.pending, fingerprint: `${row.last_id}:${row.attempts}:${row.delivered}` };
  }

  /**
   * Messages owed now: due, or leased by a pass that is delivering them at this moment (this relay's background loop
   * or another process). A message backing off after a failure is not owed yet.
   */
  async owedNow(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS owed FROM outbox_message
        WHERE processed_at IS NULL AND dead_at IS NULL AND (available_at <= now() OR locked_until >= now())`,
    );
    return row.owed;
  }

  /** Make every message that is backing off after a failure due now (tests; never a leased one). */
  async expediteRetries(): Promise<number> {
    const [, affected] = await this.dataSource.query(
      `UPDATE outbox_message SET available_at = now()
        WHERE processed_at IS NULL AND dead_at IS NULL AND attempts > 0 AND available_at > now()
          AND (locked_until IS NULL OR locked_until < now())`,
    );
    return Number(affected ?? 0);
  }

  /**
   * Drain batches until nothing is due; returns how many messages were delivered. Two lanes claim batches side by side
   * (claims never overlap): while one batch is projected and segmented here, the other waits on PostgreSQL or the
   * engine, so a large backlog (an import) is not delivered at the speed of one round trip after another. Order
   * between batches never mattered: index messages re-project current state, and several relays already run at once.
   */
  async drainUntilEmpty(batch = 500): Promise<number> {
    const lane = async () => {
      let total = 0;
      for (;;) {
        const { claimed, delivered } = await this.deliverBatch(batch);
        total += delivered;
        if (claimed < batch) return total;
      }
    };
    const delivered = await Promise.all(Array.from({ length: RELAY_LANES }, lane));
    return delivered.reduce((a, b) => a + b, 0);
  }

  /** One batch: lease due rows, deliver, mark done or schedule a retry. Returns how many were delivered. */
  async drainOnce(limit = 500): Promise<number> {
    return (await this.deliverBatch(limit)).delivered;
  }

  private async deliverBatch(limit: number): Promise<{ claimed: number; delivered: number }> {
    const rows = await this.claim(limit);
    if (!rows.length) return { claimed: 0, delivered: 0 };
    const done: ClaimedRow[] = [];
    const byIndex = new Map<string, ClaimedRow[]>();
    for (const row of rows) {
      if (row.kind === 'index') byIndex.set(row.target, [...(byIndex.get(row.target) ?? []), row]);
    }
    for (const [index, group] of byIndex) {
      const ids = [...new Set(group.map((r) => r.key).filter((k): k is string => !!k))];
      try {
        // One delivery serves changes of several traces: a child of the first, linked to the others.
        const traced = group.filter((r) => r.payload?.trace).map((r) => contextFrom(r.payload.trace));
        await inSpan(`outbox index ${index}`, { kind: SpanKind.PRODUCER, parent: traced[0] ?? contextFrom(null), links: traced.slice(1), attributes: { 'techbridge.outbox.documents': ids.length } }, () =>
          this.indexer.reproject(index, ids),
        );
        done.push(...group);
      } catch (err) {
        await this.markFailed(group, err);
      }
    }
    for (const row of rows.filter((r) => r.kind === 'job')) {
      try {
        // Enqueued inside the span that continues the writer's trace: the job carries it on to the handler.
        await inSpan(`outbox enqueue ${row.target}`, { kind: SpanKind.PRODUCER, parent: contextFrom(row.payload.trace), attributes: { 'techbridge.outbox.id': row.id } }, () =>
          this.jobs.enqueue(row.target as JobName, row.payload.data as never, row.payload.options ?? {}),
        );
        done.push(row);
      } catch (err) {
        await this.markFailed([row], err);
      }
    }
    await this.markDone(done);
    return { claimed: rows.length, delivered: done.length };
  }

  /** Lease up to `limit` due rows in id order; one autocommitted statement, so the row locks last only as long as it. */
  private async claim(limit: number): Promise<ClaimedRow[]> {
    const [rows]: [ClaimedRow[], number] = await this.dataSource.query(
      `UPDATE outbox_message o SET locked_until = now() + $2 * interval '1 millisecond'
        WHERE o.id IN (SELECT id FROM outbox_message
                        WHERE processed_at IS NULL AND dead_at IS NULL AND available_at <= now()
                          AND (locked_until IS NULL OR locked_until < now())
                        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.kind, o.target, o.key, o.payload, o.attempts`,
      [limit, OUTBOX_LEASE_MS],
    );
    return rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  private async markDone(rows: ClaimedRow[]): Promise<void> {
    if (!rows.length) return;
    await this.dataSource.query(
      `UPDATE outbox_message SET processed_at = now(), attempts = attempts + 1, last_error = NULL, locked_until = NULL WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
  }

  private async markFailed(rows: ClaimedRow[], err: unknown): Promise<void> {
    const message = (err instanceof Error ? err.message : String(err)) || (err instanceof Error ? err.name : 'unknown error');
    const dead = rows.filter((r) => r.attempts + 1 >= this.config.OUTBOX_MAX_ATTEMPTS).map((r) => r.id);
    if (dead.length) this.logger.error({ ids: dead, err: message }, `outbox delivery failed ${this.config.OUTBOX_MAX_ATTEMPTS} times; set aside as dead`);
    else this.logger.warn({ ids: rows.map((r) => r.id), err: message }, 'outbox delivery failed; will retry');
    // Exponential backoff capped at 5 minutes; the last allowed failure marks the row dead instead.
    await this.dataSource.query(
      `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2, locked_until = NULL,
              available_at = now() + least(interval '5 minutes', interval '1 second' * power(2, attempts)),
              dead_at = CASE WHEN attempts + 1 >= $3 THEN now() END
        WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id), message.slice(0, 2000), this.config.OUTBOX_MAX_ATTEMPTS],
    );
  }
}
