export * from './lib/scoring';
export * from './lib/generate';
