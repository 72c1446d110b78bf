export * from './lib/generate';
export * from './lib/scoring';
export { DEFAULT_NOISE, NO_NOISE, HARD_CASES, parseNoise, type NoiseRates } from './lib/noise';
export { DEFAULT_BEHAVIOUR, type BehaviourRates } from './lib/life';
export { MARKETS, type Market } from './lib/markets';
export { sourceRecordIdOf, kindOf } from './lib/kinds';
export * from './lib/truth';
