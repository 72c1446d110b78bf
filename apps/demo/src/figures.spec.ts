import { describe, expect, it } from 'vitest';
import { checkLifetimeValues, compact, countBy, latencies, money, quantile } from './figures';

describe('quantile', () => {
  it('takes the nearest rank and is NaN on nothing', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(xs, 0.5)).toBe(5);
    expect(quantile(xs, 0.99)).toBe(10);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('checkLifetimeValues', () => {
  // Person a: records a1, a2 on one profile; person b: b1, b2 split over two profiles;
  // person c: c1 on a profile that also holds a record of another run (x1).
  const personOf = new Map([
    ['pos:a1', 'a'],
    ['web:a2', 'a'],
    ['pos:b1', 'b'],
    ['pos:b2', 'b'],
    ['pos:c1', 'c'],
  ]);
  const profileOf = new Map([
    ['pos:a1', 'P1'],
    ['web:a2', 'P1'],
    ['pos:b1', 'P2'],
    ['pos:b2', 'P3'],
    ['pos:c1', 'P4'],
    ['pos:x1', 'P4'],
    ['pos:z1', 'P9'],
  ]);
  const trueLtv = new Map([
    ['a', 10_000],
    ['b', 5_000],
    ['c', 0],
  ]);

  it('counts a profile as exact only when it holds one person of this run and their whole value', () => {
    const ltv = new Map([
      ['P1', 10_000],
      ['P2', 2_000],
      ['P3', 3_000],
      ['P4', 0],
    ]);
    const check = checkLifetimeValues(profileOf, personOf, ltv, trueLtv, new Set(['a', 'b']));
    expect(check).toEqual({ profiles: 4, onePerson: 3, exact: 1, onePersonBuyers: 3, exactBuyers: 1 });
  });

  it('takes a profile without insights as worth zero', () => {
    const check = checkLifetimeValues(new Map([['pos:c1', 'P4']]), new Map([['pos:c1', 'c']]), new Map(), trueLtv, new Set());
    expect(check).toMatchObject({ onePerson: 1, exact: 1, onePersonBuyers: 0 });
  });
});

describe('latencies', () => {
  it('measures each change from its triggering event and ignores the untimed ones', () => {
    const produced = new Map([
      ['pos:1', 1_000],
      ['pos:2', 2_000],
    ]);
    const stats = latencies(
      [
        { triggerEventId: 'pos:1', arrivedAt: 1_500 },
        { triggerEventId: 'pos:2', arrivedAt: 4_000 },
        { triggerEventId: 'pos:3', arrivedAt: 9_000 },
        { triggerEventId: null, arrivedAt: 9_000 },
      ],
      produced,
    );
    expect(stats).toEqual({ samples: 2, p50: 500, p99: 2_000, max: 2_000 });
  });
});

describe('formatting', () => {
  it('counts by key, largest first', () => {
    expect(countBy(['a', 'b', 'b'], (x) => x)).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('shortens large numbers and shows money in whole units', () => {
    expect(compact(950)).toBe('950');
    expect(compact(12_345)).toBe('12k');
    expect(compact(1_234)).toBe('1.2k');
    expect(money(123_456, 'EUR')).toBe('EUR 1,235');
  });
});
