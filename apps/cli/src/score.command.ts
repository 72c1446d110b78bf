// `c360 score`: a resolver's clusters (from its database, or a JSON file) against the ground
// truth: pairwise and B-cubed precision, recall and F1, household F1, and the worst false merges
// and missed links with what each record says.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { formatScores, scoreRun } from '@c360/generator';
import { readTruth } from './data-set-files';

export const SCORE_USAGE = `  c360 score --truth DIR|DIR/truth.json [--clusters FILE.json | --database-url URL] [--households FILE.json] [--worst 5] [--json]
      clusters and households files: {"<source>:<sourceRecordId>": "<profile or household id>", ...}`;

export async function scoreCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      truth: { type: 'string' },
      clusters: { type: 'string' },
      households: { type: 'string' },
      'database-url': { type: 'string' },
      worst: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
    },
  });
  const worst = Number(values.worst);
  if (!values.truth || !Number.isInteger(worst) || worst < 0) {
    console.error(`usage:\n${SCORE_USAGE}`);
    return 2;
  }
  const truth = readTruth(values.truth);
  const predicted = values.clusters
    ? readAssignment(values.clusters)
    : await clustersFromResolver(values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://c360:c360@127.0.0.1:15432/c360');
  const predictedHouseholds = values.households
    ? readAssignment(values.households)
    : values.clusters
      ? undefined
      : await householdsFromResolver(values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://c360:c360@127.0.0.1:15432/c360');
  const scores = scoreRun(predicted, truth, { predictedHouseholds, worst });
  if (values.json) console.log(JSON.stringify(scores, null, 2));
  else console.log(formatScores(scores, truth, { worst, householdsPredicted: predictedHouseholds !== undefined }));
  return 0;
}

function readAssignment(file: string): Map<string, string> {
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/** Record → its profile's household (the profile itself when in none). */
async function householdsFromResolver(url: string): Promise<Map<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ record: string; household: string }>(
      `SELECT r.record_id AS record, COALESCE(p.household_id, p.profile_id, 'deleted:' || r.record_id) AS household
       FROM resolver.records r LEFT JOIN resolver.profiles p USING (profile_id)`,
    );
    return new Map(rows.map((r) => [r.record, r.household]));
  } finally {
    await client.end();
  }
}

async function clustersFromResolver(url: string): Promise<Map<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ record: string; profile_id: string }>(
      // A record its source deleted belongs to no profile: it counts as a person of its own.
      `SELECT record_id AS record, COALESCE(profile_id, 'deleted:' || record_id) AS profile_id FROM resolver.records`,
    );
    return new Map(rows.map((r) => [r.record, r.profile_id]));
  } finally {
    await client.end();
  }
}
