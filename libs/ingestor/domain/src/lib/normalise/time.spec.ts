import { describe, expect, it } from 'vitest';
import { normaliseDate, normaliseDateOfBirth, normaliseEpochMillis, normaliseEpochSeconds, normaliseIsoTimestamp } from './time';

const NOW = Date.UTC(2026, 5, 1);

describe('timestamps', () => {
  it('read ISO 8601 with a zone as UTC milliseconds', () => {
    expect(normaliseIsoTimestamp('2026-03-14T16:02:11+01:00')).toBe(Date.UTC(2026, 2, 14, 15, 2, 11));
    expect(normaliseIsoTimestamp('2026-03-05T07:12:44-05:00')).toBe(Date.UTC(2026, 2, 5, 12, 12, 44));
    expect(normaliseIsoTimestamp('2026-03-01T18:39:55.1Z')).toBe(Date.UTC(2026, 2, 1, 18, 39, 55, 100));
    expect(normaliseIsoTimestamp('2026-03-01 18:39:55.123456+0900')).toBe(Date.UTC(2026, 2, 1, 9, 39, 55, 123));
  });

  it('refuse to guess the zone of a local time', () => {
    expect(() => normaliseIsoTimestamp('2026-03-14T16:02:11')).toThrow('timestamp without a time zone; c360 does not guess one');
    expect(() => normaliseIsoTimestamp('2026-03-14')).toThrow('not an ISO timestamp with a time zone');
  });

  it('reject impossible dates and times', () => {
    expect(() => normaliseIsoTimestamp('2026-02-30T10:00:00Z')).toThrow('not a calendar date and time');
    expect(() => normaliseIsoTimestamp('2026-02-10T24:30:00Z')).toThrow('not a calendar date and time');
  });

  it('read epoch milliseconds and seconds as the mapping says, and catch the two mixed up', () => {
    expect(normaliseEpochMillis(1773500531000)).toBe(Date.UTC(2026, 2, 14, 15, 2, 11));
    expect(normaliseEpochMillis('1773500531000')).toBe(Date.UTC(2026, 2, 14, 15, 2, 11));
    expect(normaliseEpochSeconds(1773500531.5)).toBe(Date.UTC(2026, 2, 14, 15, 2, 11, 500));
    expect(() => normaliseEpochMillis(1773500531)).toThrow('seconds and milliseconds mixed up?');
    expect(() => normaliseEpochSeconds(1773500531000)).toThrow('seconds and milliseconds mixed up?');
  });
});

describe('dates', () => {
  it('become days since 1970-01-01', () => {
    expect(normaliseDate('1970-01-02')).toBe(1);
    expect(normaliseDate('1931-04-17')).toBe(-14139);
    expect(() => normaliseDate('1987-02-30')).toThrow('not a calendar date and time');
    expect(() => normaliseDate('30/06/1987')).toThrow('not an ISO date (YYYY-MM-DD)');
  });

  it('of birth are neither in the future nor before 1900', () => {
    expect(normaliseDateOfBirth('1900-01-01', NOW)).toBe(-25567);
    expect(normaliseDateOfBirth('2026-06-01', NOW)).toBe(NOW / 86_400_000);
    expect(() => normaliseDateOfBirth('2026-06-02', NOW)).toThrow('date of birth in the future');
    expect(() => normaliseDateOfBirth('1899-12-31', NOW)).toThrow('date of birth before 1900');
  });
});
