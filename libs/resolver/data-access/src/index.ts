export * from './lib/identity-graph.repository';
export * from './lib/postgres-graph-store';
export * from './lib/migrations/1732300000001-identity-graph';
export * from './lib/migrations/1732300000002-online-identity-graph';
export * from './lib/migrations/1732300000003-graph-version';
