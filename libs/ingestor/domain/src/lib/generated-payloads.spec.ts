// The generator's payloads are what the sources send: every one passes its source's mapping,
// except the deliberately bad ones, which are rejected for the reason the ground truth gives,
// and the accepted amounts add up to the ground truth's lifetime values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@c360/generator';
import { mapNative, parseSourceMapping } from '../index';

const root = join(__dirname, '../../../../..');
const mapping = (source: string) => parseSourceMapping(JSON.parse(readFileSync(join(root, 'apps/ingestor/mappings', `${source}.json`), 'utf8')), source);
const rateTable = JSON.parse(readFileSync(join(root, 'apps/ingestor/config/rates.json'), 'utf8')) as { reportingCurrency: string; rates: Record<string, number> };

describe('generated payloads through the ingestor mappings', () => {
  it('maps every good payload, rejects every bad one with its labelled reason, and matches the expected totals', () => {
    const data = generate({ persons: 1_000, seed: 42, rates: rateTable.rates, reportingCurrency: rateTable.reportingCurrency, badRate: 0.01 });
    const mappings = { ecommerce: mapping('ecommerce'), pos: mapping('pos') };
    const bad = new Map(data.truth.bad.map((b) => [`${b.source}:${b.key}`, b.reason]));
    const recordOwner = new Map(data.truth.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r.personId]));
    const ltv = new Map<string, number>();
    const failures: string[] = [];
    for (const m of data.messages) {
      const result = mapNative(mappings[m.source], Buffer.from(m.value), { ...rateTable, ingestedAt: 0 });
      const expectedBad = bad.get(`${m.source}:${m.key}`);
      if (expectedBad) {
        if (result.ok || result.reasonCode !== expectedBad) failures.push(`${m.key}: expected ${expectedBad}, got ${result.ok ? 'ok' : result.reasonCode}`);
        continue;
      }
      if (!result.ok) {
        failures.push(`${m.key}: ${result.reasonCode} ${result.message}`);
        continue;
      }
      // Every phone the generator writes is valid for its market, except the junk one.
      if (result.droppedFields.length > 0 && !m.value.includes('0000000000')) failures.push(`${m.key}: dropped ${result.droppedFields.join(', ')}`);
      const person = recordOwner.get(`${result.event.source}:${result.event.sourceRecordId}`);
      if (!person) failures.push(`${m.key}: record ${result.event.sourceRecordId} not in the ground truth`);
      else ltv.set(person, (ltv.get(person) ?? 0) + result.event.purchase!.reportingAmountMinor);
    }
    expect(failures).toEqual([]);
    expect(bad.size).toBeGreaterThan(0);
    for (const p of data.truth.persons) expect(ltv.get(p.personId) ?? 0).toBe(p.lifetimeValueMinor);
  });
});
