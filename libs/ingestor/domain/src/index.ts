export * from './lib/mapping';
export * from './lib/normalise';
export * from './lib/map-native';
