export * from './generated';
export * from './catalog';
export * from './headers';
