// The rules together, on a synthetic population with the hard cases (households sharing a
// landline and family email, twins, namesakes, the store's number, junk, typos, short forms,
// transliterations, swapped names, changed emails, moved persons, phone-only receipts, cookies):
// pairwise precision and recall, households, and three arrival orders.
//
// Receipts that carry only a household's landline or family email, or a number no named record of
// the person holds, cannot be told apart by any rule; the strict figures are for the records that
// carry a name, the others are printed.
import { describe, expect, it } from 'vitest';
import { agreement, pairwise, population, resolve } from '../testing/simulation';
import { defaultConfig } from '../testing/fixtures';

const config = defaultConfig();
const records = population({ persons: 1500, seed: 7 });
const linkable = records.filter((r) => r.linkable);
const named = linkable.filter((r) => r.party.name !== null);
const personOf = (list: typeof records) => new Map(list.map((r) => [r.recordId, r.personId]));

describe('resolving a synthetic population with the default rules', () => {
  const byTime = [...records].sort((a, b) => a.at - b.at);
  const first = resolve(byTime, config);

  it('links the named records of one person and keeps persons apart', () => {
    const scores = pairwise(first.profileOf, personOf(named));
    const all = pairwise(first.profileOf, personOf(linkable));
    console.info(`${records.length} records, ${first.comparisons} comparisons; named records`, scores, 'all linkable records', all);
    expect(scores.precision).toBeGreaterThanOrEqual(0.999);
    expect(scores.recall).toBeGreaterThanOrEqual(0.98);
    expect(all.precision).toBeGreaterThanOrEqual(0.99);
  });

  it('never lets junk or the store’s number join different persons', () => {
    const personsOf = new Map<string, Set<string>>();
    for (const r of records) {
      const profile = first.profileOf.get(r.recordId)!;
      personsOf.set(profile, (personsOf.get(profile) ?? new Set()).add(r.personId));
    }
    const junk = records.filter(
      (r) => r.party.emails.some((e) => e.address === 'test@test.com') || r.party.phones.some((p) => p.number.includes('2555')),
    );
    expect(junk.length).toBeGreaterThan(0);
    for (const r of junk) expect(personsOf.get(first.profileOf.get(r.recordId)!)!.size).toBe(1);
  });

  it('groups households', () => {
    const householdOf = (list: typeof records) =>
      new Map(list.map((r) => [r.recordId, first.householdOf.get(first.profileOf.get(r.recordId)!)!]));
    const truth = (list: typeof records) => new Map(list.map((r) => [r.recordId, r.householdId]));
    const scores = pairwise(householdOf(named), truth(named));
    console.info('households of named records', scores, 'of all linkable records', pairwise(householdOf(linkable), truth(linkable)));
    expect(scores.precision).toBeGreaterThanOrEqual(0.99);
    expect(scores.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('gives the same clusters whatever the arrival order', () => {
    const reversed = resolve([...byTime].reverse(), config);
    const shuffled = resolve(
      [...records].sort((a, b) => (a.recordId < b.recordId ? -1 : 1)),
      config,
    );
    const agreements = [agreement(first.profileOf, reversed.profileOf), agreement(first.profileOf, shuffled.profileOf)];
    console.info('order agreement', agreements);
    for (const a of agreements) expect(a).toBeGreaterThanOrEqual(0.999);
  });
});
