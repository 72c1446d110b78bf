// The generator's payloads are what the sources send: every one passes its source's mapping
// (keyed by the record the ground truth names), except the deliberately bad ones, which are
// rejected for the reason the ground truth gives; and the accepted purchases and returns add up to
// the ground truth's lifetime values, order counts and purchase dates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES, generate, type SourceName } from '@c360/generator';
import { mapNative, parseSourceMapping, type SourceMapping } from '../index';

const root = join(__dirname, '../../../../..');
const rateTable = JSON.parse(readFileSync(join(root, 'apps/ingestor/config/rates.json'), 'utf8')) as {
  reportingCurrency: string;
  rates: Record<string, number>;
};
const mappingOf = (source: string): SourceMapping => {
  const file = join(root, 'apps/ingestor/mappings', `${source}.json`);
  return parseSourceMapping(JSON.parse(readFileSync(file, 'utf8')), file);
};
// Values the generator types on purpose that are not valid (the junk phone): dropped, not rejected.
const JUNK = ['0000000000'];

describe('generated payloads through the ingestor mappings', () => {
  const data = generate({
    persons: 1_500,
    seed: 42,
    rates: rateTable.rates,
    reportingCurrency: rateTable.reportingCurrency,
    badRate: 0.01,
  });
  const mappings = new Map<SourceName, SourceMapping>(SOURCES.map((s) => [s, mappingOf(s)]));
  const ctx = { ...rateTable, ingestedAt: Date.UTC(2026, 10, 1) };
  const results = data.messages.map((m) => mapNative(mappings.get(m.source)!, Buffer.from(m.value), ctx));
  const bad = new Map(data.truth.bad.map((b) => [b.index, b]));

  it('rejects every deliberately bad payload with the reason the ground truth gives', () => {
    const failures: string[] = [];
    for (const [index, b] of bad) {
      const result = results[index]!;
      if (result.ok || result.reasonCode !== b.reason)
        failures.push(
          `${b.source} #${b.line} ${b.key}: expected ${b.reason}, got ${result.ok ? 'ok' : `${result.reasonCode} (${result.message})`}`,
        );
    }
    expect(failures).toEqual([]);
    expect(new Set([...bad.values()].map((b) => b.reason)).size).toBe(4);
  });

  it('maps every other payload, as the record the ground truth names, dropping nothing but junk', () => {
    const owners = new Set(data.truth.records.map((r) => `${r.source}:${r.sourceRecordId}`));
    const failures: string[] = [];
    results.forEach((result, i) => {
      if (bad.has(i)) return;
      const m = data.messages[i]!;
      if (!result.ok) return void failures.push(`${m.source} ${m.key}: ${result.reasonCode} ${result.message}`);
      if (result.event.sourceRecordId !== m.key) failures.push(`${m.source} ${m.key}: mapped as record ${result.event.sourceRecordId}`);
      if (!owners.has(`${m.source}:${result.event.sourceRecordId}`)) failures.push(`${m.source} ${m.key}: not in the ground truth`);
      const dropped = result.droppedFields.filter(() => !JUNK.some((j) => m.value.includes(`"${j}"`)));
      if (dropped.length > 0) failures.push(`${m.source} ${m.key}: dropped ${dropped.map((d) => `${d.path} (${d.reason})`).join(', ')}`);
    });
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it("adds the accepted purchases and returns up to each person's lifetime value, order count and purchase dates", () => {
    const owner = new Map(data.truth.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r.personId]));
    const seen = new Set<string>();
    const totals = new Map<string, { ltv: number; orders: number; first: number; last: number }>();
    for (const result of results) {
      // A redelivered payload has the same event id: the pipeline counts it once.
      if (!result.ok || seen.has(result.event.eventId)) continue;
      seen.add(result.event.eventId);
      const { event } = result;
      const person = owner.get(`${event.source}:${event.sourceRecordId}`)!;
      const t = totals.get(person) ?? { ltv: 0, orders: 0, first: Infinity, last: -Infinity };
      if (event.purchase) {
        t.ltv += event.purchase.reportingAmountMinor;
        t.orders += 1;
        t.first = Math.min(t.first, event.occurredAt);
        t.last = Math.max(t.last, event.occurredAt);
      }
      if (event.purchaseReturn) t.ltv -= event.purchaseReturn.reportingAmountMinor;
      totals.set(person, t);
    }
    const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
    const mismatches = data.truth.persons
      .map((p) => {
        const t = totals.get(p.personId) ?? { ltv: 0, orders: 0, first: Infinity, last: -Infinity };
        const expected = [p.lifetimeValueMinor, p.orderCount, p.firstPurchaseAt, p.lastPurchaseAt];
        const mapped = [t.ltv, t.orders, iso(t.first), iso(t.last)];
        return JSON.stringify(expected) === JSON.stringify(mapped)
          ? null
          : `${p.personId}: truth ${JSON.stringify(expected)}, mapped ${JSON.stringify(mapped)}`;
      })
      .filter((x) => x !== null);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(data.truth.persons.filter((p) => p.orderCount > 0).length).toBeGreaterThan(1_000);
  });
});
