// Comparators for name match keys and dates of birth. Keys arrive folded to lower-case Latin
// letters by the ingestor (kana as romaji, kanji as any-ascii's reading), so every comparator here
// works on plain ASCII.
//
// Libraries: Jaro-Winkler from @skyra/jaro-winkler (typed, dependency-free, ~0.25 µs a pair),
// edit distance from fastest-levenshtein, phonetic codes from double-metaphone (wooorm; Double
// Metaphone copes with the German, French and English spellings of one sound: Müller/Mueller,
// Schmidt/Schmitt, Dupont/Dupond; ~0.5 µs a name, so codes are computed once per record, in the
// evidence, not per comparison).
import { jaroWinkler as skyraJaroWinkler } from '@skyra/jaro-winkler';
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { NICKNAMES } from './data/nicknames';

export const NAME_METHODS = ['exact', 'nickname', 'jaro-winkler', 'edit-distance', 'phonetic', 'initial'] as const;
/** How two name parts may agree: equal keys, a known short form, string similarity, one typo, equal phonetic codes, an initial. */
export type NameMethod = (typeof NAME_METHODS)[number];

/** A name part as the evidence holds it: its match key with the phonetic codes and nickname groups precomputed. */
export interface NamePart {
  readonly key: string;
  readonly codes: readonly string[];
  /** Nickname groups (the formal names) the key belongs to; empty when it is in none. */
  readonly groups: readonly string[];
}

export interface PartAgreement {
  readonly method: NameMethod;
  /** 0..1: 1 for equal keys, the Jaro-Winkler similarity, or a fixed weight for the other methods. */
  readonly score: number;
}

/** Scores of the methods that do not measure a similarity themselves. */
const METHOD_SCORE: Readonly<Record<Exclude<NameMethod, 'jaro-winkler'>, number>> = {
  exact: 1,
  nickname: 0.95,
  'edit-distance': 0.9,
  phonetic: 0.9,
  initial: 0.8,
};

/** Names this short are too short for one typo or a phonetic code to mean anything. */
const MIN_FUZZY_LENGTH = 4;

export function jaroWinkler(a: string, b: string): number {
  return a === b ? 1 : skyraJaroWinkler(a, b);
}

/** Double Metaphone primary and alternate codes of a match key, each once. */
export function phoneticCodes(key: string): string[] {
  const [primary, alternate] = doubleMetaphone(key);
  if (!primary) return alternate ? [alternate] : [];
  return alternate && alternate !== primary ? [primary, alternate] : [primary];
}

/** One side is a single letter and the other starts with it ('j' and 'john'). */
export function isInitialOf(a: string, b: string): boolean {
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

const TRAILING_VOWEL = /[aeo]$/;
const collapseDoubles = (s: string) => s.replace(/(.)\1+/g, '$1');

/**
 * The masculine and feminine (or two language) forms of one name stem: Daniel/Daniela, Paul/Paula,
 * Jan/Jana, Louis/Louise, Simon/Simone, Marie/Mario, Michel/Michelle, Yuki/Yuko excepted. They look
 * alike to every string measure but name different people, typically in one household.
 */
export function isGenderedPair(a: string, b: string): boolean {
  if (a === b) return false;
  const x = collapseDoubles(a);
  const y = collapseDoubles(b);
  if (x === y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 2) return false;
  // Jan/Jana, Paul/Paula, Louis/Louise, Christian/Christiane.
  // A stem ending in a vowel plus 'e' is a spelling variant (Stefani/Stefanie), not another name.
  if (long.length === short.length + 1 && long.startsWith(short) && TRAILING_VOWEL.test(long) && !/[aeiouy]$/.test(short)) return true;
  // Maria/Marie, Mario/Maria, Yuki/Yuko-like endings: same stem, different final vowel.
  if (long.length === short.length && short.length >= 3 && long.slice(0, -1) === short.slice(0, -1)) {
    return /[aeiou]/.test(long.slice(-1)) && /[aeiou]/.test(short.slice(-1));
  }
  return false;
}

/** Keys this short are not looked up with a typo: too many names lie one letter apart. */
const MIN_FUZZY_LOOKUP_LENGTH = 5;

/**
 * Which nickname groups each given-name key belongs to. A key the table does not hold is looked up
 * with one typo ('josehine' finds 'josephine', 'setph' finds 'steph'), through an index of the
 * table's keys with one letter deleted, as long as the first and last letters agree and the two
 * are not gendered forms (a typo never turns 'mario' into 'marion', a form of Marie).
 */
export class NicknameIndex {
  private readonly byKey = new Map<string, string[]>();
  private readonly byDeletion = new Map<string, string[]>();

  constructor(groups: Iterable<readonly string[]>) {
    for (const group of groups) {
      const [formal] = group;
      if (formal === undefined) continue;
      for (const key of group) {
        const known = this.byKey.get(key);
        if (!known) this.byKey.set(key, [formal]);
        else if (!known.includes(formal)) known.push(formal);
      }
    }
    for (const key of this.byKey.keys()) {
      if (key.length < MIN_FUZZY_LOOKUP_LENGTH) continue;
      for (const variant of deletions(key)) {
        const keys = this.byDeletion.get(variant);
        if (!keys) this.byDeletion.set(variant, [key]);
        else if (!keys.includes(key)) keys.push(key);
      }
    }
  }

  /** The groups (named by their formal name) a key belongs to, sorted; empty when none. */
  groupsOf(key: string): readonly string[] {
    const exact = this.byKey.get(key);
    if (exact) return [...exact].sort();
    if (key.length < MIN_FUZZY_LOOKUP_LENGTH) return [];
    const groups = new Set<string>();
    for (const variant of [key, ...deletions(key)]) {
      for (const near of this.byDeletion.get(variant) ?? []) {
        if (near[0] !== key[0] || near[near.length - 1] !== key[key.length - 1] || isGenderedPair(near, key)) continue;
        for (const g of this.byKey.get(near)!) groups.add(g);
      }
    }
    return [...groups].sort();
  }

  get size(): number {
    return this.byKey.size;
  }
}

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** The built-in table of every market plus a steward's extra groups. */
export function nicknameIndex(extra: readonly (readonly string[])[] = [], builtIn = true): NicknameIndex {
  return new NicknameIndex([...(builtIn ? Object.values(NICKNAMES).flat() : []), ...extra]);
}

export function namePart(key: string, nicknames: NicknameIndex): NamePart {
  return { key, codes: phoneticCodes(key), groups: nicknames.groupsOf(key) };
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/**
 * Whether two name parts agree by one of the methods, tried from the strongest: equal keys, a shared
 * nickname group, Jaro-Winkler at or above the threshold, one edit (names of 4+ letters), equal
 * phonetic codes (4+ letters), an initial. Similar-looking gendered forms (Daniel/Daniela) only
 * agree by equality or a nickname group.
 */
export function compareParts(a: NamePart, b: NamePart, methods: readonly NameMethod[], threshold: number): PartAgreement | null {
  if (a.key === b.key) return { method: 'exact', score: 1 };
  if (methods.includes('nickname') && intersects(a.groups, b.groups)) return { method: 'nickname', score: METHOD_SCORE.nickname };
  if (methods.includes('initial') && isInitialOf(a.key, b.key)) return { method: 'initial', score: METHOD_SCORE.initial };
  if (isGenderedPair(a.key, b.key)) return null;
  if (methods.includes('jaro-winkler')) {
    const similarity = jaroWinkler(a.key, b.key);
    if (similarity >= threshold) return { method: 'jaro-winkler', score: Math.round(similarity * 1000) / 1000 };
  }
  const fuzzy = a.key.length >= MIN_FUZZY_LENGTH && b.key.length >= MIN_FUZZY_LENGTH;
  if (fuzzy && methods.includes('edit-distance') && distance(a.key, b.key) <= 1)
    return { method: 'edit-distance', score: METHOD_SCORE['edit-distance'] };
  if (fuzzy && methods.includes('phonetic') && intersects(a.codes, b.codes)) return { method: 'phonetic', score: METHOD_SCORE.phonetic };
  return null;
}

const DAY_MS = 86_400_000;

/** How two dates of birth (days since 1970-01-01) relate. */
export type BirthDateRelation = 'equal' | 'transposed' | 'one-part' | 'different';

/**
 * 'transposed': day and month swapped (03/04 typed as 04/03); 'one-part': exactly one of day,
 * month and year differs (a typo in one field); else 'different'.
 */
export function compareBirthDates(a: number, b: number): BirthDateRelation {
  if (a === b) return 'equal';
  const x = new Date(a * DAY_MS);
  const y = new Date(b * DAY_MS);
  const [xd, xm, xy] = [x.getUTCDate(), x.getUTCMonth() + 1, x.getUTCFullYear()];
  const [yd, ym, yy] = [y.getUTCDate(), y.getUTCMonth() + 1, y.getUTCFullYear()];
  if (xy === yy && xd === ym && xm === yd) return 'transposed';
  const differing = (xd === yd ? 0 : 1) + (xm === ym ? 0 : 1) + (xy === yy ? 0 : 1);
  return differing === 1 ? 'one-part' : 'different';
}

/** A date of birth as ISO 'YYYY-MM-DD'. */
export function isoDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of an ISO date; NaN when it is not one. */
export function daysOf(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(iso) ? Number.NaN : ms / DAY_MS;
}
