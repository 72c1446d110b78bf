// Compiled rules and their evaluation. A rule is compiled once per mapping (paths parsed, value
// map built, normaliser chosen); evaluating it on a payload reads, maps and normalises a value,
// and decides what a missing or invalid value means: a rejection when the field is required,
// else the field is left out (and, when it was invalid, listed as dropped).
import { InputError, InvalidValue, describeValue } from '../normalise';
import type { Literal, RuleSpec } from './mapping-file';
import { collapseIndices, getPath, isPresent, parseEach, parsePath, type CompiledEach, type CompiledPath } from './paths';
import type { NormaliseScope, Normaliser, ValueType } from './value-types';

export type RejectReason =
  | 'payload-too-large'
  | 'invalid-json'
  | 'not-an-object'
  | 'unknown-kind'
  | 'missing-required-field'
  | 'invalid-field'
  | 'unknown-currency-rate'
  | 'mapping-failed';

/** Thrown while mapping one payload to stop it with a reason; caught by mapNative. */
export class Rejection extends InputError {
  constructor(
    readonly reasonCode: RejectReason,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** An optional value that was present but invalid, left out of the event. */
export interface DroppedField {
  /** The payload path, array indices collapsed ('account.addresses[].zip'). */
  readonly path: string;
  /** The canonical field and what was wrong with the value. */
  readonly reason: string;
}

/** The state of mapping one payload. */
export interface Run extends NormaliseScope {
  readonly dropped: DroppedField[];
}

export interface CompiledRule<T> {
  /** The canonical field it fills, for messages ('purchase.currency'). */
  readonly target: string;
  readonly from: readonly CompiledPath[];
  readonly join: readonly CompiledPath[] | null;
  /** What the rule reads, for messages: 'a.b+c' for a join. */
  readonly joinText: string;
  readonly constant: Literal | undefined;
  readonly fallback: Literal | undefined;
  readonly required: boolean;
  readonly map: ReadonlyMap<string, Literal> | null;
  readonly otherwise: Literal | undefined;
  readonly normalise: Normaliser<T>;
}

/** Where compiled rules record the payload paths they read, for unmappedPaths. */
export interface Reads {
  add(segments: readonly (string | number)[]): void;
}

/** Compiles one rule; `base` is the path of the list element its paths are relative to. */
export function compileRule<T>(
  spec: RuleSpec,
  type: ValueType<T>,
  target: string,
  reads: Reads,
  base: readonly (string | number)[] = [],
  always = false,
): CompiledRule<T> {
  const normalise =
    spec.transform === undefined || type.symbols ? type.transforms.values().next().value : type.transforms.get(spec.transform);
  if (!normalise) throw new Error(`no transform for ${target}`); // the file validator rules this out
  const parse = (text: string) => {
    const path = parsePath(text);
    if (!path) throw new Error(`invalid path ${text}`); // ditto
    reads.add([...base, ...path.segments]);
    return path;
  };
  const from = spec.from === undefined ? [] : (Array.isArray(spec.from) ? spec.from : [spec.from]).map(parse);
  return {
    target,
    from,
    join: spec.join ? spec.join.map(parse) : null,
    joinText: spec.join ? spec.join.join('+') : '',
    constant: spec.const,
    fallback: spec.default,
    required: always || spec.required === true,
    map: spec.map ? new Map(Object.entries(spec.map)) : null,
    otherwise: spec.otherwise,
    normalise,
  };
}

/** Compiles an optional rule. */
export function compileOptional<T>(
  spec: RuleSpec | undefined,
  type: ValueType<T>,
  target: string,
  reads: Reads,
  base: readonly (string | number)[] = [],
  always = false,
): CompiledRule<T> | null {
  return spec === undefined ? null : compileRule(spec, type, target, reads, base, always);
}

/** A list entry compiled: where its items come from and the rules of an item. */
export interface CompiledEntry<R> {
  readonly each: CompiledEach | null;
  readonly rules: R;
}

/** Compiles a list entry's `each` and hands the item rules the base path they are relative to. */
export function compileEntry<R>(each: string | undefined, compileRules: (base: readonly (string | number)[]) => R): CompiledEntry<R> {
  const parsed = each === undefined ? null : (parseEach(each) ?? null);
  // A number segment stands for "every element" in the read tree.
  const base = parsed === null ? [] : parsed.array ? [...parsed.path.segments, 0] : parsed.path.segments;
  return { each: parsed, rules: compileRules(base) };
}

/**
 * The items of a list entry in a payload: each with the value its paths are relative to and that
 * value's path. Something other than an array (or an object) where the entry iterates gives no
 * items and is listed as dropped.
 */
export function entryItems(each: CompiledEach | null, payload: unknown, run: Run): { readonly base: unknown; readonly at: string }[] {
  if (each === null) return [{ base: payload, at: '' }];
  const value = getPath(payload, each.path);
  if (each.array && Array.isArray(value)) return (value as unknown[]).map((base, i) => ({ base, at: `${each.path.text}[${i}]` }));
  if (!each.array && value !== null && typeof value === 'object' && !Array.isArray(value)) return [{ base: value, at: each.path.text }];
  if (isPresent(value)) {
    run.dropped.push({
      path: collapseIndices(each.path.text),
      reason: `expected ${each.array ? 'an array' : 'an object'}, got ${describeValue(value)}`,
    });
  }
  return [];
}

const ABSENT = Symbol('absent');
const DROPPED = Symbol('dropped');
export type Outcome<T> = T | typeof ABSENT | typeof DROPPED;

const within = (at: string, path: string) => (at === '' ? path : `${at}.${path}`);
const MAX_ECHO = 40;

/** Reads a rule's value: the value, ABSENT when the payload has none, or DROPPED when an optional value was invalid. */
export function evaluate<T>(rule: CompiledRule<T>, base: unknown, run: Run, at = ''): Outcome<T> {
  let raw: unknown;
  let used = '';
  if (rule.constant !== undefined) {
    raw = rule.constant;
    used = '(constant)';
  } else if (rule.join !== null) {
    const parts: string[] = [];
    for (const part of rule.join) {
      const value = getPath(base, part);
      if (!isPresent(value)) {
        if (rule.required)
          throw new Rejection(
            'missing-required-field',
            `${rule.target} needs ${within(at, part.text)}, which is missing`,
            within(at, part.text),
          );
        return ABSENT;
      }
      if (typeof value !== 'string' && typeof value !== 'number')
        return invalid(rule, run, within(at, part.text), `expected text or a number, got ${describeValue(value)}`);
      parts.push(typeof value === 'string' ? value.trim() : String(value));
    }
    raw = parts.join(':');
    used = rule.joinText;
  } else {
    for (const path of rule.from) {
      const value = getPath(base, path);
      if (isPresent(value)) {
        raw = value;
        used = path.text;
        break;
      }
    }
  }
  if (raw === undefined) {
    if (rule.fallback !== undefined) {
      raw = rule.fallback;
      used = '(default)';
    } else if (rule.required) {
      const paths = rule.from.map((p) => within(at, p.text));
      throw new Rejection('missing-required-field', `${rule.target} is required: ${paths.join(' or ')} is missing`, paths[0]);
    } else return ABSENT;
  }
  try {
    let value = raw;
    if (rule.map !== null) {
      const key = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
      const mapped = key === undefined ? undefined : rule.map.get(key);
      if (mapped !== undefined) value = mapped;
      else if (rule.otherwise !== undefined) value = rule.otherwise;
      else throw new InvalidValue(`'${String(key).slice(0, MAX_ECHO)}' is not in the value map`);
    }
    return rule.normalise(value, run);
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    return invalid(rule, run, within(at, used), error.message);
  }
}

function invalid<T>(rule: CompiledRule<T>, run: Run, where: string, reason: string): typeof DROPPED {
  if (rule.required) throw new Rejection('invalid-field', `${where} (${rule.target}): ${reason}`, where);
  run.dropped.push({ path: collapseIndices(where), reason: `${rule.target}: ${reason}` });
  return DROPPED;
}

/** The rule's value, or undefined when it has none (absent, or invalid and dropped). */
export function read<T>(rule: CompiledRule<T> | null, base: unknown, run: Run, at = ''): T | undefined {
  if (rule === null) return undefined;
  const outcome = evaluate(rule, base, run, at);
  return outcome === ABSENT || outcome === DROPPED ? undefined : outcome;
}

/** Whether an outcome is a value. */
export function isValue<T>(outcome: Outcome<T>): outcome is T {
  return outcome !== ABSENT && outcome !== DROPPED;
}

/** Whether an outcome is an invalid value that was dropped. */
export function wasDropped<T>(outcome: Outcome<T>): boolean {
  return outcome === DROPPED;
}
