// Currencies, amounts and counts. Amounts stay decimal strings until the currency is known; the
// mapping engine then converts them to minor units with @c360/money.
import { minorDigits } from '@c360/money';
import { InvalidValue, describeValue } from './invalid-value';

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const DECIMAL = /^[-+]?\d+(?:\.\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

/** An ISO 4217 code the platform knows, upper case. */
export function normaliseCurrency(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidValue(`expected an ISO 4217 currency code, got ${describeValue(value)}`);
  const code = value.trim().toUpperCase();
  if (!CURRENCIES.has(code)) throw new InvalidValue(`'${code.slice(0, 8)}' is not an ISO 4217 currency`);
  return code;
}

/** A decimal amount (a string of digits with an optional fraction, or a number) as a plain decimal string. */
export function normaliseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!DECIMAL.test(text)) throw new InvalidValue(`not a decimal amount (${describeValue(value)})`);
  return text.startsWith('+') ? text.slice(1) : text;
}

/** An integer count, as a number or a string of digits. */
export function normaliseInteger(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new InvalidValue(`not an integer (${describeValue(value)})`);
  return n;
}

/** An amount the source sends in minor units (cents), written back as a decimal string of its currency. */
export function minorUnitsToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The absolute value of a decimal string: refunds are stored positive even when a till sends them negative. */
export function absoluteDecimal(decimal: string): string {
  return decimal.startsWith('-') ? decimal.slice(1) : decimal;
}

/** A decimal string times an integer, exactly: ('35.50', 2) → '71.00'. */
export function multiplyDecimal(decimal: string, factor: number): string {
  const [whole = '0', fraction = ''] = absoluteDecimal(decimal).split('.');
  const product = BigInt(whole + fraction) * BigInt(Math.abs(factor));
  const digits = product.toString().padStart(fraction.length + 1, '0');
  const text = fraction === '' ? digits : `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}`;
  return product !== 0n && decimal.startsWith('-') !== factor < 0 ? `-${text}` : text;
}
