// Three resolver processes on the 6-partition canonical topic, one of them killed with SIGKILL in
// the middle of its work and started again, end with the same identity graph as one resolver
// reading the same events: the same profiles (as groups of records), the same links with the same
// rules, the same value statuses. Records of one person arrive on different partitions at once.
// Every resolver here keeps its store between batches (GRAPH_CACHE_RECORDS): the single one works
// mostly from what its last batch left in memory, within a bound far below the graph's size (it
// drops the least recently used records all the time), the three mostly from Postgres, since each
// one's writes move the graph's version under the others: the graphs agree both ways.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Topics } from '@c360/schemas';
import { createTestDatabase, query, type RunningService } from '@c360/testing';
import { MAPPINGS_DIR, Pipeline, sourceTopicsOf } from './harness';

const run = promisify(execFile);
const cli = join(__dirname, '..', '..', 'tools', 'cli', 'c360.mjs');
const canonical = [Topics.canonicalEvents.name];
/** Resolvers that start each batch from the store the one before left, while no other writer came between. */
const KEEP_STORE = { GRAPH_CACHE_RECORDS: '100000' };
/** A store kept within 300 records, of the about 1,200 the events make. */
const SMALL_STORE = { GRAPH_CACHE_RECORDS: '300' };

/** The graph of a resolver database, independent of profile ids: profiles as sorted record lists, links, statuses. */
async function graphOf(url: string) {
  const records = await query<{ record_id: string; profile_id: string | null }>(url, `SELECT record_id, profile_id FROM resolver.records`);
  const byProfile = new Map<string, string[]>();
  for (const r of records) if (r.profile_id) (byProfile.get(r.profile_id) ?? byProfile.set(r.profile_id, []).get(r.profile_id)!).push(r.record_id);
  const profiles = [...byProfile.values()].map((g) => g.sort().join(' ')).sort();
  const links = (await query<{ l: string }>(url, `SELECT a || ' ' || b || ' ' || rule AS l FROM resolver.links ORDER BY 1`)).map((r) => r.l);
  const statuses = (await query<{ s: string }>(url, `SELECT value_key || ' ' || status AS s FROM resolver.value_statuses ORDER BY 1`)).map((r) => r.s);
  return { records: records.length, profiles, links, statuses };
}

describe('resolver scale-out and crash recovery', () => {
  const pipeline = new Pipeline();
  const stack = inject('stack');
  const dir = mkdtempSync(join(tmpdir(), 'c360-scale-'));
  const singleGroup = `${pipeline.groupId('resolver')}-single`;
  const resolvers: RunningService[] = [];
  let single: { url: string; drop: () => Promise<void> };

  const waitForLag = async (groupId: string, what: string, ms: number, topics: readonly string[] = canonical) => {
    const deadline = Date.now() + ms;
    let lag = Number.NaN;
    while (Date.now() < deadline) {
      lag = await pipeline.kafka.groupLag(groupId, topics);
      if (lag === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${what}: ${lag} events still unresolved after ${ms} ms`);
  };

  beforeAll(async () => {
    await pipeline.setUp();
    single = await createTestDatabase(stack.DATABASE_URL);
    // The single resolver's group starts where the three start: it reads exactly their events.
    await pipeline.kafka.startGroupsAtEnd([{ groupId: singleGroup, topics: canonical }]);
    await pipeline.start('ingestor');
  });

  afterAll(async () => {
    await Promise.all(resolvers.map((r) => r.stop('SIGTERM')));
    await pipeline.tearDown();
    await single?.drop();
  });

  it('gives the same graph with three instances, one killed mid-batch and restarted, as with one', async () => {
    for (let i = 0; i < 3; i++) resolvers.push(await pipeline.start('resolver', { ...KEEP_STORE, RESOLVER_INSTANCE: String(i) }));
    const env = { ...process.env, C360_NO_BUILD: '1', KAFKA_BROKERS: stack.KAFKA_BROKERS };
    const seed = String(Date.now() % 1_000_000);
    // Default noise: households, shared family emails, the store's phone, junk values, twins.
    await run(process.execPath, [cli, 'generate', '--persons', '250', '--seed', seed, '--to-kafka', '--rate', '3000', '--truth-out', dir], { env });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { records: unknown[] };

    // Kill one instance without warning while it works, and start it again.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await pipeline.kafka.groupLag(pipeline.groupId('resolver'), canonical)).toBeGreaterThan(0);
    await resolvers[1]!.stop('SIGKILL');
    resolvers[1] = await pipeline.start('resolver', { ...KEEP_STORE, RESOLVER_INSTANCE: '1b' });

    await waitForLag(pipeline.groupId('ingestor'), 'ingestor', 180_000, sourceTopicsOf(MAPPINGS_DIR));
    await waitForLag(pipeline.groupId('resolver'), 'three resolvers', 240_000);
    const three = await graphOf(pipeline.databaseUrl);
    expect(three.records).toBe(truth.records.length);

    // One resolver on its own database, from the same starting offsets.
    const alone = await pipeline.start('resolver', { ...SMALL_STORE, DATABASE_URL: single.url, KAFKA_GROUP_ID: singleGroup });
    resolvers.push(alone);
    await waitForLag(singleGroup, 'single resolver', 240_000);
    const one = await graphOf(single.url);
    // The single resolver started most batches from what the batch before left in memory, the three
    // mostly from Postgres (each other's writes move the graph's version): the same graph both ways.
    const metrics = await (await fetch(`${alone.url}/metrics`)).text();
    const batches = (store: string) => Number(metrics.match(new RegExp(`c360_resolver_batches_total\\{[^}]*store="${store}"[^}]*\\} (\\d+)`))?.[1] ?? 0);
    expect(batches('warm')).toBeGreaterThan(batches('cold'));
    expect(Number(metrics.match(/^c360_resolver_store_evicted_records_total(?:\{[^}]*\})? (\d+)/m)?.[1] ?? 0)).toBeGreaterThan(0);
    // What its store waited for, per statement: among them, the graph's writes.
    const upserts = Number(metrics.match(/c360_resolver_store_queries_total\{[^}]*statement="records upsert"[^}]*\} (\d+)/)?.[1] ?? 0);
    expect(upserts).toBeGreaterThan(0);

    expect(one.records).toBe(three.records);
    expect(three.profiles).toEqual(one.profiles);
    expect(three.links).toEqual(one.links);
    expect(three.statuses).toEqual(one.statuses);
    // Not a trivial graph: records were linked, and some values were found shared or over-frequent.
    expect(one.profiles.length).toBeLessThan(one.records);
    expect(one.statuses.length).toBeGreaterThan(0);
  });
});
