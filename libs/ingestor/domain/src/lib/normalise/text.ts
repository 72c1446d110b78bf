// Text normalisers: free text, email addresses, product categories and VAT ids.
import { InvalidValue, describeValue } from './invalid-value';

const WHITESPACE = /\s+/g;
const ALL_WHITESPACE = /\s+/g;
// Deliberately permissive: the local part may hold almost anything; we only insist on one @ and
// a dotted domain whose last label has at least two characters.
const EMAIL = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/;
const CATEGORY_SEPARATOR = /\s*[/>]\s*/;
const NOT_ALPHANUMERIC = /[^A-Z0-9]/g;
const VAT_ID = /^[A-Z]{2}[A-Z0-9]{2,18}$/;

/** Unicode NFC, whitespace collapsed and trimmed; a number becomes its decimal text. */
export function normaliseText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new InvalidValue(`expected text, got ${describeValue(value)}`);
  const text = value.normalize('NFC').replace(WHITESPACE, ' ').trim();
  if (text === '') throw new InvalidValue('empty text');
  return text;
}

/** Trimmed, spaces typed inside removed, lower case; must look like an address. */
export function normaliseEmail(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidValue(`expected an email address, got ${describeValue(value)}`);
  const email = value.normalize('NFC').replace(ALL_WHITESPACE, '').toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw new InvalidValue('not an email address');
  return email;
}

/** A lower-case category path with '/' between levels: 'Shoes > Running' becomes 'shoes/running'. */
export function normaliseCategory(value: unknown): string {
  const levels = normaliseText(value)
    .toLowerCase()
    .split(CATEGORY_SEPARATOR)
    .filter((level) => level !== '');
  if (levels.length === 0) throw new InvalidValue('empty category');
  return levels.join('/');
}

/** Upper case without spaces or punctuation, keeping the country prefix: 'fr 40 303.265.045' → 'FR40303265045'. */
export function normaliseVatId(value: unknown): string {
  const vatId = normaliseText(value).toUpperCase().replace(NOT_ALPHANUMERIC, '');
  if (!VAT_ID.test(vatId)) throw new InvalidValue('not a VAT id with its two-letter country prefix');
  return vatId;
}
