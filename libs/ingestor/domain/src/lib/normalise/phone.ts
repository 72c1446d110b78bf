// Phone numbers to E.164 with the line type the number plan tells. The full ("max") metadata is
// needed: the small default metadata cannot tell a mobile from a fixed line.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneLineType } from '@c360/schemas';
import { InvalidValue, describeValue } from './invalid-value';

export interface NormalisedPhone {
  /** E.164, e.g. +493012345678. */
  readonly number: string;
  readonly lineType: PhoneLineType;
}

// Parsing is the costliest normalisation (libphonenumber compiles its patterns on every call),
// and the same numbers come back (a member's mobile on every receipt, a shop's own landline), so
// results are remembered per market and text. The memo only grows to a bound, then starts over.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, NormalisedPhone | string>();

/** Parses a number as written, the market being the region of a number without a country code. */
export function normalisePhone(value: unknown, defaultRegion: string): NormalisedPhone {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new InvalidValue(`expected a phone number, got ${describeValue(value)}`);
  const text = String(value);
  const key = `${defaultRegion}\u0000${text}`;
  let result = memo.get(key);
  if (result === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (result = parse(text, defaultRegion)));
  }
  if (typeof result === 'string') throw new InvalidValue(result);
  return result;
}

/** The number in E.164 with its line type, or the reason it is not a number. */
function parse(text: string, defaultRegion: string): NormalisedPhone | string {
  const phone = parsePhoneNumberFromString(text, isSupportedCountry(defaultRegion) ? defaultRegion : undefined);
  // With the full metadata, isValid() is exactly "getType() is defined", and both run every
  // number-type pattern: one call does the work once.
  const type = phone?.getType();
  if (!phone || type === undefined) return `not a valid phone number for ${defaultRegion}`;
  return { number: phone.number, lineType: type === 'MOBILE' ? 'MOBILE' : type === 'FIXED_LINE' ? 'FIXED_LINE' : 'UNKNOWN' };
}
