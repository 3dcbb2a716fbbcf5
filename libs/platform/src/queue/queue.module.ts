import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { QueueName } from './job-catalogue';
import { JobDispatcher } from './job-dispatcher';
import { JobQueue } from './job-queue.service';
import { redisConnectionOptions } from './redis-connection';

const queues = Object.values(QueueName).map((name) => ({ name }));

/** Producer side, in every process: the queues and the enqueue facade. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: redisConnectionOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [JobQueue],
  exports: [JobQueue, BullModule],
})
export class QueueModule {}

/** Consumer side, in the worker process only: discovery and BullMQ workers. */
@Module({ imports: [DiscoveryModule], providers: [JobDispatcher], exports: [JobDispatcher] })
export class WorkerRuntimeModule {
  static forRoot(): DynamicModule {
    return { module: WorkerRuntimeModule };
  }
}
