import { describe, expect, it } from 'vitest';
import type { Party } from '@c360/schemas';
import { assign, linkableIdentifiers, profileIdFor } from './identity';

const rec = { source: 'pos', sourceRecordId: 'R-1' };

describe('assign', () => {
  it('creates a profile with an id derived from the first record, stable across rebuilds', () => {
    expect(assign(rec, null, [])).toEqual({ kind: 'new-profile', profileId: profileIdFor('pos', 'R-1') });
    expect(profileIdFor('pos', 'R-1')).toBe(profileIdFor('pos', 'R-1'));
    expect(profileIdFor('pos', 'R-1')).not.toBe(profileIdFor('pos', 'R-2'));
  });

  it('joins the profile that shares an email and says why', () => {
    const result = assign(rec, null, [{ type: 'EMAIL', value: 'a@example.com', profile: { profileId: 'p1', seq: 1 } }]);
    expect(result).toEqual({ kind: 'existing-profile', profileId: 'p1', absorbed: [], rule: 'same-email', matchedValues: ['EMAIL:a@example.com'] });
  });

  it('merges into the oldest profile when a record ties two together', () => {
    const result = assign(rec, { profileId: 'p9', seq: 9 }, [
      { type: 'PHONE', value: '+4930123', profile: { profileId: 'p3', seq: 3 } },
      { type: 'EMAIL', value: 'a@example.com', profile: { profileId: 'p5', seq: 5 } },
    ]);
    expect(result).toMatchObject({ profileId: 'p3', absorbed: ['p5', 'p9'], rule: 'same-email' });
  });
});

describe('linkableIdentifiers', () => {
  const party: Party = {
    name: null,
    dateOfBirth: null,
    emails: [{ address: 'a@example.com', use: 'PERSONAL' }],
    phones: [{ number: '+493012345678', use: 'UNKNOWN', lineType: 'FIXED_LINE' }],
    addresses: [],
    identifiers: [
      { type: 'EMAIL', value: 'a@example.com', issuer: null },
      { type: 'LOYALTY_ID', value: 'LC-1', issuer: 'c360-club' },
      { type: 'COOKIE_ID', value: 'ck-1', issuer: null },
    ],
    organisation: null,
    consents: [],
    extensions: {},
  };

  it('links on emails, phones and deterministic ids, each once', () => {
    expect(linkableIdentifiers(party).map((i) => `${i.type}:${i.value}`)).toEqual(['EMAIL:a@example.com', 'PHONE:+493012345678', 'LOYALTY_ID:LC-1']);
  });
});
