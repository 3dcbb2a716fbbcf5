export * from './test-database';
export * from './queues';
