import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { loadConfig } from '../config/app-config';
import { AppConfig } from '../config/app-config';
import { JobName } from './job-catalogue';
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
