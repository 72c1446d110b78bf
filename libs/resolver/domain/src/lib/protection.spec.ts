import { describe, expect, it } from 'vitest';
import { assessValue, distinctPersons, exceedsClusterSize } from './protection';
import { defaultConfig, evidence } from '../testing/fixtures';

const config = defaultConfig();
const LANDLINE = { number: '+493012345678', lineType: 'FIXED_LINE' } as const;

describe('shared and over-frequent values', () => {
  it('counts a household landline as shared once two members carry it', () => {
    const holders = [
      evidence({ given: 'Sabine', family: 'Becker', dob: '1968-04-12', phones: [LANDLINE] }),
      evidence({ phones: [LANDLINE] }),
      evidence({ given: 'Felix', family: 'Becker', dob: '1999-10-01', phones: [LANDLINE] }),
    ];
    expect(distinctPersons(holders, config)).toBe(2);
    expect(assessValue('PHONE:+493012345678', { holders }, config)).toEqual({
      key: 'PHONE:+493012345678',
      status: 'shared',
      records: 3,
      distinctPersons: 2,
    });
  });

  it('keeps one person’s value usable across nicknames, typos and nameless receipts', () => {
    const holders = [
      evidence({ given: 'Robert', family: 'Smith', dob: '1980-01-02', emails: ['rs@example.org'] }),
      evidence({ given: 'Bob', family: 'Smith', emails: ['rs@example.org'] }),
      evidence({ given: 'Rbert', family: 'Smith', dob: '1980-01-02', emails: ['rs@example.org'] }),
      evidence({ emails: ['rs@example.org'] }),
    ];
    expect(assessValue('EMAIL:rs@example.org', { holders }, config).status).toBe('usable');
  });

  it('counts a landline as shared when several persons live at its holder’s address, even if only one gave it with a name', () => {
    const home = { lines: ['Hauptstraße 5'], postcode: '10115', country: 'DE' };
    const holders = [
      evidence({ given: 'Sabine', family: 'Becker', phones: [LANDLINE], addresses: [home] }),
      evidence({ phones: [LANDLINE] }),
    ];
    const cohabitants = [evidence({ given: 'Felix', family: 'Becker', addresses: [home] })];
    expect(assessValue('PHONE:+493012345678', { holders }, config).status).toBe('usable');
    expect(assessValue('PHONE:+493012345678', { holders, cohabitants }, config)).toMatchObject({ status: 'shared', distinctPersons: 2 });
    // A mobile is personal: housemates do not share it.
    const mobile = [evidence({ given: 'Sabine', family: 'Becker', phones: ['+4915112345678'], addresses: [home] })];
    expect(assessValue('PHONE:+4915112345678', { holders: mobile, cohabitants }, config).status).toBe('usable');
  });

  it('counts a family mailbox as shared from the start, even when one member alone gives it with a name', () => {
    const holders = [
      evidence({ given: 'Júlia', family: 'Albuquerque', emails: ['family.albuquerque@example.com'] }),
      evidence({ emails: ['family.albuquerque@example.com'] }),
    ];
    expect(assessValue('EMAIL:family.albuquerque@example.com', { holders }, config)).toMatchObject({
      status: 'shared',
      distinctPersons: 1,
    });
    expect(assessValue('EMAIL:the.fadel@example.com', { holders: [] }, config).status).toBe('shared');
    // A personal address that merely starts alike is not a family's.
    for (const email of ['theresa.fadel@example.com', 'homer.simpson@example.com', 'thefadel@example.com'])
      expect(assessValue(`EMAIL:${email}`, { holders: [] }, config).status).toBe('usable');
  });

  it('stops a value carried by more records than its type allows', () => {
    expect(assessValue('PHONE:+493025550017', { holders: [], recordCount: 201 }, config).status).toBe('over-frequent');
    expect(assessValue('PHONE:+493025550017', { holders: [], recordCount: 200 }, config).status).toBe('usable');
  });

  it('never calls a strong identifier shared (no limit configured)', () => {
    const holders = [
      evidence({ given: 'Anna', ids: [{ type: 'LOYALTY_ID', value: '1', issuer: 'c' }] }),
      evidence({ given: 'Peter', ids: [{ type: 'LOYALTY_ID', value: '1', issuer: 'c' }] }),
    ];
    expect(assessValue('LOYALTY_ID:c:1', { holders }, config)).toMatchObject({ status: 'usable', distinctPersons: 2 });
  });

  it('quarantines merges beyond the cluster size', () => {
    expect(exceedsClusterSize(500, config)).toBe(false);
    expect(exceedsClusterSize(501, config)).toBe(true);
  });
});
