import { describe, expect, it } from 'vitest';
import { scoreClusters } from './scoring';

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
    expect(s.worstMissedLinks.map((m) => [m.person, m.missedPairs])).toEqual([['A', 3], ['B', 1]]);
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
