export * from './lib/segments';
