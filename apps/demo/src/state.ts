// What the services hold once they have caught up, read from their schemas (each service owns
// one; the demo only reads): the resolver's clusters, the insights' lifetime values, activation's
// memberships, and whether the tables for households and churn exist yet.
import { Client } from 'pg';

export interface PipelineState {
  /** Every record in resolver.source_records ('source:sourceRecordId') → its current profile. */
  readonly profileOf: Map<string, string>;
  /** Profile → lifetime value (minor units of the reporting currency), for the profiles asked about. */
  readonly ltvOf: Map<string, number>;
  /** Segment → members among the profiles asked about, and members in all. */
  readonly segments: Map<string, { readonly ours: number; readonly all: number }>;
  /** The resolver's links into the profiles asked about, counted by rule (null: no links table it can read). */
  readonly linkRules: [string, number][] | null;
  /** Resolver tables about households; empty while the resolver has none. */
  readonly householdTables: string[];
  /** Insights columns about churn; empty while insights compute none. */
  readonly churnColumns: string[];
}

async function tableExists(client: Client, qualified: string): Promise<boolean> {
  const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [qualified]);
  return rows[0]?.t !== null && rows[0]?.t !== undefined;
}

export async function readState(databaseUrl: string, profilesOf: (profileOf: Map<string, string>) => string[]): Promise<PipelineState> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const profileOf = new Map<string, string>();
    if (await tableExists(client, 'resolver.source_records')) {
      // The same read as `c360 score --database-url`.
      const { rows } = await client.query<{ record: string; profile_id: string }>(
        `SELECT source || ':' || source_record_id AS record, profile_id FROM resolver.source_records`,
      );
      for (const r of rows) profileOf.set(r.record, r.profile_id);
    }
    const ours = profilesOf(profileOf);

    const ltvOf = new Map<string, number>();
    if (await tableExists(client, 'insights.profile_insights')) {
      const { rows } = await client.query<{ profile_id: string; ltv: string }>(
        `SELECT profile_id, lifetime_value_minor::text AS ltv FROM insights.profile_insights WHERE profile_id = ANY($1::text[])`,
        [ours],
      );
      for (const r of rows) ltvOf.set(r.profile_id, Number(r.ltv));
    }

    let linkRules: [string, number][] | null = null;
    if (await tableExists(client, 'resolver.links')) {
      try {
        const { rows } = await client.query<{ rule: string; n: number }>(
          `SELECT rule, count(*)::int AS n FROM resolver.links WHERE profile_id = ANY($1::text[]) GROUP BY rule ORDER BY n DESC, rule`,
          [ours],
        );
        linkRules = rows.map((r) => [r.rule, r.n]);
      } catch {
        // A resolver whose links table has another shape: the summary says the rules are unknown.
      }
    }

    const segments = new Map<string, { ours: number; all: number }>();
    if (await tableExists(client, 'activation.segment_memberships')) {
      const { rows } = await client.query<{ segment_id: string; ours: number; all: number }>(
        `SELECT segment_id, count(*) FILTER (WHERE profile_id = ANY($1::text[]))::int AS ours, count(*)::int AS all
           FROM activation.segment_memberships GROUP BY segment_id ORDER BY segment_id`,
        [ours],
      );
      for (const r of rows) segments.set(r.segment_id, { ours: r.ours, all: r.all });
    }

    const { rows: households } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'resolver' AND table_name ILIKE '%household%' ORDER BY 1`,
    );
    const { rows: churn } = await client.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'insights' AND column_name ILIKE '%churn%' ORDER BY 1`,
    );
    return {
      profileOf,
      ltvOf,
      linkRules,
      segments,
      householdTables: households.map((r) => r.name),
      churnColumns: churn.map((r) => r.name),
    };
  } finally {
    await client.end();
  }
}
