import { describe, expect, it } from 'vitest';
import { sameJson } from './same-party';

describe('sameJson', () => {
  it('finds a party read back from jsonb (keys reordered) the same as the one the event carried', () => {
    const fromEvent = { name: { given: 'Ann', family: 'Lee' }, dateOfBirth: null, emails: [{ address: 'a@b.c', verified: true }], extensions: {} };
    const fromJsonb = JSON.parse('{"name": {"family": "Lee", "given": "Ann"}, "emails": [{"verified": true, "address": "a@b.c"}], "extensions": {}, "dateOfBirth": null}');
    expect(sameJson(fromEvent, fromJsonb)).toBe(true);
  });

  it('ignores prototypes (the Avro decoder returns instances of its record classes) and undefined properties', () => {
    class Decoded {
      constructor(
        readonly address: string,
        readonly label?: string,
      ) {}
    }
    expect(sameJson([new Decoded('a@b.c')], [{ address: 'a@b.c' }])).toBe(true);
  });

  it('tells apart any difference of value, key, length or order of array elements', () => {
    const party = { emails: ['a@b.c', 'd@e.f'], name: { given: 'Ann' }, n: 1 };
    expect(sameJson(party, { ...party, n: 2 })).toBe(false);
    expect(sameJson(party, { ...party, name: { given: 'Anne' } })).toBe(false);
    expect(sameJson(party, { ...party, extra: null })).toBe(false);
    expect(sameJson(party, { emails: ['a@b.c', 'd@e.f'], name: { given: 'Ann' } })).toBe(false);
    expect(sameJson(party, { ...party, emails: ['d@e.f', 'a@b.c'] })).toBe(false);
    expect(sameJson(party, { ...party, emails: ['a@b.c'] })).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
    expect(sameJson({ a: null }, { a: 0 })).toBe(false);
    expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
  });
});
