// Evidence: what a source record says about who the person is, extracted once from its Party and
// stored beside it (compact JSON), and the union of several records' evidence for a profile, so
// a new record is compared with everything known about the profile, not with single records.
import type { Party, PhoneLineType } from '@c360/schemas';
import anyAscii from 'any-ascii';
import { type NamePart, namePart } from './comparators';
import { STREET_KIND_WORDS, UNIT_SUFFIXES, UNIT_WORDS } from './data/address-words';
import { type MatchingConfig, normaliseIdentifierValue } from './matching-config';

/** One way the record writes the person's name: match keys with phonetic codes and nickname groups. */
export interface NameEvidence {
  readonly given: NamePart | null;
  readonly family: NamePart | null;
  /**
   * Parts whose key was read from Han characters (kanji): any-ascii gives a Chinese reading, which
   * is only comparable with another key read from Han characters, never with romaji.
   */
  readonly han?: 'given' | 'family' | 'both';
}

/** What one source record says about the person. JSON-serialisable; stored per record. */
export interface RecordEvidence {
  readonly names: readonly NameEvidence[];
  /** Days since 1970-01-01. */
  readonly birthDates: readonly number[];
  /** 'EMAIL:a@example.com', 'PHONE:+4930123456', 'LOYALTY_ID:c360-club:LC-1' (issuer-scoped types). */
  readonly identifiers: readonly string[];
  /**
   * Identifier keys the source gives as work contact points (use WORK: a buyer's office phone and
   * email): they identify the person, but colleagues share them, so households ignore them.
   */
  readonly workContacts?: readonly string[];
  /** Line type of each PHONE key the source's number plan knew; unknown ones are left out. */
  readonly phoneLines: Readonly<Record<string, Exclude<PhoneLineType, 'UNKNOWN'>>>;
  /** The ingestor's address keys, c360's order- and abbreviation-proof signatures ('sig|...') and buildings ('loc|...'). */
  readonly addresses: readonly string[];
  /** Dwellings: signatures with the flat or floor ('unit|...'), which tell two flats of a building apart. */
  readonly dwellings: readonly string[];
  /** 'de|10115', 'gb|sw1a1aa'. */
  readonly postcodes: readonly string[];
}

/** The union of a profile's records' evidence, with the records behind each value. */
export interface ProfileEvidence extends RecordEvidence {
  readonly recordIds: readonly string[];
  readonly identifierSet: ReadonlySet<string>;
  readonly addressSet: ReadonlySet<string>;
  readonly dwellingSet: ReadonlySet<string>;
  readonly workContactSet: ReadonlySet<string>;
  readonly postcodeSet: ReadonlySet<string>;
  /** Value → the records that carry it; keys 'id:<identifier>', 'name:<given>|<family>', 'dob:<days>', 'address:<key>', 'dwelling:<key>', 'postcode:<key>'. */
  readonly provenance: ReadonlyMap<string, readonly string[]>;
}

/** Name variants, dates and addresses kept per profile: enough for typos and history, bounded for big profiles. */
export const MAX_VALUES_PER_FIELD = 32;

const HAN = /\p{Script=Han}/u;
const NON_LETTERS = /[^a-z]/g;
const KANA_NAME_EXTENSION = 'jp.nameKana';

/** The identifier key of a value: 'TYPE:value', or 'TYPE:issuer:value' for issuer-scoped types. */
export function identifierKey(type: string, value: string, issuer: string | null, config: MatchingConfig): string {
  const normalised = normaliseIdentifierValue(type, value);
  return config.issuerScoped.has(type) ? `${type}:${issuer ?? ''}:${normalised}` : `${type}:${normalised}`;
}

/** The identifier type of a key ('EMAIL:a@b' → 'EMAIL'). */
export function identifierTypeOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** Whether a value is junk or protected: on the blocked list or matching a blocked pattern of its type. */
export function isProtectedValue(type: string, value: string, config: MatchingConfig): boolean {
  const normalised = normaliseIdentifierValue(type, value);
  if (config.blockedValues.get(type)?.has(normalised)) return true;
  return config.blockedPatterns.get(type)?.some((p) => p.test(normalised)) ?? false;
}

/** Extracts a record's evidence from its party: linkable identifiers without junk, name keys, dates, addresses. */
export function buildEvidence(party: Party, config: MatchingConfig): RecordEvidence {
  const identifiers: string[] = [];
  const workContacts: string[] = [];
  const phoneLines: Record<string, Exclude<PhoneLineType, 'UNKNOWN'>> = {};
  const add = (type: string, value: string, issuer: string | null) => {
    if (!config.identifierRank.has(type) || value.trim() === '' || isProtectedValue(type, value, config)) return null;
    const key = identifierKey(type, value, issuer, config);
    if (!identifiers.includes(key)) identifiers.push(key);
    return key;
  };
  for (const email of party.emails) {
    const key = add('EMAIL', email.address, null);
    if (key && email.use === 'WORK') pushOnce(workContacts, key);
  }
  for (const phone of party.phones) {
    const key = add('PHONE', phone.number, null);
    if (key && phone.lineType !== 'UNKNOWN') phoneLines[key] = phone.lineType;
    if (key && phone.use === 'WORK') pushOnce(workContacts, key);
  }
  for (const id of party.identifiers) add(id.type, id.value, id.type === 'EMAIL' || id.type === 'PHONE' ? null : id.issuer);

  const birthDates = party.dateOfBirth !== null && !config.blockedBirthDates.has(party.dateOfBirth) ? [party.dateOfBirth] : [];

  const addresses: string[] = [];
  const dwellings: string[] = [];
  const postcodes: string[] = [];
  for (const address of party.addresses) {
    const country = address.country.toLowerCase();
    const postcode = address.postcode ? address.postcode.replace(/[^A-Za-z0-9]/g, '').toLowerCase() : '';
    if (postcode) pushOnce(postcodes, `${country}|${postcode}`);
    if (address.key) pushOnce(addresses, address.key);
    const forms = addressForms(country, postcode, address.lines);
    if (forms) {
      pushOnce(addresses, forms.signature);
      if (forms.building) pushOnce(addresses, forms.building);
      // A dwelling is a home: a buyer's company address (WORK) is shared by colleagues, not a household.
      if (address.use !== 'WORK') pushOnce(dwellings, forms.dwelling);
    }
  }

  return {
    names: nameEvidence(party, config),
    birthDates,
    identifiers,
    ...(workContacts.length > 0 ? { workContacts } : {}),
    phoneLines,
    addresses,
    dwellings,
    postcodes,
  };
}

function nameEvidence(party: Party, config: MatchingConfig): NameEvidence[] {
  const names: NameEvidence[] = [];
  const name = party.name;
  if (name && (name.givenKey || name.familyKey)) {
    const givenHan = HAN.test(name.given ?? '');
    const familyHan = HAN.test(name.family ?? '');
    names.push({
      given: name.givenKey ? namePart(name.givenKey, config.nicknames) : null,
      family: name.familyKey ? namePart(name.familyKey, config.nicknames) : null,
      ...(givenHan || familyHan
        ? { han: givenHan && familyHan ? ('both' as const) : givenHan ? ('given' as const) : ('family' as const) }
        : {}),
    });
    // Registers and forms with a forenames field carry middle names ('SELINA WILLA'), which the
    // match key runs together ('selinawilla'): the first forename alone is the name other sources
    // hold. Hyphenated names (Jean-Luc) are one forename.
    const forenames = givenHan ? [] : (name.given ?? '').trim().split(/\s+/);
    const first = forenames.length > 1 ? keyOf(forenames[0]!) : null;
    if (first && first.length > 1 && first !== name.givenKey) {
      names.push({
        given: namePart(first, config.nicknames),
        family: name.familyKey ? namePart(name.familyKey, config.nicknames) : null,
        ...(familyHan ? { han: 'family' as const } : {}),
      });
    }
  }
  // JP sources send the reading in kana beside a kanji name: its romaji compares with romaji names.
  const kana = party.extensions[KANA_NAME_EXTENSION];
  if (kana) {
    const [family, ...given] = kana.trim().split(/[\s\u3000]+/);
    const familyKey = family ? keyOf(family) : null;
    const givenKey = given.length > 0 ? keyOf(given.join('')) : null;
    if (givenKey || familyKey) {
      const variant: NameEvidence = {
        given: givenKey ? namePart(givenKey, config.nicknames) : null,
        family: familyKey ? namePart(familyKey, config.nicknames) : null,
      };
      if (!names.some((n) => sameName(n, variant))) names.push(variant);
    }
  }
  return names;
}

/** A name's match key as the ingestor builds it (Latin ASCII, lower case, letters only): 'Müller' → 'muller'. */
export function nameKey(text: string): string | null {
  return keyOf(text);
}

function keyOf(text: string): string | null {
  const key = anyAscii(text.normalize('NFC')).toLowerCase().replace(NON_LETTERS, '');
  return key === '' ? null : key;
}

const sameName = (a: NameEvidence, b: NameEvidence) => a.given?.key === b.given?.key && a.family?.key === b.family?.key && a.han === b.han;
const nameId = (n: NameEvidence) => `${n.given?.key ?? ''}|${n.family?.key ?? ''}${n.han ? `|${n.han}` : ''}`;

/** The forms one postal address is compared in (see `addressForms`). */
export interface AddressForms {
  /** 'sig|gb|sw1a1aa|12|acaci': survives abbreviated street words, reordered lines and flats. */
  readonly signature: string;
  /** 'loc|gb|sw1a1aa|12': the building, whatever the street is called (a typo in the street name). */
  readonly building: string | null;
  /** 'unit|gb|sw1a1aa|12|acaci|3': one dwelling, with its flat or floor ('' for a house without one). */
  readonly dwelling: string;
}

/**
 * An address signature that survives abbreviated street words and reordered lines: country,
 * postcode, the house numbers and the first five letters of the street's most telling word, with
 * units ('Flat 3', '3. OG') left out. '12 Acacia Rd' and 'Acacia Road 12' sign alike.
 */
export function addressSignature(country: string, postcode: string, lines: readonly string[]): string | null {
  return addressForms(country, postcode, lines)?.signature ?? null;
}

/**
 * The signature of an address, its building and its dwelling: the signature with the units put
 * back ('Flat 3' and '3rd floor' written in any order and abbreviation), which tells two flats of
 * one building apart, so a household can be grouped on it.
 */
export function addressForms(country: string, postcode: string, lines: readonly string[]): AddressForms | null {
  const numbers: string[] = [];
  const units: string[] = [];
  let stem = '';
  for (const line of lines) {
    const tokens = foldLine(japaneseBlockNumbers(line));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (UNIT_WORDS.has(token)) {
        // 'Flat 3' / 'Apt 12B': the unit's number after it; '3. OG' / '5e étage': the one before it.
        if (i + 1 < tokens.length && /\d|^[a-z]$/.test(tokens[i + 1]!)) units.push(tokens[++i]!);
        else {
          const previous = tokens[i - 1];
          if (previous !== undefined && /\d/.test(previous) && numbers[numbers.length - 1] === previous) units.push(numbers.pop()!);
        }
        continue;
      }
      const suffix = UNIT_SUFFIXES.find((s) => token.endsWith(s));
      if (suffix) {
        units.push(token.replace(/\D+/g, ''));
        continue;
      }
      if (/\d/.test(token)) numbers.push(token);
      else if (!STREET_KIND_WORDS.has(token) && (token.length > stem.length || (token.length === stem.length && token < stem)))
        stem = token;
    }
  }
  if (!postcode && numbers.length === 0) return null;
  if (numbers.length === 0 && stem === '') return null;
  const place = `${country}|${postcode}|${[...new Set(numbers)].sort().join('.')}`;
  const signature = `sig|${place}|${stem.slice(0, 5)}`;
  return {
    signature,
    building: buildingOf(signature),
    dwelling: `unit|${place}|${stem.slice(0, 5)}|${[...new Set(units.map((u) => u.replace(/^0+(?=\d)/, '')))].sort().join('.')}`,
  };
}

/**
 * The building an address signature names: country, postcode and house numbers, without the
 * street ('loc|de|31162|67'). A typo in the street name ('Pappslweg 67' for 'Pappelweg 67') changes
 * the key and the signature but not the building; within one postcode, two streets with the same
 * house number hold different buildings, so it only counts beside a similar name (or, for
 * households, a family name or a phone). Null without a postcode or a house number.
 */
export function buildingOf(signature: string): string | null {
  const [, country, postcode, numbers] = signature.split('|');
  return postcode && numbers ? `loc|${country}|${postcode}|${numbers}` : null;
}

/**
 * A JP block address written in kanji ('2丁目4番4号', '2丁目4番地4') as the numbers it names
 * ('2-4-4'), the form it is also written in; a room number ('101号室') is left alone.
 */
function japaneseBlockNumbers(line: string): string {
  return line
    .replace(/(\d+)\s*丁目\s*(\d+)\s*番地?\s*(\d+)\s*号(?!室)/g, '$1-$2-$3')
    .replace(/(\d+)\s*丁目\s*(\d+)\s*番地?\s*(\d+)(?![\d号])/g, '$1-$2-$3')
    .replace(/(\d+)\s*丁目\s*(\d+)\s*番地?/g, '$1-$2');
}

function foldLine(line: string): string[] {
  return line
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function pushOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** The union of a profile's records' evidence, in the order given (oldest record first keeps the bounded lists stable). */
export function profileEvidence(records: readonly { readonly recordId: string; readonly evidence: RecordEvidence }[]): ProfileEvidence {
  const names = new Map<string, NameEvidence>();
  const birthDates = new Set<number>();
  const identifiers = new Set<string>();
  const phoneLines: Record<string, Exclude<PhoneLineType, 'UNKNOWN'>> = {};
  const addresses = new Set<string>();
  const dwellings = new Set<string>();
  const workContacts = new Set<string>();
  const postcodes = new Set<string>();
  for (const { evidence } of records) {
    for (const name of evidence.names) {
      if (names.size >= MAX_VALUES_PER_FIELD) break;
      const id = nameId(name);
      if (!names.has(id)) names.set(id, name);
    }
    for (const d of evidence.birthDates) if (birthDates.size < MAX_VALUES_PER_FIELD) birthDates.add(d);
    // Identifiers are never capped: a profile must keep matching on every identifier it holds.
    for (const key of evidence.identifiers) identifiers.add(key);
    for (const key in evidence.phoneLines) phoneLines[key] ??= evidence.phoneLines[key]!;
    for (const key of evidence.workContacts ?? []) workContacts.add(key);
    for (const a of evidence.addresses) if (addresses.size < MAX_VALUES_PER_FIELD * 2) addresses.add(a);
    for (const d of evidence.dwellings) if (dwellings.size < MAX_VALUES_PER_FIELD) dwellings.add(d);
    for (const p of evidence.postcodes) if (postcodes.size < MAX_VALUES_PER_FIELD) postcodes.add(p);
  }
  // Only a rule that matches asks which records hold a value (to explain its link); most unions
  // are made to look for a conflict between two groups, so the holders are gathered on first use.
  let provenance: ReadonlyMap<string, readonly string[]> | undefined;
  return {
    names: [...names.values()],
    birthDates: [...birthDates],
    identifiers: [...identifiers],
    ...(workContacts.size > 0 ? { workContacts: [...workContacts] } : {}),
    phoneLines,
    addresses: [...addresses],
    dwellings: [...dwellings],
    postcodes: [...postcodes],
    recordIds: records.map((r) => r.recordId),
    identifierSet: identifiers,
    addressSet: addresses,
    dwellingSet: dwellings,
    workContactSet: workContacts,
    postcodeSet: postcodes,
    get provenance() {
      return (provenance ??= provenanceOf(records));
    },
  };
}

/** Value → the records carrying it, in the order given, for every value (those past the caps too). */
function provenanceOf(records: readonly { readonly recordId: string; readonly evidence: RecordEvidence }[]): Map<string, string[]> {
  const provenance = new Map<string, string[]>();
  const note = (key: string, recordId: string) => {
    const holders = provenance.get(key);
    if (!holders) provenance.set(key, [recordId]);
    else if (holders[holders.length - 1] !== recordId) holders.push(recordId);
  };
  for (const { recordId, evidence } of records) {
    for (const name of evidence.names) note(`name:${nameId(name)}`, recordId);
    for (const d of evidence.birthDates) note(`dob:${d}`, recordId);
    for (const key of evidence.identifiers) note(`id:${key}`, recordId);
    for (const a of evidence.addresses) note(`address:${a}`, recordId);
    for (const d of evidence.dwellings) note(`dwelling:${d}`, recordId);
    for (const p of evidence.postcodes) note(`postcode:${p}`, recordId);
  }
  return provenance;
}

/** Each record evidence's view as a profile of one, made once: a record is compared with every candidate its keys reach. */
const asProfile = new WeakMap<RecordEvidence, ProfileEvidence>();

/** A single record seen as a profile of one, to compare two records or to start a profile. */
export function recordAsProfile(recordId: string, evidence: RecordEvidence): ProfileEvidence {
  const known = asProfile.get(evidence);
  if (known !== undefined && known.recordIds[0] === recordId) return known;
  const made = profileEvidence([{ recordId, evidence }]);
  asProfile.set(evidence, made);
  return made;
}

/** Provenance key of a name variant. */
export function nameProvenanceKey(name: NameEvidence): string {
  return `name:${nameId(name)}`;
}
