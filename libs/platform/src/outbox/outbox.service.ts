import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { JobName, JobPayload } from '../queue/job-catalogue';
import { EnqueueOptions } from '../queue/job-queue.service';
import { OutboxMessage } from './outbox-message.entity';

/** Record, inside the caller's transaction, what must reach the index or a queue after commit. */
@Injectable()
export class OutboxService {
  constructor(private readonly dataSource: DataSource) {}

  /** The document `id` of `index` must be re-projected (upserted, or deleted if no longer indexable). */
  async indexChanged(tx: EntityManager, index: string, ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids];
    if (!list.length) return;
    await tx.query(
      `INSERT INTO outbox_message (kind, target, key) SELECT 'index', $1, unnest($2::text[])`,
      [index, list],
    );
  }

  async enqueue<N extends JobName>(tx: EntityManager, name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<void> {
    const repo = tx.getRepository(OutboxMessage);
    await repo.save(repo.create({ kind: 'job', target: name, key: options.jobId ?? null, payload: { data: payload, options } as unknown as Record<string, unknown> }));
  }

  /** Undelivered messages, for health. */
  async backlog(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE processed_at IS NULL`);
    return n as number;
  }
}
