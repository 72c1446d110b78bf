export * from './lib/memberships.entities';
export * from './lib/memberships.repository';
export * from './lib/migrations/1732300000003-memberships';
export * from './lib/migrations/1732300000004-evaluations';
