import { JobQueue, OutboxRelay, QueueName } from '@techbridge/platform';

/**
 * Wait until the outbox is delivered and no queue has waiting or active jobs
 * (delayed jobs are left alone: they are the future, tests move the clock or inspect them).
 */
export async function awaitQueuesDrained(jobs: JobQueue, relay?: OutboxRelay, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (relay) await relay.drainUntilEmpty();
    let busy = 0;
    for (const q of Object.values(QueueName)) {
      const c = await jobs.queue(q).getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      busy += Object.values(c).reduce((a, b) => a + b, 0);
    }
    // drainUntilEmpty skips rows the background relay has claimed, so also wait until nothing due is left.
    const due = relay ? await relay.dueCount() : 0;
    if (busy === 0 && due === 0) {
      if (relay && (await relay.drainUntilEmpty()) > 0) continue;
      return;
    }
    if (Date.now() > deadline) throw new Error(`queues not drained after ${timeoutMs} ms (${busy} jobs busy, ${due} outbox messages due)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
