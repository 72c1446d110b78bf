// Timestamps in the forms the sources write them: UTC with 'Z', local time with the market's
// offset on that day (daylight saving included), epoch milliseconds, plain dates.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Whole seconds: most sources write times to the second, so the truth keeps them so. */
export const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** '2026-03-02T19:44:05Z': seconds, no fraction. */
export function isoUtc(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** '2026-03-01T18:41:30.000Z'. */
export function isoUtcMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** '2026-03-14'. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset from Intl: slow (microseconds), so asked about twice per zone and day, no more. */
function intlOffset(ms: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const minute = Math.floor(ms / MINUTE) * MINUTE;
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(minute))) parts[p.type] = p.value;
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((local - minute) / MINUTE);
}

/** A zone's offset over one UTC day: the offset at its start, and the instant and offset of a change within it. */
interface DayOffsets {
  readonly start: number;
  readonly changeAt: number;
  readonly after: number;
}

const days = new Map<string, Map<number, DayOffsets>>();

function dayOffsets(day: number, timeZone: string): DayOffsets {
  let byDay = days.get(timeZone);
  if (!byDay) days.set(timeZone, (byDay = new Map<number, DayOffsets>()));
  let entry = byDay.get(day);
  if (entry) return entry;
  const start = byDay.get(day - 1)?.after ?? intlOffset(day * DAY, timeZone);
  const after = intlOffset((day + 1) * DAY, timeZone);
  let changeAt = (day + 1) * DAY;
  if (after !== start) {
    // Daylight saving changes once in a day at most: find the minute by bisection.
    let lo = day * DAY;
    let hi = (day + 1) * DAY;
    while (hi - lo > MINUTE) {
      const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
      if (intlOffset(mid, timeZone) === start) lo = mid;
      else hi = mid;
    }
    changeAt = hi;
  }
  entry = { start, changeAt, after };
  byDay.set(day, entry);
  return entry;
}

/** Minutes east of UTC in `timeZone` at the instant `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const d = dayOffsets(Math.floor(ms / DAY), timeZone);
  return ms < d.changeAt ? d.start : d.after;
}

/** '2026-03-14T16:02:11+01:00': the local wall-clock time in `timeZone` with its offset. */
export function isoLocal(ms: number, timeZone: string): string {
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The UTC instant of a local wall-clock time on the day of `dayStartUtc` (close enough across a DST change). */
export function atLocalTime(dayStartUtc: number, localMinutes: number, timeZone: string): number {
  const guess = dayStartUtc + localMinutes * MINUTE;
  return guess - offsetMinutes(guess, timeZone) * MINUTE;
}
