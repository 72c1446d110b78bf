// `c360 rules dry-run --rules FILE`: which profiles a changed matching file would merge or split,
// without applying anything. The resolver's stored records are resolved again in memory under the
// current rules (a baseline: what the rules give from scratch, which is what the graph holds) and
// under the proposed ones, steward decisions included; the difference is reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { Party } from '@c360/schemas';
import { MatchingConfigError, type StewardDecision, type StoredRecord, compareClusterings, parseMatchingConfig, resolveFromScratch } from '@c360/resolver-domain';

export const RULES_USAGE = `  c360 rules dry-run --rules FILE.json [--current FILE.json] [--database-url URL] [--show 10] [--json]
      which profiles FILE would merge or split (current rules: apps/resolver/config/matching.json)`;

export async function rulesCommand(args: string[], { root }: { root: string }): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      rules: { type: 'string' },
      current: { type: 'string' },
      'database-url': { type: 'string' },
      show: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const show = Number(values.show);
  if (sub !== 'dry-run' || !values.rules || !Number.isInteger(show) || show < 0) {
    console.error(`usage:\n${RULES_USAGE}`);
    return 2;
  }
  const load = (file: string) => {
    try {
      return parseMatchingConfig(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      if (error instanceof MatchingConfigError) console.error(`${file}: ${error.message}`);
      throw error;
    }
  };
  const proposedConfig = load(values.rules);
  const currentConfig = load(values.current ?? join(root, 'apps/resolver/config/matching.json'));
  const url = values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://c360:c360@127.0.0.1:15432/c360';
  const { records, decisions, stored } = await readGraph(url);
  const t0 = performance.now();
  const baseline = await resolveFromScratch(records, decisions, currentConfig);
  const proposed = await resolveFromScratch(records, decisions, proposedConfig);
  const changes = compareClusterings(baseline, proposed);
  // The stored profile ids, so the report names profiles the API knows.
  const named = (records: readonly string[]) => [...new Set(records.map((r) => stored.get(r) ?? `(${r})`))].sort();
  const report = {
    records: records.length,
    profiles: { current: new Set(baseline.values()).size, proposed: new Set(proposed.values()).size },
    baselineDrift: compareClusterings(stored, baseline),
    merges: changes.merges.map((m) => ({ profiles: named(m.records), records: m.records })),
    splits: changes.splits.map((s) => ({ profiles: named(s.parts.flat()), parts: s.parts })),
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  const drift = report.baselineDrift.merges.length + report.baselineDrift.splits.length;
  console.log(`${report.records} records; profiles now ${report.profiles.current}, under ${values.rules} ${report.profiles.proposed} (${report.seconds} s)`);
  if (drift > 0) console.log(`note: the current rules from scratch differ from the stored graph in ${drift} places (records still in flight, or rules changed since)`);
  console.log(`${report.merges.length} merges, ${report.splits.length} splits`);
  for (const m of report.merges.slice(0, show)) console.log(`  merge ${m.profiles.join(' + ')}: ${m.records.join(', ')}`);
  for (const s of report.splits.slice(0, show)) console.log(`  split ${s.profiles.join(' / ')}: ${s.parts.map((p) => `[${p.join(', ')}]`).join(' | ')}`);
  return 0;
}

async function readGraph(url: string): Promise<{ records: StoredRecord[]; decisions: StewardDecision[]; stored: Map<string, string> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ record_id: string; party: Party | null; observed_at: string; deleted: boolean; profile_id: string | null }>(
      `SELECT record_id, party, observed_at, deleted, profile_id FROM resolver.records ORDER BY seq`,
    );
    const decisions = await client.query<StewardDecision>(`SELECT a, b, kind FROM resolver.steward_decisions`);
    return {
      records: rows.rows.map((r) => ({ id: r.record_id, party: r.party, observedAt: Number(r.observed_at), deleted: r.deleted })),
      decisions: decisions.rows,
      stored: new Map(rows.rows.filter((r) => r.profile_id !== null).map((r) => [r.record_id, r.profile_id!])),
    };
  } finally {
    await client.end();
  }
}
