import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { currentRequestId } from '../logging/request-context';
import { JobName, JobPayload } from '../queue/job-catalogue';
import { EnqueueOptions } from '../queue/job-queue.service';
import { currentTraceCarrier } from '../observability/tracing';
import { OutboxMessage } from './outbox-message.entity';

export interface DeadOutboxMessage {
  id: string;
  kind: 'index' | 'job';
  target: string;
  key: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

/** Record, inside the caller's transaction, what must reach the index or a queue after commit. */
@Injectable()
export class OutboxService {
  constructor(private readonly dataSource: DataSource) {}

  /** The document `id` of `index` must be re-projected (upserted, or deleted if no longer indexable). */
  async indexChanged(tx: EntityManager, index: string, ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids];
    if (!list.length) return;
    // The trace of the request or job that made the change, so the delivery joins it.
    const trace = currentTraceCarrier();
    await tx.query(
      `INSERT INTO outbox_message (kind, target, key, payload) SELECT 'index', $1, unnest($2::text[]), $3::jsonb`,
      [index, list, JSON.stringify(trace ? { trace } : {})],
    );
  }

  /** The job is delivered after commit, carrying the id of the request (or job) that enqueued it, for the logs. */
  async enqueue<N extends JobName>(tx: EntityManager, name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<void> {
    const repo = tx.getRepository(OutboxMessage);
    const withRequest: EnqueueOptions = { ...options, requestId: options.requestId ?? currentRequestId() };
    await repo.save(repo.create({ kind: 'job', target: name, key: options.jobId ?? null, payload: { data: payload, options: withRequest, trace: currentTraceCarrier() } as unknown as Record<string, unknown> }));
  }

  /** Undelivered messages still being tried, for health. */
  async backlog(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE processed_at IS NULL AND dead_at IS NULL`);
    return n as number;
  }

  /** Messages set aside after too many failed deliveries, for health. */
  async deadCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dead_at IS NOT NULL`);
    return n as number;
  }

  /** Dead messages, most recently dead first. */
  async listDead(skip: number, take: number): Promise<[DeadOutboxMessage[], number]> {
    const [items, total] = await this.dataSource.getRepository(OutboxMessage).findAndCount({
      where: { deadAt: Not(IsNull()) },
      order: { deadAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
    return [items.map((m) => ({ id: m.id, kind: m.kind, target: m.target, key: m.key, attempts: m.attempts, lastError: m.lastError, createdAt: m.createdAt, deadAt: m.deadAt! })), total];
  }

  /**
   * Give dead messages (all, or these ids) a fresh set of attempts, due now. Returns the ids revived; ids that are not
   * dead (unknown, delivered, or still being tried) are left alone.
   */
  async retryDead(ids?: string[]): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE outbox_message SET dead_at = NULL, attempts = 0, available_at = now(), locked_until = NULL
        WHERE dead_at IS NOT NULL AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))
        RETURNING id`,
      [ids ?? null],
    );
    return rows.map((r) => String(r.id));
  }

  /** Delete messages delivered before `before`, in bounded batches; returns how many went. */
  async pruneDelivered(before: Date, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, n]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM outbox_message WHERE id IN (SELECT id FROM outbox_message WHERE processed_at < $1 ORDER BY processed_at LIMIT $2)`,
        [before, batch],
      );
      total += Number(n);
      if (Number(n) < batch) return total;
    }
  }
}
