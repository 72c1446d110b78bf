import { describe, expect, it } from 'vitest';
import { householdIdFor, householdMatch } from './households';
import { match } from './rules';
import { defaultConfig, profile } from '../testing/fixtures';

const config = defaultConfig();
const BERLIN = { lines: ['Hauptstraße 5'], postcode: '10115', country: 'DE' };
const LANDLINE = { number: '+493012345678', lineType: 'FIXED_LINE' } as const;

describe('households', () => {
  const mother = profile([
    [
      'm',
      {
        given: 'Sabine',
        family: 'Becker',
        dob: '1968-04-12',
        addresses: [BERLIN],
        phones: [LANDLINE],
        emails: ['family.becker@example.org'],
      },
    ],
  ]);
  const son = profile([['s', { given: 'Felix', family: 'Becker', dob: '1999-10-01', addresses: [{ ...BERLIN, lines: ['Hauptstr. 5'] }] }]]);

  it('puts members at one address with one family name in one household, without merging them', () => {
    expect(householdMatch(son, mother, config)).toMatchObject({ rule: 'same-address-and-family-name', profileRecords: ['m'] });
    expect(match(son, mother, config)).toBeNull();
  });

  it('counts a shared landline or family email as household evidence', () => {
    const daughter = profile([['d', { given: 'Lea', family: 'Becker', phones: [LANDLINE] }]]);
    expect(householdMatch(daughter, mother, config)?.rule).toBe('same-landline-and-family-name');
    const partner = profile([['p', { given: 'Tom', family: 'Schulz', addresses: [BERLIN], phones: [LANDLINE] }]]);
    expect(householdMatch(partner, mother, config)?.rule).toBe('same-dwelling-and-phone');
  });

  it('puts partners who kept their own family names at one home in one household', () => {
    const home = { lines: ['12 Acacia Road', 'Flat 3'], postcode: 'SW1A 1AA', country: 'GB' };
    const anna = profile([['a', { given: 'Anna', family: 'Wolf', addresses: [home] }]]);
    const ben = profile([['b', { given: 'Ben', family: 'Pollich', addresses: [{ ...home, lines: ['Flat 3, 12 Acacia Rd'] }] }]]);
    expect(householdMatch(ben, anna, config)?.rule).toBe('same-dwelling');
    // A typo in the street name is still the same home.
    const typo = profile([['t', { given: 'Doug', family: 'Senger', addresses: [{ ...home, lines: ['12 Acacai Road', 'Flat 3'] }] }]]);
    expect(householdMatch(typo, anna, config)).toMatchObject({
      rule: 'same-dwelling',
      matched: expect.arrayContaining([expect.objectContaining({ method: 'street-typo' })]),
    });
    // The flat upstairs is another household.
    const upstairs = profile([['u', { given: 'Carl', family: 'Maier', addresses: [{ ...home, lines: ['12 Acacia Road', 'Flat 4'] }] }]]);
    expect(householdMatch(upstairs, anna, config)).toBeNull();
  });

  it('does not make colleagues a household: a company address and office phone are work contact points', () => {
    const office = { lines: ['Piotrkowska 21'], postcode: '99-884', country: 'PL', use: 'WORK' } as const;
    const phone = { number: '+48125525747', lineType: 'FIXED_LINE', use: 'WORK' } as const;
    const a = profile([['a', { given: 'Luiza', family: 'Bielecki', addresses: [office], phones: [phone] }]]);
    const b = profile([['b', { given: 'Dariusz', family: 'Kruk', addresses: [office], phones: [phone] }]]);
    expect(householdMatch(a, b, config)).toBeNull();
  });

  it('does not join neighbours or namesakes elsewhere', () => {
    const neighbour = profile([['n', { given: 'Karl', family: 'Fischer', addresses: [{ ...BERLIN, lines: ['Hauptstraße 7'] }] }]]);
    expect(householdMatch(neighbour, mother, config)).toBeNull();
    const namesake = profile([
      ['x', { given: 'Sabine', family: 'Becker', addresses: [{ lines: ['Ring 1'], postcode: '80331', country: 'DE' }] }],
    ]);
    expect(householdMatch(namesake, mother, config)).toBeNull();
  });

  it('ignores the store’s number even when it is everyone’s', () => {
    const store = '+493025550017';
    const a = profile([['a', { given: 'A', family: 'Roth', phones: [{ number: store, lineType: 'FIXED_LINE' }] }]]);
    const b = profile([['b', { given: 'B', family: 'Roth', phones: [{ number: store, lineType: 'FIXED_LINE' }] }]]);
    expect(householdMatch(a, b, config, { overFrequent: new Set([`PHONE:${store}`]) })).toBeNull();
  });

  it('keeps the household id of its oldest member', () => {
    const id = householdIdFor([
      { profileId: 'p_b', seq: 7 },
      { profileId: 'p_a', seq: 3 },
    ]);
    expect(id).toMatch(/^h_[0-9a-f]{24}$/);
    expect(householdIdFor([{ profileId: 'p_a', seq: 3 }])).toBe(id);
    expect(() => householdIdFor([])).toThrow();
  });
});
