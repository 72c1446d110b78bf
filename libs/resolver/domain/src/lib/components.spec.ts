import { describe, expect, it } from 'vitest';
import { connectedParts, splitProfile } from './components';

const records = ['a', 'b', 'c', 'd', 'e'].map((recordId, seq) => ({ recordId, seq }));

describe('components and splits', () => {
  it('keeps a profile whole while its records are linked', () => {
    expect(
      splitProfile(records, [
        { a: 'a', b: 'b' },
        { a: 'b', b: 'c' },
        { a: 'c', b: 'd' },
        { a: 'd', b: 'e' },
      ]),
    ).toMatchObject({ kind: 'intact' });
  });

  it('splits with the largest part keeping the profile id', () => {
    const result = splitProfile(records, [
      { a: 'a', b: 'b' },
      { a: 'c', b: 'd' },
      { a: 'd', b: 'e' },
    ]);
    expect(result).toMatchObject({
      kind: 'split',
      keep: { recordIds: ['c', 'd', 'e'], oldestRecordId: 'c' },
      split: [{ recordIds: ['a', 'b'] }],
    });
  });

  it('breaks a tie in size by the part holding the oldest record', () => {
    const { parts } = connectedParts(records.slice(0, 4), [
      { a: 'd', b: 'c' },
      { a: 'b', b: 'a' },
    ]);
    expect(parts.map((p) => p.recordIds)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('ignores links a steward never-linked and adds force-links', () => {
    const links = [
      { a: 'a', b: 'b' },
      { a: 'b', b: 'c' },
    ];
    const { parts } = connectedParts(records.slice(0, 4), links, { neverLinks: [{ a: 'c', b: 'b' }], forceLinks: [{ a: 'd', b: 'c' }] });
    expect(parts.map((p) => p.recordIds)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reports never-linked records that other links still hold together', () => {
    const result = connectedParts(
      records.slice(0, 3),
      [
        { a: 'a', b: 'b' },
        { a: 'b', b: 'c' },
      ],
      { neverLinks: [{ a: 'a', b: 'c' }] },
    );
    expect(result.parts).toHaveLength(1);
    expect(result.unresolvedNeverLinks).toEqual([{ a: 'a', b: 'c' }]);
  });

  it('leaves a record whose links are gone on its own', () => {
    const { parts } = connectedParts(records.slice(0, 3), [
      { a: 'a', b: 'b' },
      { a: 'b', b: 'zz' },
    ]);
    expect(parts.map((p) => p.recordIds)).toEqual([['a', 'b'], ['c']]);
  });
});
