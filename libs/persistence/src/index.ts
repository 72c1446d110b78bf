export * from './lib/outbox';
export * from './lib/persistence.module';
export * from './lib/advisory-lock';
export * from './lib/pg-array';
