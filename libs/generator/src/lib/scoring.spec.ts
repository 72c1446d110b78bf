import { describe, expect, it } from 'vitest';
import { formatScores, scoreClusters, scoreRun } from './scoring';

const map = (o: Record<string, string>) => new Map(Object.entries(o));
const truth = map({ a1: 'A', a2: 'A', a3: 'A', b1: 'B', b2: 'B', c1: 'C' });

describe('scoreClusters on hand-made clusterings', () => {
  it('is perfect when the clusters are the persons, whatever the cluster names', () => {
    const s = scoreClusters(map({ a1: 'x', a2: 'x', a3: 'x', b1: 'y', b2: 'y', c1: 'z' }), truth);
    expect(s.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.worstFalseMerges).toEqual([]);
    expect(s.worstMissedLinks).toEqual([]);
  });

  it('scores all singletons: pairwise precision 1 (nothing claimed), recall 0', () => {
    const s = scoreClusters(new Map(), truth);
    expect(s.pairwise).toEqual({ precision: 1, recall: 0, f1: 0 });
    // B-cubed: precision 1; recall = mean over records of 1/|person| = (3·1/3 + 2·1/2 + 1)/6 = 1/2.
    expect(s.bcubed.precision).toBe(1);
    expect(s.bcubed.recall).toBeCloseTo(0.5, 12);
    expect(s.worstMissedLinks.map((m) => [m.person, m.missedPairs])).toEqual([
      ['A', 3],
      ['B', 1],
    ]);
  });

  it('scores one cluster of everything: pairwise precision 4 of 15 pairs, recall 1', () => {
    const all = map(Object.fromEntries([...truth.keys()].map((r) => [r, 'everyone'])));
    const s = scoreClusters(all, truth);
    expect(s.pairwise.precision).toBeCloseTo(4 / 15, 12);
    expect(s.pairwise.recall).toBe(1);
    // B-cubed precision = mean |person|/6 = (3·3 + 2·2 + 1)/36 = 14/36.
    expect(s.bcubed.precision).toBeCloseTo(14 / 36, 12);
    expect(s.worstFalseMerges).toHaveLength(1);
    expect(s.worstFalseMerges[0]).toMatchObject({ cluster: 'everyone', wrongPairs: 11 });
  });

  it('scores a worked example with a false merge and a missed link', () => {
    // truth: {a1,a2} A, {c1} C (restricted); predicted: {a1} X, {a2, c1} Y.
    const t = map({ a1: 'A', a2: 'A', c1: 'C' });
    const s = scoreClusters(map({ a1: 'X', a2: 'Y', c1: 'Y' }), t);
    expect(s.pairwise).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(s.bcubed.precision).toBeCloseTo(2 / 3, 12);
    expect(s.bcubed.recall).toBeCloseTo(2 / 3, 12);
    expect(s.bcubed.f1).toBeCloseTo(2 / 3, 12);
    expect(s.worstFalseMerges).toEqual([{ cluster: 'Y', persons: { A: ['a2'], C: ['c1'] }, wrongPairs: 1 }]);
    expect(s.worstMissedLinks).toEqual([{ person: 'A', clusters: { X: ['a1'], Y: ['a2'] }, missedPairs: 1 }]);
  });

  it('ignores predicted records that are not in the truth', () => {
    const s = scoreClusters(map({ a1: 'x', a2: 'x', a3: 'x', b1: 'y', b2: 'y', c1: 'z', stray: 'x' }), truth);
    expect(s.records).toBe(6);
    expect(s.pairwise.f1).toBe(1);
  });
});

describe('scoreRun and formatScores', () => {
  const truth = {
    records: [
      { source: 'pos', sourceRecordId: 'LC-1', personId: 'A', householdId: 'H1', label: 'member LC-1: Ann Lee' },
      { source: 'ecommerce', sourceRecordId: 'acc-1', personId: 'A', householdId: 'H1', label: 'account acc-1: Ann Lee' },
      { source: 'ecommerce', sourceRecordId: 'acc-2', personId: 'B', householdId: 'H1', label: 'account acc-2: Bo Lee' },
      { source: 'web', sourceRecordId: 'ck-1', personId: 'C', householdId: 'H2', label: 'cookie ck-1' },
    ],
    persons: [
      { personId: 'A', name: 'Ann Lee' },
      { personId: 'B', name: 'Bo Lee' },
      { personId: 'C', name: 'Cy Ng' },
    ],
  };

  it('scores households from profiles when the resolver has no households, and from its households when it has', () => {
    // Ann's two records in one profile, Bo (her household) in another, Cy alone; a stray record from another run.
    const predicted = map({ 'pos:LC-1': 'p1', 'ecommerce:acc-1': 'p1', 'ecommerce:acc-2': 'p2', 'web:ck-1': 'p3', 'web:ck-9': 'p9' });
    const s = scoreRun(predicted, truth);
    expect(s.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.unknownRecords).toBe(1);
    // True household pairs: 3 (the three H1 records); profiles give 1 of them.
    expect(s.household).toEqual({ precision: 1, recall: 1 / 3, f1: 0.5 });
    const withHouseholds = scoreRun(predicted, truth, {
      predictedHouseholds: map({ 'pos:LC-1': 'h', 'ecommerce:acc-1': 'h', 'ecommerce:acc-2': 'h', 'web:ck-1': 'g' }),
    });
    expect(withHouseholds.household).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('prints the worst errors with what each record says', () => {
    const merged = scoreRun(map({ 'pos:LC-1': 'p1', 'ecommerce:acc-1': 'p1', 'ecommerce:acc-2': 'p1', 'web:ck-1': 'p3' }), truth);
    const text = formatScores(merged, truth);
    expect(text).toContain('profile p1: 2 wrong pairs');
    expect(text).toContain('B Bo Lee');
    expect(text).toContain('ecommerce:acc-2  account acc-2: Bo Lee');
    const split = formatScores(scoreRun(map({ 'pos:LC-1': 'p1' }), truth), truth);
    expect(split).toContain('A Ann Lee: 1 missed pairs');
    expect(split).toContain('not resolved');
  });
});
