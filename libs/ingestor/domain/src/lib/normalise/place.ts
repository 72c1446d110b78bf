// Countries, markets, postcodes and address match keys.
import * as countries from 'i18n-iso-countries';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { InvalidValue, describeValue } from './invalid-value';
import { foldToAscii } from './fold';

const NON_LETTERS = /[^a-z]/g;
const NOT_ALPHANUMERIC = /[^A-Z0-9]/g;
const NOT_ALPHANUMERIC_LOWER = /[^a-z0-9]+/;
const WHITESPACE = /\s+/g;
// A BCP 47 locale with a region: en-GB, ja_JP, zh-Hant-TW.
const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?[-_]([A-Za-z]{2})(?:[-_.@].*)?$/;
const GENERIC_POSTCODE = /^[A-Z0-9](?:[A-Z0-9 -]{0,10}[A-Z0-9])?$/;

const ALPHA2: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));
// Alpha-3 codes and every English name and alias (UK, Great Britain, U.S.A.), folded to letters.
const BY_NAME: ReadonlyMap<string, string> = (() => {
  const byName = new Map<string, string>();
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) byName.set(alpha3.toLowerCase(), alpha2);
  for (const [alpha2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) {
      const key = foldToAscii(name).replace(NON_LETTERS, '');
      if (!byName.has(key)) byName.set(key, alpha2);
    }
  }
  return byName;
})();

/** ISO 3166-1 alpha-2 from an alpha-2 or alpha-3 code or an English name ('Germany', 'DEU', 'de' → 'DE'). */
export function normaliseCountry(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidValue(`expected a country, got ${describeValue(value)}`);
  const text = value.trim();
  const upper = text.toUpperCase();
  if (upper.length === 2 && ALPHA2.has(upper)) return upper;
  const alpha2 = BY_NAME.get(foldToAscii(text).replace(NON_LETTERS, ''));
  if (alpha2 === undefined) throw new InvalidValue(`'${text.slice(0, 40)}' is not an ISO 3166 country`);
  return alpha2;
}

/** A market: a country as normaliseCountry reads it, or the region of a locale ('en-GB' → 'GB'). */
export function normaliseMarket(value: unknown): string {
  if (typeof value === 'string') {
    const region = LOCALE.exec(value.trim())?.[1];
    if (region !== undefined) return normaliseCountry(region);
  }
  return normaliseCountry(value);
}

/** Canonical forms for the countries whose form we know; others keep the source's spacing. */
function canonicalPostcode(compact: string, country: string): string | undefined {
  switch (country) {
    case 'GB':
      return compact.length >= 5 && compact.length <= 7 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : undefined;
    case 'US':
      return compact.length === 5 || compact.length === 9 ? compact.slice(0, 5) : undefined;
    case 'JP':
      return compact.length === 7 ? `${compact.slice(0, 3)}-${compact.slice(3)}` : undefined;
    case 'DE':
    case 'FR':
      return compact.length === 5 ? compact : undefined;
    default:
      return undefined;
  }
}

const KNOWN_FORM = new Set(['GB', 'US', 'JP', 'DE', 'FR']);

/**
 * A postcode in its country's canonical form (GB 'SW1A 1AA', US five-digit ZIP, JP 'NNN-NNNN',
 * DE and FR five digits; elsewhere upper case with single spaces), validated by postcode-validator
 * where it knows the country.
 */
export function normalisePostcode(value: unknown, country: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new InvalidValue(`expected a postcode, got ${describeValue(value)}`);
  const text = String(value).normalize('NFKC').toUpperCase().replace(WHITESPACE, ' ').trim();
  const postcode = KNOWN_FORM.has(country) ? canonicalPostcode(text.replace(NOT_ALPHANUMERIC, ''), country) : text;
  const valid =
    postcode !== undefined &&
    (postcodeValidatorExistsForCountry(country) ? postcodeValidator(postcode, country) : GENERIC_POSTCODE.test(postcode));
  if (!valid) throw new InvalidValue(`not a postcode of ${country}`);
  return postcode;
}

// Street words written short, expanded so '12 Acacia Rd' and '12 Acacia Road' share a key.
const STREET_WORDS: ReadonlyMap<string, string> = new Map([
  ['st', 'street'],
  ['rd', 'road'],
  ['ave', 'avenue'],
  ['av', 'avenue'],
  ['blvd', 'boulevard'],
  ['bd', 'boulevard'],
  ['dr', 'drive'],
  ['ln', 'lane'],
  ['ct', 'court'],
  ['pl', 'place'],
  ['sq', 'square'],
  ['hwy', 'highway'],
  ['pkwy', 'parkway'],
  ['cres', 'crescent'],
  ['tce', 'terrace'],
  ['gdns', 'gardens'],
  ['str', 'strasse'],
]);

/** One street line folded for matching: Latin lower-case letters and digits, short street words expanded. */
export function foldStreetLine(line: string): string {
  let folded = '';
  for (const word of foldToAscii(line).split(NOT_ALPHANUMERIC_LOWER)) {
    // German compounds: 'Hauptstr.' is 'Hauptstrasse' ('ß' is already 'ss').
    folded += STREET_WORDS.get(word) ?? (word.length > 3 && word.endsWith('str') ? `${word}asse` : word);
  }
  return folded;
}

/** The address match key: country, postcode without spaces, first street line folded ('gb|sw1a1aa|12acaciaroad'). */
export function addressKey(country: string, postcode: string | null, firstLine: string | undefined): string {
  const compactPostcode = postcode === null ? '' : postcode.replace(NOT_ALPHANUMERIC, '').toLowerCase();
  return `${country.toLowerCase()}|${compactPostcode}|${firstLine === undefined ? '' : foldStreetLine(firstLine)}`;
}
