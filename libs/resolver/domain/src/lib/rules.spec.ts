import { describe, expect, it } from 'vitest';
import { conflicts, linkReliesOn, match } from './rules';
import { recordAsProfile } from './evidence';
import { defaultConfig, evidence, profile, type PartySpec } from '../testing/fixtures';

const config = defaultConfig();
const BERLIN = { lines: ['Hauptstraße 5'], postcode: '10115', country: 'DE' };
const LONDON = { lines: ['12 Acacia Road'], postcode: 'SW1A 1AA', country: 'GB' };
const LANDLINE = { number: '+493012345678', lineType: 'FIXED_LINE' } as const;
const one = (spec: PartySpec) => profile([['p-1', spec]]);

describe('match: deterministic rules', () => {
  it('Bob Smith and Robert Smith with the same email are one person', () => {
    const result = match(
      evidence({ given: 'Bob', family: 'Smith', emails: ['rs@example.org'] }),
      one({ given: 'Robert', family: 'Smith', emails: ['rs@example.org'] }),
      config,
    );
    expect(result).toMatchObject({ rule: 'same-email', score: 0.975, namesSwapped: false, profileRecords: ['p-1'] });
    expect(result?.matched).toEqual(
      expect.arrayContaining([
        {
          field: 'identifier',
          method: 'same',
          record: 'EMAIL:rs@example.org',
          profile: 'EMAIL:rs@example.org',
          score: 1,
          profileRecords: ['p-1'],
        },
        { field: 'given-name', method: 'nickname', record: 'bob', profile: 'robert', score: 0.95, profileRecords: ['p-1'] },
      ]),
    );
  });

  it('swapped given and family names with the same date of birth and email are one person', () => {
    const result = match(
      evidence({ given: 'Meier', family: 'Jonas', dob: '1990-05-06', emails: ['jm@example.org'] }),
      one({ given: 'Jonas', family: 'Meier', dob: '1990-05-06', emails: ['jm@example.org'] }),
      config,
    );
    expect(result).toMatchObject({ rule: 'same-email', namesSwapped: true });
  });

  it('reports the highest-priority rule that holds', () => {
    const spec = {
      given: 'Anna',
      family: 'Lang',
      emails: ['al@example.org'],
      ids: [{ type: 'LOYALTY_ID', value: 'LC-7', issuer: 'c360-club' }],
    } as const;
    expect(match(evidence(spec), one(spec), config)?.rule).toBe('same-loyalty-id');
  });

  it('scopes loyalty ids by programme', () => {
    const a = evidence({ ids: [{ type: 'LOYALTY_ID', value: '1001', issuer: 'c360-club' }] });
    expect(match(a, one({ ids: [{ type: 'LOYALTY_ID', value: '1001', issuer: 'other-club' }] }), config)).toBeNull();
    expect(match(a, one({ ids: [{ type: 'LOYALTY_ID', value: '1001', issuer: 'c360-club' }] }), config)?.rule).toBe('same-loyalty-id');
  });

  it('joins an anonymous cookie that signs in to the shop account', () => {
    const cookie = evidence({
      ids: [
        { type: 'COOKIE_ID', value: 'ck-1', issuer: 'web' },
        { type: 'ECOMMERCE_ACCOUNT', value: 'acc-1', issuer: 'ecommerce' },
      ],
    });
    expect(match(cookie, one({ given: 'Eva', family: 'Roth', ids: [{ type: 'ECOMMERCE_ACCOUNT', value: 'acc-1' }] }), config)?.rule).toBe(
      'same-ecommerce-account',
    );
  });

  it('does not let an identifier join a record whose date of birth contradicts the profile', () => {
    const p = one({ given: 'Anna', family: 'Lang', dob: '1970-02-03', emails: ['lang@example.org'] });
    expect(match(evidence({ given: 'Anna', family: 'Lang', dob: '1999-11-12', emails: ['lang@example.org'] }), p, config)).toBeNull();
    // One mistyped part of the date is no contradiction.
    expect(match(evidence({ given: 'Anna', family: 'Lang', dob: '1970-02-13', emails: ['lang@example.org'] }), p, config)?.rule).toBe(
      'same-email',
    );
  });

  it('links a kanji-named record to a romaji-named profile through an identifier (the scripts neither agree nor conflict)', () => {
    const kanji = evidence({ given: '太郎', family: '山田', givenKey: 'tailang', familyKey: 'shantian', emails: ['taro@example.jp'] });
    const romaji = { given: 'Taro', family: 'Yamada', emails: ['taro@example.jp'] };
    expect(match(kanji, one(romaji), config)?.matched).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'given-name', method: 'different-script' })]),
    );
    expect(conflicts(kanji, evidence(romaji), config)).toBeNull();
  });
});

describe('match: fuzzy rules', () => {
  it('a typo in the family name with the same date of birth and postcode matches by name-dob-postcode', () => {
    const result = match(
      evidence({ given: 'Katharina', family: 'Schneidre', dob: '1982-07-19', addresses: [{ ...BERLIN, lines: ['Torstraße 1'] }] }),
      one({ given: 'Katharina', family: 'Schneider', dob: '1982-07-19', addresses: [BERLIN] }),
      config,
    );
    expect(result).toMatchObject({ rule: 'name-dob-postcode' });
    expect(result!.score).toBeGreaterThan(0.85);
  });

  it('Müller and Mueller with the same date of birth and address are one person', () => {
    const result = match(
      evidence({ given: 'Jürgen', family: 'Mueller', dob: '1961-01-30', addresses: [{ ...BERLIN, lines: ['Hauptstr. 5'] }] }),
      one({ given: 'Jürgen', family: 'Müller', dob: '1961-01-30', addresses: [BERLIN] }),
      config,
    );
    expect(result?.rule).toBe('name-dob-postcode');
    expect(result?.matched.find((m) => m.field === 'family-name')).toMatchObject({ record: 'mueller', profile: 'muller' });
  });

  it('matches a short form at the same address when one side has no date of birth', () => {
    expect(
      match(
        evidence({ given: 'Kathi', family: 'Weber', addresses: [BERLIN] }),
        one({ given: 'Katharina', family: 'Weber', dob: '1975-05-05', addresses: [BERLIN] }),
        config,
      )?.rule,
    ).toBe('name-address');
  });

  it('compares a record with everything known about the profile, not one record', () => {
    const p = profile([
      ['r1', { given: 'Lena', family: 'Vogel', emails: ['lv@example.org'] }],
      ['r2', { given: 'Lena', family: 'Vogel', dob: '1993-09-09', emails: ['lv@example.org'] }],
      ['r3', { emails: ['lv@example.org'], addresses: [BERLIN] }],
    ]);
    const result = match(evidence({ given: 'Lena', family: 'Vogel', dob: '1993-09-09', addresses: [BERLIN] }), p, config);
    expect(result?.rule).toBe('name-dob-postcode');
    expect(result?.profileRecords).toEqual(expect.arrayContaining(['r1', 'r2', 'r3']));
  });
});

describe('match: what never links', () => {
  it('household members sharing a landline and a family email are not one person', () => {
    const member = { family: 'Becker', emails: ['family.becker@example.org'], phones: [LANDLINE], addresses: [BERLIN] };
    const mother = one({ ...member, given: 'Sabine', dob: '1968-04-12' });
    const son = evidence({ ...member, given: 'Felix', dob: '1999-10-01' });
    expect(match(son, mother, config)).toBeNull();
    // Once the resolver knows the values are shared, they only link with the person's own name.
    const shared = { shared: new Set(['EMAIL:family.becker@example.org', 'PHONE:+493012345678']) };
    expect(match(son, mother, config, shared)).toBeNull();
    expect(match(evidence({ ...member, given: 'Sabine' }), mother, config, shared)?.rule).toBe('shared-email-and-name');
    expect(conflicts(son, evidence({ ...member, given: 'Sabine', dob: '1968-04-12' }), config)).toEqual({
      field: 'given-name',
      a: 'felix',
      b: 'sabine',
    });
  });

  it('spouses whose names differ only by gender (Daniel/Daniela) are not one person', () => {
    const member = { family: 'Klein', emails: ['klein@example.org'], addresses: [BERLIN] };
    expect(match(evidence({ ...member, given: 'Daniela' }), one({ ...member, given: 'Daniel' }), config)).toBeNull();
  });

  it('twins (same family name, address and birth date, different given names) are not merged', () => {
    const twin = { family: 'Wagner', dob: '2001-06-15', addresses: [BERLIN], phones: [LANDLINE] };
    expect(match(evidence({ ...twin, given: 'Lukas' }), one({ ...twin, given: 'Jonas' }), config)).toBeNull();
    expect(conflicts(evidence({ ...twin, given: 'Lukas' }), evidence({ ...twin, given: 'Jonas' }), config)?.field).toBe('given-name');
  });

  it('namesakes with different birth dates are not merged, even in one postcode', () => {
    const a = evidence({ given: 'John', family: 'Smith', dob: '1950-02-02', addresses: [LONDON] });
    const b = { given: 'John', family: 'Smith', dob: '1988-08-21', addresses: [{ ...LONDON, lines: ['40 Birch Lane'] }] };
    expect(match(a, one(b), config)).toBeNull();
    expect(conflicts(a, evidence(b), config)).toEqual({ field: 'date-of-birth', a: '1950-02-02', b: '1988-08-21' });
  });

  it('two nameless receipts never join on a landline alone (the store’s own number)', () => {
    const storePhone = { number: '+493025550017', lineType: 'FIXED_LINE' } as const;
    expect(match(evidence({ phones: [storePhone] }), one({ phones: [storePhone] }), config)).toBeNull();
    // A mobile is one person's: receipts that carry only it do join.
    expect(match(evidence({ phones: ['+4915112345678'] }), one({ phones: ['+4915112345678'] }), config)?.rule).toBe('same-mobile');
    // A receipt with only a phone does join the named person who owns the number...
    const owner = one({ given: 'Mia', family: 'Koch', phones: ['+4915112345678'] });
    expect(match(evidence({ phones: ['+4915112345678'] }), owner, config)?.rule).toBe('same-mobile');
    // ...unless the number is shared or over-frequent.
    expect(match(evidence({ phones: ['+4915112345678'] }), owner, config, { shared: new Set(['PHONE:+4915112345678']) })).toBeNull();
    expect(
      match(evidence({ given: 'Mia', family: 'Koch', phones: ['+4915112345678'] }), owner, config, {
        overFrequent: new Set(['PHONE:+4915112345678']),
      }),
    ).toBeNull();
  });

  it('never places a nameless receipt with a person on a landline or a number of unknown line type', () => {
    // The household's landline (or a US number, which may be one) on a receipt may be any member's,
    // including members no source names.
    const landline = one({ given: 'Mitchell', family: 'Larkin', phones: [LANDLINE] });
    expect(match(evidence({ phones: [LANDLINE] }), landline, config)).toBeNull();
    const us = { number: '+14154918762', lineType: 'UNKNOWN' } as const;
    expect(match(evidence({ phones: [us] }), one({ given: 'Jack', family: 'Kris', phones: [us] }), config)).toBeNull();
    // Two named records of one person do join on it.
    expect(match(evidence({ given: 'Mitchell', family: 'Larkin', phones: [LANDLINE] }), landline, config)?.rule).toBe('same-phone');
  });

  it('test@test.com never links', () => {
    expect(match(evidence({ emails: ['test@test.com'] }), one({ emails: ['test@test.com'] }), config)).toBeNull();
    expect(
      match(
        evidence({ given: 'A', family: 'B', emails: ['TEST@test.com'] }),
        one({ given: 'A', family: 'B', emails: ['test@test.com'] }),
        config,
      ),
    ).toBeNull();
  });

  it('two shop accounts sharing a family email stay apart even without names', () => {
    const a = evidence({ emails: ['fam@example.org'], ids: [{ type: 'ECOMMERCE_ACCOUNT', value: 'acc-1' }] });
    expect(match(a, one({ emails: ['fam@example.org'], ids: [{ type: 'ECOMMERCE_ACCOUNT', value: 'acc-2' }] }), config)).toBeNull();
    expect(conflicts(a, evidence({ ids: [{ type: 'ECOMMERCE_ACCOUNT', value: 'acc-2' }] }), config)?.field).toBe('identifier');
  });

  it('finds no conflict where evidence is missing', () => {
    expect(conflicts(evidence({ phones: ['+4915112345678'] }), evidence({ given: 'Mia', dob: '1990-01-01' }), config)).toBeNull();
    expect(conflicts(evidence({ given: 'Bob' }), evidence({ given: 'Robert' }), config)).toBeNull();
    expect(conflicts(evidence({ given: 'Smith', family: 'John' }), evidence({ given: 'John', family: 'Smith' }), config)).toBeNull();
  });

  it('tells which stored links rest on a value that stopped linking', () => {
    const link = match(
      evidence({ phones: ['+4915112345678'] }),
      one({ given: 'Mia', family: 'Koch', phones: ['+4915112345678'] }),
      config,
    )!;
    expect(linkReliesOn(link.matched, new Set(['PHONE:+4915112345678']))).toBe(true);
    expect(linkReliesOn(link.matched, new Set(['EMAIL:other@example.org']))).toBe(false);
  });

  it('swapped names with a short form agree whichever record is written the wrong way round', () => {
    const home = { lines: ['Weinhauser Straße 82'], postcode: '09527', country: 'DE' };
    const swapped = { given: 'LAUSECKER', family: 'BENJAMIN', dob: '1979-11-03', addresses: [home] };
    const account = { given: 'Ben', family: 'Lausecker', addresses: [home] };
    expect(match(evidence(swapped), one(account), config)).toMatchObject({ rule: 'name-address', namesSwapped: true });
    expect(match(evidence(account), one(swapped), config)).toMatchObject({ rule: 'name-address', namesSwapped: true });
    expect(conflicts(evidence(swapped), evidence(account), config)).toBeNull();
    expect(conflicts(evidence(account), evidence(swapped), config)).toBeNull();
  });

  it('matches a name at the same building when the street name has a typo', () => {
    const a = evidence({ given: 'Milla', family: 'Kastner', addresses: [{ lines: ['Pappelweg 67'], postcode: '31162', country: 'DE' }] });
    const b = one({
      given: 'Milla',
      family: 'Kastner',
      dob: '1981-12-09',
      addresses: [{ lines: ['Pappslweg 67'], postcode: '31162', country: 'DE' }],
    });
    expect(match(a, b, config)).toMatchObject({ rule: 'name-address' });
    // Another house number in the postcode is another address.
    const neighbour = one({
      given: 'Milla',
      family: 'Kastner',
      addresses: [{ lines: ['Pappelweg 69'], postcode: '31162', country: 'DE' }],
    });
    expect(match(a, neighbour, config)).toBeNull();
  });

  it('matches a register notice that writes the middle name with the first forename elsewhere', () => {
    const notice = evidence({ given: 'KEN WALTER', family: 'WILDERMAN-GOLDNER', dob: '1975-04-02' });
    expect(match(notice, one({ given: 'Ken', family: 'Wilderman-Goldner', dob: '1975-04-02' }), config)?.rule).toBe('name-dob');
  });

  it('matches a person who moved by name and date of birth, the family name transliterated', () => {
    const notice = evidence({ given: 'LEANN LANA', family: 'RÖTTGER', dob: '1971-06-30', addresses: [BERLIN] });
    const member = one({
      given: 'Leann',
      family: 'Roettger',
      dob: '1971-06-30',
      addresses: [{ lines: ['Ring 1'], postcode: '80331', country: 'DE' }],
    });
    expect(match(notice, member, config)?.rule).toBe('name-dob');
    // Another family name with the same first name and birthday is another person.
    expect(match(notice, one({ given: 'Leann', family: 'Rottmann', dob: '1971-06-30' }), config)).toBeNull();
  });

  it('compares two single records too', () => {
    const a = evidence({ given: 'Ida', family: 'Berg', emails: ['ida@example.org'] });
    expect(match(a, recordAsProfile('r-2', evidence({ given: 'Ida', emails: ['ida@example.org'] })), config)?.profileRecords).toEqual([
      'r-2',
    ]);
  });
});
