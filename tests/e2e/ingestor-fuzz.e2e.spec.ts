// Whatever the sources send, the ingestor stays up and accounts for every payload: each one is
// either a canonical event or a dead letter with a reason, and the good payloads mixed in among
// 10,000 random and mutated ones all come through.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapNative, parseSourceMapping, type SourceMapping } from '@c360/ingestor-domain';
import { sourceTopic, Topics, type CanonicalEvent, type DeadLetter } from '@c360/schemas';
import type { Subscription } from '@c360/testing';
import { MAPPINGS_DIR, Pipeline, ROOT } from './harness';

const FUZZED = 10_000;
const SEED = 20261123;

const mappings: SourceMapping[] = readdirSync(MAPPINGS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseSourceMapping(JSON.parse(readFileSync(join(MAPPINGS_DIR, f), 'utf8')), f));
const samples: { source: string; payload: Record<string, unknown> }[] = mappings.flatMap((m) => {
  const dir = join(ROOT, 'apps', 'ingestor', 'samples', m.source);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ source: m.source, payload: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown> }));
});

/** Leaf paths of a JSON value, as arrays of keys and indices. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value === DELETE ? undefined : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

/** A sample with one to three mutations: a field removed, retyped or replaced, or the bytes broken. */
const mutated = fc
  .record({
    sample: fc.constantFrom(...samples),
    edits: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant<typeof DELETE>(DELETE), fc.jsonValue(), fc.string(), fc.integer(), fc.constant(null))), { minLength: 1, maxLength: 3 }),
    damage: fc.oneof(
      { weight: 6, arbitrary: fc.constant<'none'>('none') },
      { weight: 1, arbitrary: fc.constant<'truncate'>('truncate') },
      { weight: 1, arbitrary: fc.constant<'oversize'>('oversize') },
      { weight: 1, arbitrary: fc.constant<'bytes'>('bytes') },
    ),
    cut: fc.nat(),
    junk: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  })
  .map(({ sample, edits, damage, cut, junk }) => {
    let payload: unknown = sample.payload;
    for (const [at, value] of edits) {
      const all = paths(payload);
      payload = setAt(payload, all[at % all.length]!, value);
    }
    let bytes = Buffer.from(JSON.stringify(payload) ?? 'null');
    if (damage === 'truncate') bytes = bytes.subarray(0, cut % Math.max(1, bytes.length));
    if (damage === 'oversize') bytes = Buffer.from(JSON.stringify({ ...(payload as object), padding: 'x'.repeat(70 * 1024) }));
    if (damage === 'bytes') bytes = Buffer.concat([bytes.subarray(0, cut % Math.max(1, bytes.length)), Buffer.from(junk), bytes.subarray(cut % Math.max(1, bytes.length))]);
    return { source: sample.source, bytes };
  });

/** Anything at all: random JSON, random text, random bytes, sent to a random source. */
const random = fc.record({
  source: fc.constantFrom(...mappings.map((m) => m.source)),
  bytes: fc.oneof(
    fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
    fc.string({ unit: 'binary' }).map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 256 }).map((a) => Buffer.from(a)),
  ),
});

describe('ingestor under fuzzing', () => {
  const pipeline = new Pipeline();
  let canonical: Subscription<CanonicalEvent>;
  let dlq: Subscription<DeadLetter>;

  beforeAll(async () => {
    await pipeline.setUp();
    await pipeline.start('ingestor');
    canonical = await pipeline.kafka.subscribe<CanonicalEvent>(Topics.canonicalEvents.name);
    dlq = await pipeline.kafka.subscribe<DeadLetter>(Topics.deadLetterIngestor.name);
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it('accepts or dead-letters every one of 10,000 random and mutated payloads, and processes every good one among them', async () => {
    const run = pipeline.runId;
    const fuzzed = [...fc.sample(mutated, { seed: SEED, numRuns: FUZZED / 2 }), ...fc.sample(random, { seed: SEED + 1, numRuns: FUZZED / 2 })];
    // Every twentieth message is an untouched sample.
    const inputs: { source: string; bytes: Buffer; good: boolean }[] = [];
    fuzzed.forEach((f, i) => {
      if (i % 20 === 0) {
        const s = samples[(i / 20) % samples.length]!;
        inputs.push({ source: s.source, bytes: Buffer.from(JSON.stringify(s.payload)), good: true });
      }
      inputs.push({ ...f, good: false });
    });

    // The oracle: the same mapping, run here. The pipeline must agree with it payload for payload.
    const byName = new Map(mappings.map((m) => [m.source, m]));
    const ctx = { reportingCurrency: 'EUR', rates: JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/config/rates.json'), 'utf8')).rates, ingestedAt: Date.now() };
    const expected = inputs.map((input) => mapNative(byName.get(input.source)!, input.bytes, ctx));
    const expectedAccepted = expected.filter((r) => r.ok).length;
    const expectedRejected = new Map<string, number>();
    for (const r of expected) if (!r.ok) expectedRejected.set(r.reasonCode, (expectedRejected.get(r.reasonCode) ?? 0) + 1);
    expect(inputs.every((input, i) => !input.good || expected[i]!.ok)).toBe(true);
    expect(expectedRejected.size).toBeGreaterThan(3); // the fuzzing reaches several reject paths

    // Batches under the broker's request limit (1 MB): some payloads are 70 KB on purpose.
    for (const source of byName.keys()) {
      let batch: { key: string; value: Buffer }[] = [];
      let bytes = 0;
      const flush = async () => {
        if (batch.length > 0) await pipeline.kafka.produceRaw(sourceTopic(source).name, batch);
        batch = [];
        bytes = 0;
      };
      for (const [i, input] of inputs.entries()) {
        if (input.source !== source) continue;
        if (bytes + input.bytes.length > 512 * 1024) await flush();
        batch.push({ key: `fuzz-${run}-${i}`, value: input.bytes });
        bytes += input.bytes.length;
      }
      await flush();
    }

    const letters = await dlq.waitFor((m) => m.key?.startsWith(`fuzz-${run}-`) ?? false, inputs.length - expectedAccepted, 180_000);
    const events = await canonical.waitFor(() => true, expectedAccepted, 180_000);
    await new Promise((r) => setTimeout(r, 2000)); // nothing more arrives than expected
    expect(dlq.received.filter((m) => m.key?.startsWith(`fuzz-${run}-`)).length).toBe(inputs.length - expectedAccepted);
    expect(canonical.received.length).toBe(expectedAccepted);

    const byReason = new Map<string, number>();
    for (const l of letters) byReason.set(l.value.reasonCode, (byReason.get(l.value.reasonCode) ?? 0) + 1);
    expect(Object.fromEntries(byReason)).toEqual(Object.fromEntries(expectedRejected));
    const goodIds = new Set(expected.filter((r, i) => inputs[i]!.good && r.ok).map((r) => (r.ok ? r.event.eventId : '')));
    const seen = new Set(events.map((e) => e.value.eventId));
    expect([...goodIds].filter((id) => !seen.has(id))).toEqual([]);

    const ingestor = pipeline.running.get('ingestor')!;
    expect(ingestor.process.exitCode).toBeNull();
    expect((await fetch(`${ingestor.url}/health/ready`)).status).toBe(200);
  }, 300_000);
});
