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
    expect(householdMatch(partner, mother, config)?.rule).toBe('same-address-and-phone');
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
