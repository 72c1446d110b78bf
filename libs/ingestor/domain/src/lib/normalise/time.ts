// Times and dates. Timestamps become UTC epoch milliseconds and must say their zone (c360 never
// guesses one); dates become Avro dates, days since 1970-01-01.
import { InvalidValue, describeValue } from './invalid-value';

const DAY_MS = 86_400_000;
// Timestamps outside 1971..2099 are a unit mix-up, not real times: seconds read as milliseconds
// land in January 1970, milliseconds read as seconds far beyond 2100.
const EARLIEST_MS = Date.UTC(1971, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);
// RFC 3339: date, 'T' or a space, time with optional seconds and fraction, and a zone.
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** The earliest date of birth accepted: 1900-01-01. */
const EARLIEST_BIRTH_DAY = Date.UTC(1900, 0, 1) / DAY_MS;

function inRange(ms: number): number {
  if (!Number.isFinite(ms) || ms < EARLIEST_MS || ms >= LATEST_MS)
    throw new InvalidValue('timestamp outside 1971..2099 (seconds and milliseconds mixed up?)');
  return ms;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** UTC milliseconds of a calendar date and time, or an InvalidValue when a part is out of range. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  // Date.UTC reads years 0..99 as 1900..1999; no real date here is that old.
  if (year < 1000 || monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) {
    throw new InvalidValue('not a calendar date and time');
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** An ISO 8601 / RFC 3339 timestamp with a zone ('Z' or an offset) to UTC epoch milliseconds. */
export function normaliseIsoTimestamp(value: unknown): number {
  if (typeof value !== 'string') throw new InvalidValue(`expected an ISO timestamp, got ${describeValue(value)}`);
  const text = value.trim();
  const m = ISO_TIMESTAMP.exec(text);
  if (!m) {
    throw new InvalidValue(
      ISO_LOCAL.test(text) ? 'timestamp without a time zone; c360 does not guess one' : 'not an ISO timestamp with a time zone',
    );
  }
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = m;
  if (Number(oh ?? 0) > 23 || Number(om ?? 0) > 59) throw new InvalidValue('not a valid time zone offset');
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const local = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0)) + ms;
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return inRange(local - offset);
}

/** Epoch milliseconds, as a number or a string of digits. */
export function normaliseEpochMillis(value: unknown): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(ms)) throw new InvalidValue(`expected epoch milliseconds, got ${describeValue(value)}`);
  return inRange(ms);
}

/** Epoch seconds (a fraction allowed), as a number or a decimal string, to milliseconds. */
export function normaliseEpochSeconds(value: unknown): number {
  const s = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(s)) throw new InvalidValue(`expected epoch seconds, got ${describeValue(value)}`);
  return inRange(Math.round(s * 1000));
}

/** An ISO calendar date (YYYY-MM-DD) to days since 1970-01-01. */
export function normaliseDate(value: unknown): number {
  if (typeof value !== 'string') throw new InvalidValue(`expected an ISO date, got ${describeValue(value)}`);
  const m = ISO_DATE.exec(value.trim());
  if (!m) throw new InvalidValue('not an ISO date (YYYY-MM-DD)');
  return utc(Number(m[1]), Number(m[2]), Number(m[3])) / DAY_MS;
}

/** A date of birth: an ISO date, not in the future of `now` and not before 1900. */
export function normaliseDateOfBirth(value: unknown, now: number): number {
  const day = normaliseDate(value);
  if (day > Math.floor(now / DAY_MS)) throw new InvalidValue('date of birth in the future');
  if (day < EARLIEST_BIRTH_DAY) throw new InvalidValue('date of birth before 1900');
  return day;
}
