import { Job, Queue, Worker } from 'bullmq';
import { QueueName, redisConnectionOptions, stallSettings } from '@techbridge/platform';
import { TEST_REDIS_URL } from '@techbridge/testing';

/**
 * A job whose worker is killed comes back, again and again: the dispatcher's stall settings allow many stalls (the
 * handlers resume), where BullMQ's default of one failed an import's match chain for good after its second kill.
 * Real Redis, real BullMQ workers; the lock times are shortened so a "kill" is noticed in a fraction of a second.
 */
describe('stalled jobs (BullMQ on the real Redis)', () => {
  const connection = redisConnectionOptions(TEST_REDIS_URL);
  const prefix = `tbtest_stall_${process.pid}`;
  const FAST = { lockDuration: 300, stalledInterval: 150 };
  const opened: Array<Queue | Worker> = [];

  afterAll(async () => {
    for (const x of opened.reverse()) {
      if (x instanceof Queue) await x.obliterate({ force: true }).catch(() => undefined);
      await x.close(true).catch(() => undefined);
    }
  });

  /** A worker takes the job and dies with it: no completion, no more lock renewals (as after SIGKILL). */
  async function killedWhileRunning(queue: string): Promise<void> {
    let taken!: () => void;
    const took = new Promise<void>((r) => (taken = r));
    const doomed = new Worker(queue, () => (taken(), new Promise<never>(() => undefined)), { connection, prefix, lockDuration: FAST.lockDuration, skipStalledCheck: true });
    await took;
    await doomed.close(true);
  }

  /** Until the job is in one of these states (each look is at Redis, not at a clock). */
  async function until(job: Job, states: string[]): Promise<string> {
    for (let i = 0; ; i++) {
      const state = await job.getState();
      if (states.includes(state)) return state;
      if (i > 400) throw new Error(`job still ${state}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function twoKillsThenRun(maxStalledCount: number): Promise<Job> {
    const name = `stall_${maxStalledCount}_${Date.now()}`;
    const queue = new Queue(name, { connection, prefix });
    opened.push(queue);
    // The stalled check of the surviving processes, with the settings under test (it decides stall or fail).
    const checker = new Worker(name, async () => undefined, { connection, prefix, autorun: false, ...FAST, maxStalledCount });
    opened.push(checker);
    await checker.startStalledCheckTimer();
    const job = await queue.add('work', { n: 1 }, { attempts: 5 });
    await killedWhileRunning(name);
    await until(job, ['waiting']);
    await killedWhileRunning(name);
    await until(job, ['waiting']);
    const survivor = new Worker(name, async () => 'done', { connection, prefix, ...FAST, maxStalledCount });
    opened.push(survivor);
    await until(job, ['completed', 'failed']);
    return (await queue.getJob(job.id!))!;
  }

  it('with the dispatcher settings, a job killed twice is retried and completes', async () => {
    const { maxStalledCount } = stallSettings(QueueName.Matching, 20);
    expect(maxStalledCount).toBeGreaterThan(2);
    const job = await twoKillsThenRun(maxStalledCount);
    expect(await job.getState()).toBe('completed');
    expect(job.returnvalue).toBe('done');
    expect(job.stalledCounter).toBe(2);
  });

  it("with BullMQ's default of one stall the same job ends failed without running (the fault the settings fix)", async () => {
    const job = await twoKillsThenRun(1);
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toBe('job stalled more than allowable limit');
  });
});
