// Payload paths: 'customer.email', 'items[0].sku', and 'items[]' (every element) where a list
// entry iterates. Parsed once when a mapping is compiled; reading one is a loop over segments.

/** A path parsed into object keys and array indices. */
export interface CompiledPath {
  /** The path as written in the mapping file, for messages. */
  readonly text: string;
  readonly segments: readonly (string | number)[];
}

/** A path to iterate: every element of an array (`items[]`) or one object (`member.address`). */
export interface CompiledEach {
  readonly text: string;
  readonly path: CompiledPath;
  readonly array: boolean;
}

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;
const INDEX = /\[(\d+)\]/g;
const NON_BLANK = /\S/;

/** Parses 'a.b[0].c'; returns undefined when the text is not a path. */
export function parsePath(text: string): CompiledPath | undefined {
  const segments: (string | number)[] = [];
  for (const part of text.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) return undefined;
    segments.push(m[1]!);
    for (const index of m[2]!.matchAll(INDEX)) segments.push(Number(index[1]));
  }
  return { text, segments };
}

/** Parses 'items[]' (an array to iterate) or 'member.address' (one object). */
export function parseEach(text: string): CompiledEach | undefined {
  const array = text.endsWith('[]');
  const path = parsePath(array ? text.slice(0, -2) : text);
  return path && { text, path, array };
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** The value at a path, or undefined. Only own properties count, so 'constructor' is never found on a plain object. */
export function getPath(root: unknown, path: CompiledPath): unknown {
  let node = root;
  for (const segment of path.segments) {
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[segment];
    } else {
      if (Array.isArray(node) || !hasOwn(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}

/** A value counts as sent unless it is missing, null or blank text. */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && (typeof value !== 'string' || NON_BLANK.test(value));
}

/** The payload paths a kind's rules read, as a tree with array elements collapsed to '[]'. */
export class PathTree {
  readonly children = new Map<string, PathTree>();
  /** A rule reads the value here (not only something below it). */
  read = false;

  add(segments: readonly (string | number)[]): void {
    this.descend(segments, 0);
  }

  private descend(segments: readonly (string | number)[], from: number): void {
    if (from === segments.length) {
      this.read = true;
      return;
    }
    const segment = segments[from]!;
    const key = typeof segment === 'number' ? ARRAY : segment;
    let child = this.children.get(key);
    if (!child) this.children.set(key, (child = new PathTree()));
    child.descend(segments, from + 1);
  }

  /**
   * The leaf paths of a payload no rule reads, array indices collapsed ('items[].colour'),
   * each once, in payload order.
   */
  unread(payload: unknown): string[] {
    const out = new Set<string>();
    collectUnread(payload, this, [], out);
    return [...out];
  }
}

/** The segment that stands for every element of an array. */
export const ARRAY = '[]';

function collectUnread(value: unknown, node: PathTree | undefined, stack: string[], out: Set<string>): void {
  if (node?.read) return;
  if (Array.isArray(value)) {
    const child = node?.children.get(ARRAY);
    stack.push(ARRAY);
    for (const element of value) collectUnread(element, child, stack, out);
    stack.pop();
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      stack.push(key);
      collectUnread((value as Record<string, unknown>)[key], node?.children.get(key), stack, out);
      stack.pop();
    }
  } else if (isPresent(value)) {
    out.add(pathText(stack));
  }
}

function pathText(stack: readonly string[]): string {
  let text = '';
  for (const segment of stack) text += segment === ARRAY ? ARRAY : text === '' ? segment : `.${segment}`;
  return text;
}

/** A concrete path with its array indices collapsed: 'items[1].sku' → 'items[].sku'. */
export function collapseIndices(path: string): string {
  return path.replace(INDEX, ARRAY);
}
