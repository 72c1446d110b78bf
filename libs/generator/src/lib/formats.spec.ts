// Every payload has the shape of its source's sample in apps/ingestor/samples: the same field
// names, nesting and JSON types, nothing invented, and every sample field sent at least sometimes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOf } from './kinds';
import { generate } from './generate';

const root = join(__dirname, '../../../..');
const samples = join(root, 'apps/ingestor/samples');
const rateTable = JSON.parse(readFileSync(join(root, 'apps/ingestor/config/rates.json'), 'utf8')) as {
  reportingCurrency: string;
  rates: Record<string, number>;
};

/** path → JSON types seen there; array elements under '[]'. */
function shape(value: unknown, path = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (path) out.set(path, (out.get(path) ?? new Set()).add(type));
  if (Array.isArray(value)) for (const v of value) shape(v, `${path}[]`, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) shape(v, path ? `${path}.${k}` : k, out);
  return out;
}

// Fields a sample shows with a value that real senders also send as null (or the other way round).
const NULLABLE = new Set(['register:DOB', 'web:userId', 'web:context.device.id']);

describe('native formats', () => {
  const data = generate({ persons: 3_000, seed: 11, rates: rateTable.rates, reportingCurrency: rateTable.reportingCurrency, badRate: 0 });
  const generated = new Map<string, Map<string, Set<string>>>();
  for (const m of data.messages) {
    const payload = JSON.parse(m.value) as Record<string, unknown>;
    const kind = `${m.source}/${kindOf(m.source, payload)}`;
    generated.set(kind, shape(payload, '', generated.get(kind)));
  }
  // Samples by the kind of payload they show: ticket-created-kana.json is one more ticket-created.
  const samplesByKind = new Map<string, Map<string, Set<string>>>();
  for (const source of readdirSync(samples)) {
    for (const file of readdirSync(join(samples, source)).filter((f) => f.endsWith('.json'))) {
      const payload = JSON.parse(readFileSync(join(samples, source, file), 'utf8')) as Record<string, unknown>;
      const kind = `${source}/${kindOf(source, payload)}`;
      samplesByKind.set(kind, shape(payload, '', samplesByKind.get(kind)));
    }
  }
  const kinds = [...samplesByKind.keys()].sort();

  it('emits every kind of every source', () => {
    expect([...generated.keys()].sort()).toEqual(kinds);
    expect(kinds).toHaveLength(24);
  });

  it.each(kinds)('%s has the sample shape', (kind) => {
    const sample = samplesByKind.get(kind)!;
    const ours = generated.get(kind) ?? new Map<string, Set<string>>();
    const source = kind.split('/')[0]!;
    const problems: string[] = [];
    for (const [path, types] of ours) {
      const expected = sample.get(path);
      if (!expected) problems.push(`invented field ${path}`);
      else
        for (const t of types)
          if (!expected.has(t) && !(NULLABLE.has(`${source}:${path}`) && (t === 'null' || expected.has('null'))))
            problems.push(`${path} is ${t}, sample has ${[...expected].join('|')}`);
    }
    for (const path of sample.keys()) if (!ours.has(path)) problems.push(`never sends ${path}`);
    expect(problems).toEqual([]);
  });
});
