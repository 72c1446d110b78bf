import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultConfigFile, party } from '../../testing/fixtures';
import { parseMatchingConfig } from '../matching-config';
import { compareClusterings, resolveFromScratch } from './rule-change';

describe('dry run of a rule change', () => {
  it('names the merges and splits between two clusterings', () => {
    const current = new Map([
      ['a', 'P1'],
      ['b', 'P1'],
      ['c', 'P2'],
      ['d', 'P3'],
      ['e', 'P3'],
    ]);
    const proposed = new Map([
      ['a', 'g1'],
      ['b', 'g2'],
      ['c', 'g2'],
      ['d', 'g3'],
      ['e', 'g3'],
    ]);
    expect(compareClusterings(current, proposed)).toEqual({
      merges: [{ profiles: ['P1', 'P2'], records: ['b', 'c'] }],
      splits: [{ profile: 'P1', parts: [['a'], ['b']] }],
    });
    expect(compareClusterings(current, current)).toEqual({ merges: [], splits: [] });
  });

  it('reports the profiles a stricter rule file would split', async () => {
    const records = [
      { id: 'ecommerce:1', party: party({ given: 'Anna', family: 'Schmidt', emails: ['anna@example.com'] }), observedAt: 1, deleted: false },
      { id: 'marketing:2', party: party({ given: 'Anna', family: 'Schmidt', emails: ['anna@example.com'] }), observedAt: 2, deleted: false },
    ];
    const current = await resolveFromScratch(records, [], defaultConfig());
    expect(current.get('ecommerce:1')).toBe(current.get('marketing:2'));
    // The same rules without the email rules: the two records have nothing else in common.
    const file = defaultConfigFile() as { rules: { name: string }[] };
    const stricter = parseMatchingConfig({ ...file, rules: file.rules.filter((r) => !r.name.includes('email')) });
    const proposed = await resolveFromScratch(records, [], stricter);
    expect(compareClusterings(current, proposed).splits).toEqual([{ profile: current.get('ecommerce:1'), parts: [['ecommerce:1'], ['marketing:2']] }]);
    // A steward's force-link holds under any rules.
    const forced = await resolveFromScratch(records, [{ a: 'ecommerce:1', b: 'marketing:2', kind: 'force-link' }], stricter);
    expect(compareClusterings(current, forced).splits).toEqual([]);
  });
});
