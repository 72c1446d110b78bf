// The generator's data through the real pipeline, scored against its ground truth with the CLI:
// the path the demo and the benchmark take, at test size.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { query } from '@c360/testing';
import { Pipeline } from './harness';

const run = promisify(execFile);
const cli = join(__dirname, '..', '..', 'tools', 'cli', 'c360.mjs');

describe('generated customers through the pipeline', () => {
  const pipeline = new Pipeline();
  const stack = inject('stack');
  const dir = mkdtempSync(join(tmpdir(), 'c360-gen-'));

  beforeAll(async () => {
    await pipeline.setUp();
    await pipeline.startAll();
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it('resolves every accepted record and scores the clusters against the ground truth', async () => {
    const env = { ...process.env, C360_NO_BUILD: '1', KAFKA_BROKERS: stack.KAFKA_BROKERS };
    // A seed of its own per run: the source topics are shared with other runs.
    const seed = String(Date.now() % 1_000_000);
    // Default noise: households sharing landlines and emails, the store's phone, junk values, twins.
    await run(process.execPath, [cli, 'generate', '--persons', '150', '--seed', seed, '--to-kafka', '--rate', '5000', '--truth-out', dir], { env });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { records: unknown[] };

    // Wait until the resolver holds every record the ground truth expects.
    const deadline = Date.now() + 120_000;
    let count = 0;
    while (Date.now() < deadline) {
      const rows = await query<{ count: number }>(pipeline.databaseUrl, `SELECT count(*)::int AS count FROM resolver.records`);
      count = rows[0]?.count ?? 0;
      if (count >= truth.records.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(count).toBe(truth.records.length);

    const { stdout } = await run(process.execPath, [cli, 'score', '--truth', join(dir, 'truth.json'), '--database-url', pipeline.databaseUrl, '--json'], { env });
    const scores = JSON.parse(stdout) as { records: number; pairwise: { precision: number; recall: number }; bcubed: { f1: number } };
    expect(scores.records).toBe(truth.records.length);
    // Shared and junk values never join two persons (docs/matching.md, section 11: precision 1.0 on
    // 2,000 persons; a margin for this small sample).
    expect(scores.pairwise.precision).toBeGreaterThanOrEqual(0.995);
    // About 70 % of the true pairs involve a record nothing places (anonymous receipts, cookies
    // that never sign in, nameless receipts with a household's landline); the rest are linked.
    expect(scores.pairwise.recall).toBeGreaterThan(0.25);
    expect(scores.bcubed.f1).toBeGreaterThan(0.6);
  });
});
