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
    // One fixed seed: at 150 persons the share of true pairs anything could place swings with the
    // seed (all-pairs recall 0.25 to 0.34 over seeds 1 to 12 in memory, 0.21 and 0.24 seen in CI
    // runs), so a seed per run made the recall bound flaky. Seed 7 gives 0.296 here and in memory.
    // The pipeline's groups start at the topics' end and its database is fresh, so the records of
    // an earlier run with the same seed are not read again.
    const seed = '7';
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
    console.info(`pairwise ${JSON.stringify(scores.pairwise)}, B-cubed F1 ${scores.bcubed.f1}`);
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
