import { describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking';
import { parseMatchingConfig } from './matching-config';
import { defaultConfig, defaultConfigFile, evidence } from '../testing/fixtures';

const config = defaultConfig();
const BERLIN = { lines: ['Hauptstraße 5'], postcode: '10115', country: 'DE' };
const shared = (a: string[], b: string[]) => a.filter((k) => b.includes(k));

describe('blocking keys', () => {
  const person = { given: 'Katharina', family: 'Schneider', dob: '1982-07-19', emails: ['ks@example.org'], addresses: [BERLIN] };

  it('lists identifier keys, then one key per configured block, stable across calls', () => {
    const keys = blockingKeys(evidence(person), config);
    expect(keys).toEqual([
      'EMAIL:ks@example.org',
      'name-phonetic+dob=K0RN|4582',
      'name-phonetic+dob=KTRN|4582',
      'name-phonetic+dob=SNTR|4582',
      'name-phonetic+dob=XNTR|4582',
      'initial+family-phonetic+postcode=k|SNTR|de|10115',
      'initial+family-phonetic+postcode=k|XNTR|de|10115',
      'address=de|10115|hauptstrasse5',
      'address=loc|de|10115|5',
      'address=sig|de|10115|5|haupt',
      'dob+postcode=4582|de|10115',
    ]);
    expect(blockingKeys(evidence(person), config)).toEqual(keys);
  });

  it('still brings two records together when any one field has a typo', () => {
    const keys = blockingKeys(evidence(person), config);
    for (const variant of [
      { ...person, emails: [], family: 'Schnieder' },
      { ...person, emails: [], given: 'Kathrina' },
      { ...person, emails: [], dob: '1982-07-29' },
      { ...person, emails: [], addresses: [{ ...BERLIN, postcode: '10117' }] },
      { ...person, emails: [], given: 'Schneider', family: 'Katharina' },
    ]) {
      expect(shared(keys, blockingKeys(evidence(variant), config)).length).toBeGreaterThan(0);
    }
  });

  it('leaves out over-frequent identifier values', () => {
    const keys = blockingKeys(evidence({ phones: ['+493025550017'] }), config, { overFrequent: new Set(['PHONE:+493025550017']) });
    expect(keys).toEqual([]);
  });

  it('bounds the number of keys per block and per record', () => {
    const file = defaultConfigFile() as { blocking: Record<string, unknown> };
    const tight = parseMatchingConfig({ ...file, blocking: { ...file.blocking, maxKeysPerBlock: 1, maxKeysPerRecord: 3 } });
    const keys = blockingKeys(evidence(person), tight);
    expect(keys).toHaveLength(3);
    expect(keys.filter((k) => k.startsWith('name-phonetic+dob='))).toHaveLength(1);
  });
});
