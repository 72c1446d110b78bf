// The CPU cost of matching, per record and per record-vs-profile comparison, on the synthetic
// population: `npx vitest bench --run --project unit libs/resolver`. The comparisons are the ones
// the blocking keys actually produce while resolving the population in arrival order.
import { bench, describe } from 'vitest';
import { blockingKeys } from './blocking';
import { type ProfileEvidence, type RecordEvidence, buildEvidence, profileEvidence } from './evidence';
import { match } from './rules';
import { population, valueContext } from '../testing/simulation';
import { defaultConfig } from '../testing/fixtures';

const config = defaultConfig();
const records = population({ persons: 1500, seed: 7 }).sort((a, b) => a.at - b.at);
const evidence = new Map(records.map((r) => [r.recordId, buildEvidence(r.party, config)]));
const context = valueContext(evidence, config);

// Replays the resolution once to collect (record, candidate profile) pairs as the resolver meets them.
const pairs: { record: RecordEvidence; party: (typeof records)[number]['party']; profile: ProfileEvidence }[] = [];
{
  const index = new Map<string, string[]>();
  for (const r of records) {
    const e = evidence.get(r.recordId)!;
    const seen = new Set<string>();
    for (const k of blockingKeys(e, config, context)) for (const h of index.get(k) ?? []) seen.add(h);
    for (const other of [...seen].slice(0, 10))
      pairs.push({ record: e, party: r.party, profile: profileEvidence([{ recordId: other, evidence: evidence.get(other)! }]) });
    for (const k of blockingKeys(e, config, context)) (index.get(k) ?? index.set(k, []).get(k)!).push(r.recordId);
  }
}
let i = 0;
const next = () => pairs[i++ % pairs.length]!;

// Median over seven passes of the mean cost of one comparison (evidence of the record built, then matched).
{
  const passes: number[] = [];
  for (let pass = 0; pass < 7; pass++) {
    const start = process.hrtime.bigint();
    for (const p of pairs) match(buildEvidence(p.party, config), p.profile, config, context);
    passes.push(Number(process.hrtime.bigint() - start) / 1000 / pairs.length);
  }
  passes.sort((a, b) => a - b);
  console.info(
    `buildEvidence + match: median of 7 passes ${passes[3]!.toFixed(2)} µs per comparison (passes ${passes.map((p) => p.toFixed(2)).join(', ')})`,
  );
}

describe(`matching (${pairs.length} comparisons from ${records.length} records)`, () => {
  bench('buildEvidence (one record)', () => {
    buildEvidence(next().party, config);
  });
  bench('blockingKeys (one record)', () => {
    blockingKeys(next().record, config, context);
  });
  bench('match (one record vs one profile)', () => {
    const p = next();
    match(p.record, p.profile, config, context);
  });
  bench('buildEvidence + match', () => {
    const p = next();
    match(buildEvidence(p.party, config), p.profile, config, context);
  });
  bench('profileEvidence (union of 5 records)', () => {
    const k = i++ % (records.length - 5);
    profileEvidence(records.slice(k, k + 5).map((r) => ({ recordId: r.recordId, evidence: evidence.get(r.recordId)! })));
  });
});
