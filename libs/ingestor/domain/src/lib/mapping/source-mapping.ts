// A source mapping compiled for mapping payloads fast: paths parsed, conditions built, rules
// merged per kind, and the tree of payload paths each kind reads. Done once, at boot.
import type { EventType } from '@c360/schemas';
import { normaliseMarket } from '../normalise';
import { checkMappingFile, type ConditionSpec, type Literal, type MappingFile, type MappingProblem } from './mapping-file';
import { getPath, isPresent, parsePath, PathTree, type CompiledPath } from './paths';
import { compileParty, type CompiledParty } from './party';
import { compilePayload, type CompiledPayload } from './payloads';
import { compileOptional, compileRule, type CompiledRule, type Reads } from './rules';
import { TEXT, TIMESTAMP, type ValueType } from './value-types';

export interface CompiledCondition {
  readonly path: CompiledPath;
  readonly test: (value: unknown) => boolean;
}

export interface CompiledKind {
  readonly name: string;
  readonly eventType: EventType;
  /** All must hold; empty for a catch-all last kind. */
  readonly when: readonly CompiledCondition[];
  readonly eventId: CompiledRule<string>;
  readonly sourceRecordId: CompiledRule<string>;
  readonly occurredAt: CompiledRule<number>;
  readonly party: CompiledParty;
  readonly payload: CompiledPayload;
  /** Every payload path the kind's rules (and the common ones) read. */
  readonly reads: PathTree;
}

/** A validated, compiled mapping: what mapNative needs. */
export interface SourceMapping {
  readonly source: string;
  readonly description: string;
  readonly defaultMarket: string;
  readonly maxPayloadBytes: number;
  /** The market rule from marketFrom, if any. */
  readonly market: CompiledRule<string> | null;
  readonly kinds: readonly CompiledKind[];
  /** The mapping file as validated, defaults applied. */
  readonly file: MappingFile;
}

/** A mapping file with problems; `problems` lists each with its path in the file. */
export class InvalidMapping extends Error {
  override readonly name = 'InvalidMapping';

  constructor(
    readonly origin: string,
    readonly problems: readonly MappingProblem[],
  ) {
    super(`invalid mapping ${origin}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
}

const MARKET: ValueType<string> = { label: 'market', transforms: new Map([['country', normaliseMarket]]) };

/**
 * Validates a mapping file's content and compiles it. `origin` names the file in messages; when
 * it is a .json file name, it must be '<source>.json'. Throws InvalidMapping listing every problem.
 */
export function parseSourceMapping(content: unknown, origin: string): SourceMapping {
  const checked = checkMappingFile(content);
  if (checked.file === undefined) throw new InvalidMapping(origin, checked.problems);
  const file = checked.file;
  const fileName = /([^/\\]+)\.json$/.exec(origin)?.[1];
  if (fileName !== undefined && fileName !== file.source) {
    throw new InvalidMapping(origin, [
      { path: 'source', message: `the file of source '${file.source}' must be named ${file.source}.json` },
    ]);
  }
  return compileMapping(file);
}

/** Compiles a validated mapping file. */
export function compileMapping(file: MappingFile): SourceMapping {
  const marketReads: (readonly (string | number)[])[] = [];
  const market = compileOptional(file.marketFrom === undefined ? undefined : { from: file.marketFrom }, MARKET, 'market', {
    add: (segments) => marketReads.push(segments),
  });
  const kinds = file.kinds.map((kind): CompiledKind => {
    const tree = new PathTree();
    const reads: Reads = tree;
    for (const segments of marketReads) tree.add(segments);
    const when = (kind.when ?? []).map((c) => compileCondition(c, reads));
    const record = { ...file.record, ...kind.record };
    // The file validator makes sure each kind has the three, here or in the common record.
    const required = <T>(spec: typeof record.eventId, type: ValueType<T>, target: string) =>
      compileRule(spec!, type, target, reads, [], true);
    return {
      name: kind.name,
      eventType: kind.eventType,
      when,
      eventId: required(record.eventId, TEXT, 'eventId'),
      sourceRecordId: required(record.sourceRecordId, TEXT, 'sourceRecordId'),
      occurredAt: required(record.occurredAt, TIMESTAMP, 'occurredAt'),
      party: compileParty(file.party, kind.party, reads),
      payload: compilePayload(kind, reads),
      reads: tree,
    };
  });
  return {
    source: file.source,
    description: file.description,
    defaultMarket: file.defaultMarket,
    maxPayloadBytes: file.maxPayloadBytes,
    market,
    kinds,
    file,
  };
}

function compileCondition(spec: ConditionSpec, reads: Reads): CompiledCondition {
  const path = parsePath(spec.path)!; // validated
  reads.add(path.segments);
  if (spec.equals !== undefined) {
    const expected: Literal = spec.equals;
    return { path, test: (v) => v === expected };
  }
  if (spec.in !== undefined) {
    const allowed: ReadonlySet<unknown> = new Set(spec.in);
    return { path, test: (v) => allowed.has(v) };
  }
  const present = spec.present === true;
  return { path, test: (v) => isPresent(v) === present };
}

/** The first kind whose conditions all hold for the payload. */
export function matchKind(mapping: SourceMapping, payload: unknown): CompiledKind | undefined {
  return mapping.kinds.find((kind) => kind.when.every((c) => c.test(getPath(payload, c.path))));
}
