import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { loadConfig } from '../config/app-config';
import { AppConfig } from '../config/app-config';
import type { Job } from 'bullmq';
import { currentRequestId, withRequestId } from '../logging/request-context';
import { JOB_QUEUE, JobName } from './job-catalogue';
import { JobDiscoveryError, JobDispatcher } from './job-dispatcher';
import { JobHandler } from './job-handler.decorator';

@Injectable()
class ReconcileHandlerA {
  @JobHandler(JobName.ReconcileSearchIndex)
  async handle(): Promise<void> {}
}

@Injectable()
class ReconcileHandlerB {
  @JobHandler(JobName.ReconcileSearchIndex)
  async handle(): Promise<void> {}
}

async function dispatcherWith(providers: Array<new () => unknown>): Promise<JobDispatcher> {
  const config = loadConfig({ DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://127.0.0.1:6379', JWT_ACCESS_SECRET: '0123456789abcdef' });
  const mod = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [JobDispatcher, { provide: AppConfig, useValue: config }, ...providers],
  }).compile();
  return mod.get(JobDispatcher);
}

describe('JobDispatcher discovery', () => {
  it('refuses to start when a job of the catalogue has no handler', async () => {
    const d = await dispatcherWith([]);
    expect(() => d.discover()).toThrow(JobDiscoveryError);
    expect(() => d.discover()).toThrow(`job '${JobName.ReconcileSearchIndex}' has no handler`);
  });

  it('refuses to start when a job has two handlers', async () => {
    const d = await dispatcherWith([ReconcileHandlerA, ReconcileHandlerB]);
    expect(() => d.discover()).toThrow(/has 2 handlers: ReconcileHandlerA.handle, ReconcileHandlerB.handle/);
  });
});

const seen: Array<{ payload: unknown; requestId: string | undefined }> = [];

@Injectable()
class RecordingReconcileHandler {
  @JobHandler(JobName.ReconcileSearchIndex)
  async handle(payload: unknown): Promise<void> {
    seen.push({ payload, requestId: currentRequestId() });
  }
}

describe('JobDispatcher runs a job in the scope of the request that caused it', () => {
  const job = (id: string, data: object) =>
    ({ id, name: JobName.ReconcileSearchIndex, queueName: JOB_QUEUE[JobName.ReconcileSearchIndex], data, attemptsMade: 0, updateProgress: async () => undefined }) as unknown as Job;

  it('hands the handler the payload without the carried request id, and that id is current while it runs', async () => {
    const d = await dispatcherWith([RecordingReconcileHandler]);
    // Only this job has a handler here: discovery complains about the others after registering this one.
    expect(() => d.discover()).toThrow(JobDiscoveryError);
    seen.length = 0;
    const run = (j: Job) => (d as unknown as { process(j: Job): Promise<unknown> }).process(j);
    await run(job('7', withRequestId({ index: 'achievements' }, 'req-0123456789')));
    // No request behind it (a scheduled job): the job's own id stands in, so its log lines still group.
    await run(job('8', { index: 'demands' }));
    expect(seen).toEqual([
      { payload: { index: 'achievements' }, requestId: 'req-0123456789' },
      { payload: { index: 'demands' }, requestId: 'job:8' },
    ]);
    expect(currentRequestId()).toBeUndefined();
  });
});
