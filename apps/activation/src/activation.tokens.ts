export const SEGMENTS = Symbol('SEGMENTS');
