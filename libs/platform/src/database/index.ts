export * from './data-source-options';
export * from './migrate';
export * from './database.module';
export * from './transaction-runner';
export { migrations } from './migrations';
