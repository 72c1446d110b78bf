export * from './lib/outbox';
export * from './lib/persistence.module';
