import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { currentRequestId, withRequestId } from '../logging/request-context';
import { currentTraceCarrier, TraceCarrier } from '../observability/tracing';
import { JOB_QUEUE, JobName, JobPayload, QueueName } from './job-catalogue';

/** Job data key under which the enqueuer's trace travels; the dispatcher takes it off before the handler sees the payload. */
export const JOB_TRACE_KEY = '__trace';

export function withTrace(payload: object, trace: TraceCarrier | undefined): object {
  return trace ? { ...payload, [JOB_TRACE_KEY]: trace } : payload;
}

export function splitTrace(data: unknown): { payload: unknown; trace?: TraceCarrier } {
  if (!data || typeof data !== 'object' || !(JOB_TRACE_KEY in data)) return { payload: data };
  const { [JOB_TRACE_KEY]: trace, ...payload } = data as Record<string, unknown>;
  return { payload, trace: trace as TraceCarrier };
}

export interface EnqueueOptions {
  /** Deterministic id from the business key where a duplicate would be harmful (`contract:<id>:register`). */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  priority?: number;
  /** The request that caused the job (the outbox keeps it from the transaction that enqueued); else the current one. */
  requestId?: string;
}

/** BullMQ forbids ':' in custom ids on some versions' repeat keys; keep ids readable but safe. */
export function safeJobId(id: string): string {
  return id.replace(/:/g, '_');
}

/** The one place that owns job options: attempts, backoff, retention, deterministic ids. */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  queueOf(name: JobName): QueueName {
    return JOB_QUEUE[name];
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string> {
    const opts: JobsOptions = {
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
      removeOnFail: { age: 30 * 24 * 3600 },
      delay: options.delayMs && options.delayMs > 0 ? Math.round(options.delayMs) : undefined,
      priority: options.priority,
      jobId: options.jobId ? safeJobId(options.jobId) : undefined,
    };
    const data = withTrace(withRequestId(payload as object, options.requestId ?? currentRequestId()), currentTraceCarrier());
    const job = await this.queue(JOB_QUEUE[name]).add(name, data, opts);
    return String(job.id);
  }

  /** Remove a delayed job that is no longer wanted (e.g. a reminder for a cancelled meeting). */
  async cancel(name: JobName, jobId: string): Promise<boolean> {
    const job = await this.queue(JOB_QUEUE[name]).getJob(safeJobId(jobId));
    if (!job) return false;
    const state = await job.getState();
    if (state === 'delayed' || state === 'waiting' || state === 'prioritized') {
      await job.remove();
      return true;
    }
    return false;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(Object.values(QueueName).map((q) => this.queue(q).close().catch(() => undefined)));
  }
}
