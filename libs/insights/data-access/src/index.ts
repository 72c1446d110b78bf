export * from './lib/insights.entities';
export * from './lib/insights.repository';
export * from './lib/migrations/1732300000002-insights';
