export * from './actor';
export * from './actor-source';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
