// What the services hold once they have caught up, read from their schemas (each service owns
// one; the demo only reads): the resolver's clusters, the insights' lifetime values, activation's
// memberships and households, and whether insights compute churn yet.
import { Client } from 'pg';

export interface PipelineState {
  /** Every record in resolver.records ('source:sourceRecordId') → its current profile (a deleted record: its own). */
  readonly profileOf: Map<string, string>;
  /** Every record → its profile's household (its profile when in none), as `c360 score` reads them. */
  readonly householdOf: Map<string, string>;
  /** Households with more than one profile among the profiles asked about. */
  readonly households: number;
  /** Profile → lifetime value (minor units of the reporting currency), for the profiles asked about. */
  readonly ltvOf: Map<string, number>;
  /** Segment → members among the profiles asked about, and members in all. */
  readonly segments: Map<string, { readonly ours: number; readonly all: number }>;
  /** The resolver's links into the profiles asked about, counted by rule (null: no links table it can read). */
  readonly linkRules: [string, number][] | null;
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
    const householdOf = new Map<string, string>();
    if (await tableExists(client, 'resolver.records')) {
      // The same reads as `c360 score --database-url`.
      const { rows } = await client.query<{ record: string; profile_id: string; household: string }>(
        `SELECT r.record_id AS record, COALESCE(r.profile_id, 'deleted:' || r.record_id) AS profile_id,
                COALESCE(p.household_id, p.profile_id, 'deleted:' || r.record_id) AS household
         FROM resolver.records r LEFT JOIN resolver.profiles p USING (profile_id)`,
      );
      for (const r of rows) {
        profileOf.set(r.record, r.profile_id);
        householdOf.set(r.record, r.household);
      }
    }
    const ours = profilesOf(profileOf);
    let households = 0;
    if (await tableExists(client, 'resolver.profiles')) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT household_id FROM resolver.profiles WHERE household_id IS NOT NULL AND profile_id = ANY($1::text[])
           GROUP BY household_id HAVING count(*) > 1) h`,
        [ours],
      );
      households = rows[0]?.n ?? 0;
    }

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
        // Links inside this run's profiles (a link between two profiles was refused: a conflict, a steward, the size guard).
        const { rows } = await client.query<{ rule: string; n: number }>(
          `SELECT l.rule, count(*)::int AS n FROM resolver.links l
             JOIN resolver.records a ON a.record_id = l.a JOIN resolver.records b ON b.record_id = l.b
           WHERE a.profile_id = b.profile_id AND a.profile_id = ANY($1::text[]) GROUP BY l.rule ORDER BY n DESC, l.rule`,
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

    const { rows: churn } = await client.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'insights' AND column_name ILIKE '%churn%' ORDER BY 1`,
    );
    return {
      profileOf,
      householdOf,
      households,
      ltvOf,
      linkRules,
      segments,
      churnColumns: churn.map((r) => r.name),
    };
  } finally {
    await client.end();
  }
}
