// Normalisers for canonical fields. Each returns the normalised value or throws an
// InvalidValue with a reason the dead-letter topic can carry.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { toMinorUnits } from '@c360/money';

export { toMinorUnits };

export class InvalidValue extends Error {}

export function normaliseString(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new InvalidValue(`expected a string, got ${typeof value}`);
  const s = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!s) throw new InvalidValue('empty string');
  return s;
}

// Deliberately permissive: the local part may hold almost anything; we only insist on one @
// and a dotted domain, after trimming and removing spaces typed inside the address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function normaliseEmail(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidValue(`expected an email string, got ${typeof value}`);
  const email = value.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  if (!EMAIL.test(email)) throw new InvalidValue(`'${value}' is not an email address`);
  return email;
}

export function normalisePhone(value: unknown, defaultRegion: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new InvalidValue(`expected a phone number, got ${typeof value}`);
  const phone = parsePhoneNumberFromString(String(value), defaultRegion as CountryCode);
  if (!phone?.isValid()) throw new InvalidValue(`'${String(value)}' is not a valid phone number for ${defaultRegion}`);
  return phone.number;
}

export function normaliseTimestamp(value: unknown): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new InvalidValue(`'${String(value)}' is not a timestamp`);
  if (typeof value === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    throw new InvalidValue(`'${value}' has no time zone; c360 does not guess one`);
  }
  return ms;
}

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function normaliseCurrency(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidValue(`expected an ISO 4217 code, got ${typeof value}`);
  const code = value.trim().toUpperCase();
  if (!KNOWN_CURRENCIES.has(code)) throw new InvalidValue(`'${value}' is not an ISO 4217 currency`);
  return code;
}

/** A decimal amount as a string of digits; numbers are accepted as sources send them. */
export function normaliseDecimal(value: unknown): string {
  const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new InvalidValue(`'${String(value)}' is not a decimal amount`);
  return s;
}

