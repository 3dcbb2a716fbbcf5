import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobQueue, OutboxRelay, QueueName, splitRequestId } from '@techbridge/platform';

interface QueueSnapshot {
  busy: number;
  /** Last id of the queue's event stream: every add, start, completion, failure and retry appends to it. */
  lastEvent: string;
}

/**
 * Wait until nothing is left to do now: the outbox is delivered (retries included) and no queue has waiting, active
 * or backing-off jobs. Delayed jobs that never ran are the future (reminders, deadlines): they are left alone, tests
 * promote them or move the clock.
 *
 * Retries are not waited out by the clock: a job backing off after a failure is promoted, and an outbox row backing
 * off is made due, so the next attempt runs now (a job that keeps failing still ends in the failed set, a row that
 * keeps failing in the dead state).
 *
 * "Idle" is only believed when two consecutive looks agree: the queues are read one after another, so a job finishing
 * in a queue already read could have just handed work to another; an unchanged event stream in every queue and an
 * unchanged outbox between the two looks rule that out.
 */
export async function awaitQueuesDrained(jobs: JobQueue, relay?: OutboxRelay, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let previous: string | null = null;
  for (;;) {
    if (relay) {
      await relay.expediteRetries();
      await relay.drainUntilEmpty();
    }
    await promoteRetries(jobs);
    const queues = await Promise.all(Object.values(QueueName).map((q) => snapshot(jobs.queue(q))));
    const outbox = relay ? await relay.deliveryState() : { pending: 0, fingerprint: '' };
    const busy = queues.reduce((n, q) => n + q.busy, 0);
    const idle = busy === 0 && outbox.pending === 0;
    const fingerprint = `${outbox.fingerprint}|${queues.map((q) => q.lastEvent).join(',')}`;
    if (idle && fingerprint === previous) return;
    previous = idle ? fingerprint : null;
    if (idle) continue; // look again at once
    if (Date.now() > deadline) throw new Error(`queues not drained after ${timeoutMs} ms (${busy} jobs busy, ${outbox.pending} outbox messages pending)`);
    // Poll interval between looks at the real condition; nothing here waits for a fixed time to pass.
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Deliver every message owed now and wait for the ones another pass has leased: drainUntilEmpty alone returns as soon
 * as it claims nothing, which can be while the background relay is still enqueuing a job or projecting a document it
 * leased a moment earlier. Queued jobs are not waited for (awaitQueuesDrained does that).
 */
export async function awaitOutboxDelivered(relay: OutboxRelay, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await relay.drainUntilEmpty();
    const owed = await relay.owedNow();
    if (owed === 0) return;
    if (Date.now() > deadline) throw new Error(`outbox not delivered after ${timeoutMs} ms (${owed} messages owed)`);
    // Poll interval between looks at the real condition (a leased row marked done), not a wait for time to pass.
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function snapshot(queue: Queue): Promise<QueueSnapshot> {
  const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children', 'paused');
  // BullMQ connects through ioredis here; its narrower client interface omits the stream reads.
  const client = (await queue.client) as unknown as Redis;
  const [last] = (await client.xrevrange(queue.keys.events, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
  return { busy: Object.values(counts).reduce((a, b) => a + b, 0), lastEvent: last?.[0] ?? '0' };
}

/** A delayed job that has already been attempted is a retry waiting out its backoff: run it now. */
async function promoteRetries(jobs: JobQueue): Promise<void> {
  for (const name of Object.values(QueueName)) {
    const queue = jobs.queue(name);
    if ((await queue.getJobCounts('delayed')).delayed === 0) continue;
    for (const job of await queue.getJobs(['delayed'])) {
      if (job.attemptsMade > 0) await job.promote().catch(() => undefined); // it may have moved on meanwhile
    }
  }
}

/** A job's payload as its handler sees it: the id of the request behind the job, carried beside it, taken off. */
export function jobPayload(data: unknown): unknown {
  return splitRequestId(data).payload;
}
