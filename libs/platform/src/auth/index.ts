export * from './actor';
export * from './actor-source';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './access-token';
export * from './auth-state.store';
export * from './separation-of-duties';
