// The noise real source systems have, each a named rate, and the edits that produce it. Every
// rate is a probability in [0, 1]; set one to 0 and that kind of noise is gone. `NO_NOISE` gives
// clean data: one record per person per source holding the person's true values.
import { kanjiVariant } from './names';
import type { Random } from './random';

export interface NoiseRates {
  // --- What a source holds about a person (decided once per source record) ---
  /** A record's given or family name has one typing error (a letter swapped, missing, doubled or a neighbouring key; a kanji variant in JP). */
  readonly nameTypo: number;
  /** An email typed by a service agent has a typing error in the local part or the provider (gmial.com). */
  readonly emailTypo: number;
  /** The street of an address has one typing error. */
  readonly streetTypo: number;
  /** A record holds the short form of the given name (Robert → Bob, Katharina → Kathi), where the language has one. */
  readonly nickname: number;
  /** A record holds the given name as family name and the other way round. */
  readonly swappedNames: number;
  /** Each optional field a source would have (phone, birth date, address, name on a subscription, ...) is left empty. */
  readonly missingField: number;
  /** Names, address lines and company names written in capitals, in lower case, or with doubled and trailing spaces; postcodes in lower case without their space. */
  readonly nameCaseAndSpacing: number;
  /** An email written with capitals and stray spaces ('  Jane.Doe@Example.co.uk ') in a web-shop order, a subscription or at the service desk. */
  readonly emailCaseAndSpaces: number;
  /** A phone number written in international format (+44 20 7946 0321) instead of the national one. */
  readonly phoneInternational: number;
  /** A phone number written as bare digits, without the market's separators. */
  readonly phoneDigitsOnly: number;
  /** Street words written short (Straße → Str., Road → Rd, Avenida → Av., 2丁目4番4号 → 2-4-4). */
  readonly addressAbbreviation: number;
  /** A flat or unit moved into the first line, in front ('Flat 2, 10 High St') or behind ('10 High St Flat 2'). */
  readonly addressReorder: number;
  /** A name in plain Latin letters (Müller → Mueller, Łukasz → Lukasz; a JP name in romaji where kanji are usual, or Satou for Satō). */
  readonly transliteration: number;
  // --- Life changes the sources see, or do not ---
  /** The person changes personal email during the period: sources that hear of it carry the new one, the marketing platform gets a new subscription. */
  readonly emailChange: number;
  /** A household moves house during the period (all its members). */
  readonly moveHouse: number;
  /** After a move, a source keeps the old address (each source record of a mover, independently). */
  readonly outdatedAddress: number;
  // --- Hard cases ---
  /** Share of households with 2 to 4 members sharing the address and the landline. */
  readonly household: number;
  /** A household member gives the family's shared email instead of a personal one. */
  readonly sharedFamilyEmail: number;
  /** Share of multi-person households with twins: same family name, address and birth date, different given name. */
  readonly twins: number;
  /** A person has the same full name as another person in the market (half of them in the same city). */
  readonly namesakes: number;
  /** The clerk types the store's own phone number instead of the customer's. */
  readonly storePhone: number;
  /** A junk value typed instead of the real one: 0000000000 at the till, test@test.com in a newsletter form or at the service desk. */
  readonly junk: number;
  /** A loyalty member's card is not typed at the till (the receipt then carries a phone, or nothing). */
  readonly posCardForgotten: number;
  /** A till receipt without a loyalty card carries nothing that identifies the customer (else the phone the customer gives). */
  readonly posAnonymous: number;
  /** A web browser (cookie) never logs in, so its sessions stay anonymous. */
  readonly webAnonymousOnly: number;
  /** A web visitor uses a second device or browser: a second cookie. */
  readonly extraDevice: number;
  /** A source delivers a payload twice (the same bytes, minutes apart). */
  readonly duplicateDelivery: number;
}

export const DEFAULT_NOISE: NoiseRates = {
  nameTypo: 0.03,
  emailTypo: 0.01,
  streetTypo: 0.03,
  nickname: 0.1,
  swappedNames: 0.02,
  missingField: 0.1,
  nameCaseAndSpacing: 0.1,
  emailCaseAndSpaces: 0.3,
  phoneInternational: 0.3,
  phoneDigitsOnly: 0.25,
  addressAbbreviation: 0.4,
  addressReorder: 0.3,
  transliteration: 0.15,
  emailChange: 0.1,
  moveHouse: 0.08,
  outdatedAddress: 0.5,
  household: 0.3,
  sharedFamilyEmail: 0.2,
  twins: 0.03,
  namesakes: 0.02,
  storePhone: 0.02,
  junk: 0.01,
  posCardForgotten: 0.15,
  posAnonymous: 0.3,
  webAnonymousOnly: 0.3,
  extraDevice: 0.3,
  duplicateDelivery: 0.005,
};

export const NO_NOISE: NoiseRates = Object.fromEntries(Object.keys(DEFAULT_NOISE).map((k) => [k, 0])) as unknown as NoiseRates;

/** Noise that makes identity resolution hard by design: set these to 0 and exact identifiers never join two persons. */
export const HARD_CASES: readonly (keyof NoiseRates)[] = ['household', 'sharedFamilyEmail', 'twins', 'namesakes', 'storePhone', 'junk'];

/** Parses 'household=0.3,junk=0' into rates of `defaults`, rejecting unknown names and values outside [0, 1]. */
export function parseRates<T extends object>(text: string, defaults: T, what: string): Partial<T> {
  const rates: Record<string, number> = {};
  for (const pair of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, value] = pair.split('=').map((s) => s.trim());
    const rate = Number(value);
    if (!name || !(name in defaults)) throw new Error(`unknown ${what} rate '${name}': use one of ${Object.keys(defaults).join(', ')}`);
    if (value === undefined || value === '' || !(rate >= 0 && rate <= 1))
      throw new Error(`${what} rate ${name} must be a number from 0 to 1, not '${value}'`);
    rates[name] = rate;
  }
  return rates as Partial<T>;
}

export const parseNoise = (text: string): Partial<NoiseRates> => parseRates(text, DEFAULT_NOISE, 'noise');

// Neighbouring keys on a QWERTY/QWERTZ/AZERTY-agnostic approximation: the letters around each key.
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'qswz',
  b: 'vghn',
  c: 'xdfv',
  d: 'serfcx',
  e: 'wsdr',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  i: 'ujko',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  m: 'njk',
  n: 'bhjm',
  o: 'iklp',
  p: 'ol',
  q: 'wa',
  r: 'edft',
  s: 'awedxz',
  t: 'rfgy',
  u: 'yhji',
  v: 'cfgb',
  w: 'qase',
  x: 'zsdc',
  y: 'tghu',
  z: 'asx',
};

/**
 * One typing error in a word: a neighbouring key, a letter dropped, doubled or swapped with the
 * next. The first letter stays (people rarely get it wrong), and Japanese names get a kanji variant.
 */
export function typo(word: string, r: Random): string {
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(word)) return kanjiVariant(word) ?? word;
  const letters = [...word];
  const positions = letters.map((c, i) => (i > 0 && /\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
  if (positions.length < 2) return word;
  const i = r.pick(positions);
  const c = letters[i]!;
  switch (r.int(0, 3)) {
    case 0: {
      const near = NEIGHBOURS[c.toLowerCase()];
      if (!near) return letters.filter((_, j) => j !== i).join('');
      const swap = near[r.int(0, near.length - 1)]!;
      letters[i] = c === c.toUpperCase() ? swap.toUpperCase() : swap;
      return letters.join('');
    }
    case 1:
      return letters.filter((_, j) => j !== i).join('');
    case 2:
      letters.splice(i, 0, c);
      return letters.join('');
    default:
      if (i + 1 < letters.length && letters[i + 1] !== c) [letters[i], letters[i + 1]] = [letters[i + 1]!, c];
      else letters.splice(i, 0, c);
      return letters.join('');
  }
}

export type CaseStyle = 'upper' | 'lower' | 'double-space' | 'padded';

export const caseStyle = (r: Random): CaseStyle => r.pick(['upper', 'lower', 'double-space', 'padded'] as const);

/** Capitals, lower case, or doubled and trailing spaces, as people and old systems write. */
export function caseAndSpacing(text: string, style: CaseStyle): string {
  switch (style) {
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'double-space':
      return text.includes(' ') ? text.replace(' ', '  ') : `${text} `;
    case 'padded':
      return ` ${text}  `;
  }
}

/** '  Jane.Doe@Example.co.uk ' or 'JANE.DOE@EXAMPLE.CO.UK'. */
export function emailCaseAndSpaces(email: string, r: Random): string {
  if (r.chance(0.3)) return `${email.toUpperCase()} `;
  const capitalised = email.replace(/(^|[.@_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  return `${' '.repeat(r.int(0, 2))}${capitalised}${' '.repeat(r.int(1, 2))}`;
}

const PROVIDER_TYPOS: Readonly<Record<string, readonly string[]>> = {
  'gmail.com': ['gmial.com', 'gmail.co', 'gmai.com', 'gmail.con'],
  'hotmail.com': ['hotmial.com', 'hotmail.co', 'hotmal.com'],
  'yahoo.com': ['yaho.com', 'yahoo.co'],
};

/** An email with one typing error that still looks like an address. */
export function emailTypo(email: string, r: Random): string {
  const [local = '', domain = ''] = email.split('@');
  const providerTypos = PROVIDER_TYPOS[domain];
  if (providerTypos && r.chance(0.4)) return `${local}@${r.pick(providerTypos)}`;
  const changed = typo(local, r);
  return `${changed === local ? `${local}${r.int(1, 9)}` : changed}@${domain}`;
}

/** Street words written short: whole words, and German compounds ending in -straße. */
export function abbreviate(line: string, abbreviations: readonly (readonly [string, string])[]): string {
  let out = line;
  for (const [long, short] of abbreviations) {
    if (long.startsWith('-')) out = out.replace(new RegExp(`${long.slice(1)}(?=\\s|$|,)`, 'g'), short.slice(1));
    else out = out.replace(new RegExp(`(^|\\s)${long}(?=\\s|$|,)`, 'g'), `$1${short}`);
  }
  // Japanese block numbers: 2丁目4番4号 → 2-4-4.
  return out.replace(/(\d+)丁目(\d+)番(?:地)?(\d+)号/g, '$1-$2-$3');
}
