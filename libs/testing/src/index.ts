export * from './lib/service-process';
export * from './lib/kafka-test-client';
export * from './lib/database';
