export * from './lib/normalise';
export { checkMappingFile, mappingFileSchema, type MappingFile, type MappingProblem, type RuleSpec } from './lib/mapping/mapping-file';
export { TRANSFORMS, type Transform } from './lib/mapping/value-types';
export { InvalidMapping, parseSourceMapping, compileMapping, type SourceMapping, type CompiledKind } from './lib/mapping/source-mapping';
export * from './lib/map-native';
export * from './lib/quality';
