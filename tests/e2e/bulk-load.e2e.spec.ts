// `c360 load` backfills a file through the ingestor's mapping path: accepted rows become
// canonical events, rejected rows dead letters with their reason, and the summary adds up.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Topics, type CanonicalEvent, type DeadLetter } from '@c360/schemas';
import { KafkaTestClient, type Subscription } from '@c360/testing';
import { ROOT } from './harness';

const run = promisify(execFile);

describe('c360 load', () => {
  const stack = inject('stack');
  const kafka = new KafkaTestClient(stack.KAFKA_BROKERS, stack.SCHEMA_REGISTRY_URL);
  let canonical: Subscription<CanonicalEvent>;
  let dlq: Subscription<DeadLetter>;
  const id = Date.now().toString(36);

  beforeAll(async () => {
    await kafka.ensureTopics();
    canonical = await kafka.subscribe<CanonicalEvent>(Topics.canonicalEvents.name);
    dlq = await kafka.subscribe<DeadLetter>(Topics.deadLetterIngestor.name);
  });

  afterAll(async () => {
    await kafka.close();
  });

  const load = (...args: string[]) =>
    run(process.execPath, [join(ROOT, 'tools/cli/c360.mjs'), 'load', ...args], {
      cwd: ROOT,
      env: { ...process.env, C360_NO_BUILD: '1', KAFKA_BROKERS: stack.KAFKA_BROKERS, SCHEMA_REGISTRY_URL: stack.SCHEMA_REGISTRY_URL },
    });

  it('loads a CSV export: dotted headers become nested fields, bad rows are dead-lettered with their line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-load-'));
    const file = join(dir, 'members.csv');
    writeFileSync(file, readFileSync(join(ROOT, 'apps/ingestor/samples/loyalty/members-export.csv'), 'utf8').replaceAll('LC-1001-', `LC-${id}-`));

    const { stdout } = await load('--source', 'loyalty', file);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as { read: number; accepted: number; deadLettered: Record<string, number> };
    expect(summary).toEqual({ read: 4, accepted: 3, deadLettered: { 'invalid-field': 1 } });
    expect(stdout).toContain('read 4, accepted 3, dead-lettered 1 (invalid-field: 1)');

    const events = await canonical.waitFor((m) => m.value.sourceRecordId.startsWith(`LC-${id}-`), 3);
    expect(events.map((e) => e.value.eventId).sort()).toEqual([
      `loyalty:LC-${id}-0001:ENROLLED:1767268800000`,
      `loyalty:LC-${id}-0001:TIER_CHANGED:1767441600000`,
      `loyalty:LC-${id}-0002:ENROLLED:1767355200000`,
    ]);
    const juergen = events.find((e) => e.value.eventId.endsWith('0001:ENROLLED:1767268800000'))!.value;
    expect(juergen.party.name).toMatchObject({ given: 'Jürgen', family: 'Müller', familyKey: 'muller' });
    expect(juergen.party.phones.map((p) => p.number)).toEqual(['+4915123456789']);

    const [letter] = await dlq.waitFor((m) => m.value.sourceTopic === `file:${file}`);
    expect(letter!.value).toMatchObject({ reasonCode: 'invalid-field', field: 'timestamp', source: 'loyalty', sourceOffset: 4 });
    expect(letter!.value.originalValue!.toString()).toContain(`LC-${id}-0003`);
  });

  it('loads JSON Lines with a mapping given by path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-load-'));
    const file = join(dir, 'orders.jsonl');
    const order = JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/samples/ecommerce/order.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(file, [1, 2].map((n) => JSON.stringify({ ...order, orderId: `L-${id}-${n}` })).join('\n') + '\n{"event": "order.placed"\n');

    const { stdout } = await load('--source', 'ecommerce', '--mapping', join(ROOT, 'apps/ingestor/mappings/ecommerce.json'), file);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ read: 3, accepted: 2, deadLettered: { 'invalid-json': 1 } });
    await canonical.waitFor((m) => m.value.eventId.startsWith(`ecommerce:L-${id}-`), 2);
  });

  it('refuses a mapping of another source', async () => {
    await expect(load('--source', 'pos', '--mapping', 'ecommerce', join(ROOT, 'apps/ingestor/samples/loyalty/members-export.csv'))).rejects.toMatchObject({ code: 2 });
  });
});
