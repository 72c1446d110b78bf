export * from './lib/identity-graph.entities';
export * from './lib/identity-graph.repository';
export * from './lib/migrations/1732300000001-identity-graph';
