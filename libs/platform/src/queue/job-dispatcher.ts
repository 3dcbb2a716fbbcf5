import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { runInRequestScope, splitRequestId } from '../logging/request-context';
import { JOB_QUEUE, JobName, QueueName } from './job-catalogue';
import { JOB_FAILURE_HANDLER, JOB_HANDLER, JobContext, PermanentJobError } from './job-handler.decorator';
import { jobDuration, jobFailures } from '../observability/metrics';
import { contextFrom, inSpan, SpanKind } from '../observability/tracing';
import { splitTrace } from './job-queue.service';
import { redisConnectionOptions } from './redis-connection';

type Handler = (payload: unknown, ctx: JobContext) => Promise<unknown>;

export interface StallSettings {
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
}

/**
 * How a job whose worker died (SIGKILL, OOM, a lost host) comes back. Its lock lapses after `lockDuration`; the stalled
 * check, every `stalledInterval` in every worker, then puts it back in the queue. Handlers are idempotent and resume
 * from persisted state, so a stall is as harmless as a retry: many are allowed (BullMQ's default of one failed an
 * import's match chain for good after two kills); a poison job that kills its worker every time still ends failed
 * after `maxStalledCount`. The lock is renewed every lockDuration/2 while the process lives, so lockDuration stays
 * above the longest stretch a handler keeps the event loop busy: imports parse spreadsheets in large synchronous
 * chunks, hence a minute for them.
 */
export function stallSettings(queue: QueueName, maxStalledCount: number): StallSettings {
  return { lockDuration: queue === QueueName.Imports ? 60_000 : 30_000, stalledInterval: 15_000, maxStalledCount };
}

export class JobDiscoveryError extends Error {}

/**
 * Worker side: finds every @JobHandler, refuses to start when a job has no handler or two,
 * and runs one BullMQ Worker per queue. Handlers rethrow so BullMQ retries.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobDispatcher');
  private readonly handlers = new Map<JobName, Handler>();
  private readonly failureHandlers = new Map<JobName, Handler>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.discover();
    const connection = redisConnectionOptions(this.config.REDIS_URL);
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job) => this.process(job), {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: queue === QueueName.Imports ? 1 : 4,
        ...stallSettings(queue, this.config.JOB_MAX_STALLED_COUNT),
      });
      worker.on('failed', (job, err) => void this.onFailed(job, err));
      worker.on('error', (err) => this.logger.error({ err, queue }, 'worker error'));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    this.logger.log(`Workers running on ${this.workers.length} queues with ${this.handlers.size} job handlers`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }

  /** Exposed for the discovery test. */
  discover(): void {
    const seen = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method] as (...args: unknown[]) => Promise<unknown>;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn);
        if (name) {
          seen.set(name, [...(seen.get(name) ?? []), `${wrapper.name}.${method}`]);
          this.handlers.set(name, fn.bind(instance) as Handler);
        }
        const failName = this.reflector.get<JobName | undefined>(JOB_FAILURE_HANDLER, fn);
        if (failName) this.failureHandlers.set(failName, fn.bind(instance) as Handler);
      }
    }
    const problems: string[] = [];
    for (const name of Object.values(JobName)) {
      const where = seen.get(name) ?? [];
      if (where.length === 0) problems.push(`job '${name}' has no handler`);
      if (where.length > 1) problems.push(`job '${name}' has ${where.length} handlers: ${where.join(', ')}`);
    }
    if (problems.length) throw new JobDiscoveryError(problems.join('; '));
  }

  /**
   * Runs the handler inside the scope of the request that caused the job (or of the job itself), logging its start and
   * its end with the duration: what enqueues from inside carries the same request id.
   */
  private async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    if (JOB_QUEUE[name] !== job.queueName) throw new Error(`job ${job.name} arrived on the wrong queue ${job.queueName}`);
    const started = process.hrtime.bigint();
    let outcome = 'failed';
    const { payload: traced, trace } = splitTrace(job.data);
    const { payload, requestId } = splitRequestId(traced);
    const scope = { requestId: requestId ?? `job:${job.id}` };
    const fields = { job: name, jobId: job.id, requestId: scope.requestId, attempt: job.attemptsMade + 1 };
    const ms = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    return runInRequestScope(scope, async () => {
      this.logger.log(fields, 'job started');
      try {
        // The handler runs in a span continuing the trace of whoever enqueued it (a request, through the outbox).
        const result = await inSpan(`job ${name}`, {
          kind: SpanKind.CONSUMER,
          parent: contextFrom(trace),
          attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': job.queueName, 'techbridge.job.id': String(job.id), 'techbridge.job.attempt': job.attemptsMade + 1 },
        }, () => handler(payload, {
          jobId: String(job.id),
          attemptsMade: job.attemptsMade,
          updateProgress: (p) => job.updateProgress(p),
        }));
        outcome = 'completed';
        this.logger.log({ ...fields, durationMs: ms() }, 'job finished');
        return result;
      } catch (err) {
        this.logger.warn({ ...fields, durationMs: ms(), err: (err as Error).message }, 'job attempt failed');
        if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
        throw err;
      } finally {
        jobDuration().observe({ queue: job.queueName, job: name, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
  }

  private async onFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job) return;
    // An unrecoverable error (thrown as such, or a job stalled too often) fails the job whatever attempts are left.
    const final = err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    const { payload, requestId } = splitRequestId(splitTrace(job.data).payload);
    this.logger.warn({ job: job.name, jobId: job.id, requestId, attemptsMade: job.attemptsMade, final, err: err.message }, 'job failed');
    jobFailures().inc({ queue: job.queueName, job: job.name, final: String(final) });
    if (!final) return;
    const hook = this.failureHandlers.get(job.name as JobName);
    if (hook) {
      await hook(payload, { jobId: String(job.id), attemptsMade: job.attemptsMade, updateProgress: async () => undefined, failedReason: err.message }).catch((e) =>
        this.logger.error({ err: e, job: job.name }, 'failure hook failed'),
      );
    }
  }
}
