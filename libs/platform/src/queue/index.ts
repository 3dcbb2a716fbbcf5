export * from './job-catalogue';
export * from './job-handler.decorator';
export * from './job-queue.service';
export * from './job-dispatcher';
export * from './queue.module';
export * from './redis-connection';
