export * from './invalid-value';
export * from './text';
export * from './phone';
export * from './time';
export * from './place';
export * from './name';
export * from './money';
export { foldToAscii } from './fold';
