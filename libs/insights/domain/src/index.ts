export * from './lib/purchase-summary';
