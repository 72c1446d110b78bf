import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '@c360/schemas';
import { type PartySpec, defaultConfig, party } from '../../testing/fixtures';
import { type BatchOutcome, IdentityEngine } from './engine';
import { MemoryGraphStore } from './memory-graph-store';

const config = defaultConfig();

function setUp() {
  const store = new MemoryGraphStore();
  const engine = new IdentityEngine(config, store);
  let at = Date.parse('2026-01-01T00:00:00Z');
  const send = (record: string, spec: PartySpec, eventType: CanonicalEvent['eventType'] = 'RECORD_UPDATE') =>
    engine.applyBatch([{ record, eventType, party: party(spec), occurredAt: (at += 1000) }]);
  const profileOf = (record: string) => store.recordMap.get(record)?.profile ?? null;
  return { store, engine, send, profileOf };
}

const ANNA = { given: 'Anna', family: 'Schmidt', dob: '1990-04-01' };
const kinds = (o: BatchOutcome) => o.changes.map((c) => c.kind);

describe('identity engine', () => {
  it('puts a first record on a new profile and a record sharing its email on the same one', async () => {
    const { send, profileOf } = setUp();
    const first = await send('ecommerce:1', { ...ANNA, emails: ['anna@example.com'] });
    expect(first.changes).toEqual([expect.objectContaining({ kind: 'record-assigned', record: 'ecommerce:1', previous: null, link: null })]);
    const second = await send('marketing:9', { ...ANNA, emails: ['anna@example.com'] });
    expect(profileOf('marketing:9')).toBe(profileOf('ecommerce:1'));
    const assigned = second.changes.find((c) => c.kind === 'record-assigned');
    expect(assigned).toMatchObject({ record: 'marketing:9', link: { rule: 'same-email', values: ['EMAIL:anna@example.com'] } });
  });

  it('merges two profiles when a record links both: the oldest keeps its id, the other becomes its alias', async () => {
    const { send, profileOf, store } = setUp();
    await send('ecommerce:1', { ...ANNA, emails: ['anna@example.com'] });
    await send('pos:7', { phones: ['+4915112345678'] });
    const older = profileOf('ecommerce:1')!;
    const younger = profileOf('pos:7')!;
    expect(older).not.toBe(younger);
    const outcome = await send('loyalty:3', { ...ANNA, emails: ['anna@example.com'], phones: ['+4915112345678'] });
    expect(profileOf('pos:7')).toBe(older);
    expect(profileOf('loyalty:3')).toBe(older);
    expect(outcome.changes).toContainEqual(
      expect.objectContaining({ kind: 'profiles-merged', profile: older, absorbed: [younger], cause: expect.objectContaining({ record: 'loyalty:3' }) }),
    );
    expect(outcome.droppedProfiles.get(younger)).toBe(older);
    expect(store.resolve(younger)).toBe(older);
  });

  it('splits a profile when the record holding it together changes, the largest part keeping the id', async () => {
    const { send, profileOf } = setUp();
    await send('ecommerce:1', { ...ANNA, emails: ['anna@example.com'] });
    await send('marketing:2', { ...ANNA, emails: ['anna@example.com'] });
    await send('loyalty:3', { ...ANNA, emails: ['anna@example.com'], phones: ['+4915112345678'] });
    await send('pos:4', { phones: ['+4915112345678'] });
    const id = profileOf('ecommerce:1')!;
    expect(profileOf('pos:4')).toBe(id);
    // The loyalty record loses the phone: the till receipt has nothing left in common with the rest.
    const outcome = await send('loyalty:3', { ...ANNA, emails: ['anna@example.com'] });
    expect(profileOf('ecommerce:1')).toBe(id);
    expect(profileOf('loyalty:3')).toBe(id);
    expect(profileOf('pos:4')).not.toBe(id);
    expect(outcome.changes).toContainEqual(expect.objectContaining({ kind: 'profile-split', profile: id, parts: [profileOf('pos:4')] }));
  });

  it('takes a deleted record off its profile, and splits what only it held together', async () => {
    const { send, profileOf } = setUp();
    await send('ecommerce:1', { ...ANNA, emails: ['anna@example.com'] });
    await send('loyalty:3', { emails: ['anna@example.com'], phones: ['+4915112345678'] });
    await send('pos:4', { phones: ['+4915112345678'] });
    const id = profileOf('ecommerce:1')!;
    expect(profileOf('pos:4')).toBe(id);
    const outcome = await send('loyalty:3', {}, 'RECORD_DELETE');
    expect(profileOf('loyalty:3')).toBeNull();
    expect(kinds(outcome)).toEqual(expect.arrayContaining(['record-removed', 'profile-split']));
    expect(profileOf('ecommerce:1')).not.toBe(profileOf('pos:4'));
    expect([profileOf('ecommerce:1'), profileOf('pos:4')]).toContain(id);
    expect(outcome.profileOf.get('loyalty:3')).toBeNull();
  });

  it('makes an anonymous cookie part of the known profile once an event carries both', async () => {
    const { send, profileOf } = setUp();
    await send('ecommerce:1', { ...ANNA, emails: ['anna@example.com'], ids: [{ type: 'ECOMMERCE_ACCOUNT', value: 'A-1', issuer: 'shop' }] });
    await send('web:c-77', { ids: [{ type: 'COOKIE_ID', value: 'c-77' }] }, 'ENGAGEMENT');
    expect(profileOf('web:c-77')).not.toBe(profileOf('ecommerce:1'));
    // The visitor logs in: the same cookie's record now carries the account id.
    await send('web:c-77', { ids: [{ type: 'ECOMMERCE_ACCOUNT', value: 'A-1', issuer: 'shop' }] }, 'ENGAGEMENT');
    expect(profileOf('web:c-77')).toBe(profileOf('ecommerce:1'));
  });

  it('never joins two persons through the store phone typed at the till', async () => {
    const { send, profileOf } = setUp();
    const names = ['Anna Becker', 'Bernd Wolf', 'Clara Neumann', 'Dieter Krause', 'Emil Vogel', 'Frieda Lang', 'Gustav Roth', 'Ida Sommer', 'Jonas Brandt', 'Karl Engel', 'Lena Fuchs', 'Mia Kaiser'];
    for (const [i, name] of names.entries()) {
      const [given, family] = name.split(' ');
      await send(`pos:${i}`, { given, family, phones: [{ number: '+493012345678', lineType: 'FIXED_LINE' }] });
    }
    const profiles = new Set(names.map((_, i) => profileOf(`pos:${i}`)));
    expect(profiles.size).toBe(names.length);
  });

  it('links what a steward force-links and keeps apart what a steward never-links, whatever the rules say', async () => {
    const { send, profileOf, store, engine } = setUp();
    await send('ecommerce:1', { ...ANNA, emails: ['anna@example.com'] });
    await send('pos:2', { given: 'Bernd', family: 'Maier' });
    store.decide({ a: 'ecommerce:1', b: 'pos:2', kind: 'force-link' });
    await engine.reconsider(['ecommerce:1', 'pos:2']);
    expect(profileOf('pos:2')).toBe(profileOf('ecommerce:1'));

    await send('marketing:3', { ...ANNA, emails: ['anna@example.com'] });
    expect(profileOf('marketing:3')).toBe(profileOf('ecommerce:1'));
    store.decide({ a: 'ecommerce:1', b: 'marketing:3', kind: 'never-link' });
    const outcome = await engine.reconsider(['ecommerce:1', 'marketing:3']);
    expect(profileOf('marketing:3')).not.toBe(profileOf('ecommerce:1'));
    expect(kinds(outcome)).toContain('profile-split');
    // The decision survives a new event on the record.
    await send('marketing:3', { ...ANNA, emails: ['anna@example.com'], phones: ['+4915100000001'] });
    expect(profileOf('marketing:3')).not.toBe(profileOf('ecommerce:1'));
    expect(profileOf('pos:2')).toBe(profileOf('ecommerce:1'));
  });

  it('changes nothing when an event is delivered again', async () => {
    const { send, engine, store } = setUp();
    await send('ecommerce:1', { ...ANNA, emails: ['anna@example.com'] });
    await send('marketing:2', { ...ANNA, emails: ['anna@example.com'] });
    const before = JSON.stringify([...store.recordMap.values()].map((r) => [r.id, r.profile, [...r.links.keys()]]));
    const resolutions = engine.stats.resolutions;
    const again = await send('marketing:2', { ...ANNA, emails: ['anna@example.com'] });
    expect(again.changes).toEqual([]);
    expect(engine.stats.resolutions).toBe(resolutions);
    expect(JSON.stringify([...store.recordMap.values()].map((r) => [r.id, r.profile, [...r.links.keys()]]))).toBe(before);
  });

  it('gives the same profiles whether records arrive one by one or in one batch, in any order', async () => {
    const records: [string, PartySpec][] = [
      ['ecommerce:1', { ...ANNA, emails: ['anna@example.com'] }],
      ['loyalty:3', { emails: ['anna@example.com'], phones: ['+4915112345678'] }],
      ['pos:4', { phones: ['+4915112345678'] }],
      ['pos:5', { given: 'Bernd', family: 'Wolf', phones: ['+4915173920461'] }],
      ['marketing:6', { given: 'Bernd', family: 'Wolf', phones: ['+4915173920461'], emails: ['b.wolf@example.com'] }],
    ];
    const clusters = (store: MemoryGraphStore) => {
      const byProfile = new Map<string, string[]>();
      for (const r of store.recordMap.values()) byProfile.set(r.profile!, [...(byProfile.get(r.profile!) ?? []), r.id].sort());
      return [...byProfile.values()].map((g) => g.join(',')).sort();
    };
    const one = setUp();
    for (const [id, spec] of records) await one.send(id, spec);
    const batch = setUp();
    await batch.engine.applyBatch(
      [...records].reverse().map(([record, spec], i) => ({ record, eventType: 'RECORD_UPDATE' as const, party: party(spec), occurredAt: i })),
    );
    expect(clusters(batch.store)).toEqual(clusters(one.store));
    expect(clusters(one.store)).toEqual(['ecommerce:1,loyalty:3,pos:4', 'marketing:6,pos:5']);
  });

  it('puts profiles that live together in one household without merging them, and takes out one who moves away', async () => {
    const { send, profileOf, store } = setUp();
    const home = { lines: ['Hauptstraße 5'], postcode: '10115', country: 'DE' };
    await send('loyalty:mother', { given: 'Sabine', family: 'Becker', dob: '1968-04-12', addresses: [home], emails: ['sabine@example.org'] });
    await send('ecommerce:son', { given: 'Felix', family: 'Becker', dob: '1999-10-01', addresses: [home], emails: ['felix@example.org'] });
    const [mother, son] = [profileOf('loyalty:mother')!, profileOf('ecommerce:son')!];
    expect(mother).not.toBe(son);
    const household = store.householdOf.get(mother);
    expect(household).toBeDefined();
    expect(store.householdOf.get(son)).toBe(household);
    await send('marketing:daughter', { given: 'Lea', family: 'Becker', dob: '2001-05-05', addresses: [home] });
    expect(store.householdOf.get(profileOf('marketing:daughter')!)).toBe(household);

    const moved = await send('ecommerce:son', { given: 'Felix', family: 'Becker', dob: '1999-10-01', addresses: [{ lines: ['Karl-Marx-Allee 90'], postcode: '10243', country: 'DE' }], emails: ['felix@example.org'] });
    expect(store.householdOf.get(son)).toBeUndefined();
    expect(store.householdOf.get(mother)).toBe(household);
    expect(moved.changes).toContainEqual({ kind: 'household-changed', profile: son, household: null, previous: household });
  });
});
