// The identity graph's reads and steward writes for the profile API, and the graph lock. The
// engine's own reads and writes go through PostgresGraphStore. Each method runs in the caller's
// transaction or on the caller's manager.
import type { EntityManager } from 'typeorm';
import type { Party } from '@c360/schemas';
import type { Link, ProfileFacts, StewardDecision } from '@c360/resolver-domain';
import { pgArray } from '@c360/persistence';

export interface ExplainedRecord {
  readonly record: string;
  readonly observedAt: number;
  readonly firstSeenAt: Date;
  readonly party: Party | null;
}

export interface ExplainedLink extends Omit<Link, 'rank'> {
  readonly createdAt: Date;
}

export interface Explanation {
  readonly profileId: string;
  readonly aliases: readonly string[];
  readonly records: readonly ExplainedRecord[];
  /** Links between the profile's records: why they are one person. */
  readonly links: readonly ExplainedLink[];
  /** Links from its records to records of other profiles: rules held, but the join was refused (a conflict, a steward, the cluster size guard). */
  readonly refusedLinks: readonly (ExplainedLink & { readonly otherProfileId: string | null })[];
  readonly stewardDecisions: readonly (StewardDecision & { readonly reason: string; readonly decidedBy: string; readonly decidedAt: Date })[];
}

export interface SearchHit {
  readonly profileId: string;
  readonly record: string;
  readonly party: Party;
}

/** The transaction-scoped lock every change to the graph holds (docs/architecture.md, "Concurrency"). */
const GRAPH_LOCK = 'resolver:graph';

export class IdentityGraphRepository {
  /** Serialises changes to the graph across batches, instances and steward actions. Released at commit. */
  async lockGraph(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [GRAPH_LOCK]);
  }

  /**
   * Adds one to the graph's version, under the graph lock; returns the new version. A process
   * whose own last commit wrote the version before it knows that nobody changed the graph since.
   */
  async bumpVersion(em: EntityManager): Promise<number> {
    // As a SELECT, so that the driver returns the rows (for an UPDATE it returns rows and a count).
    const rows = await em.query<{ version: string }[]>(
      `WITH bumped AS (UPDATE graph_version SET version = version + 1 WHERE id = 1 RETURNING version) SELECT version FROM bumped`,
    );
    return Number(rows[0]!.version);
  }

  /** The current id of a profile id or of an alias; null when it resolves to nothing. */
  async resolveId(em: EntityManager, id: string): Promise<string | null> {
    const rows = await em.query<{ profile_id: string | null }[]>(
      `SELECT profile_id FROM profiles WHERE profile_id = $1
       UNION ALL SELECT profile_id FROM profile_aliases WHERE alias_id = $1 LIMIT 1`,
      [id],
    );
    return rows[0]?.profile_id ?? null;
  }

  /** What the golden record of each profile is made of. Profiles that do not exist are left out. */
  async profileFacts(em: EntityManager, ids: readonly string[]): Promise<Map<string, ProfileFacts>> {
    const out = new Map<string, ProfileFacts>();
    if (ids.length === 0) return out;
    const profiles = await em.query<{ profile_id: string; household_id: string | null; updated_at: Date; aliases: string[] }[]>(
      `SELECT p.profile_id, p.household_id, p.updated_at,
         COALESCE((SELECT array_agg(alias_id ORDER BY alias_id) FROM profile_aliases a WHERE a.profile_id = p.profile_id), '{}') AS aliases
       FROM profiles p WHERE p.profile_id = ANY($1::text[])`,
      [pgArray(ids)],
    );
    const records = await em.query<{ profile_id: string; record_id: string; party: Party; observed_at: string }[]>(
      `SELECT profile_id, record_id, party, observed_at FROM records WHERE profile_id = ANY($1::text[]) AND NOT deleted ORDER BY seq`,
      [pgArray(ids)],
    );
    const byProfile = new Map<string, ProfileFacts['records'][number][]>();
    for (const r of records) {
      const i = r.record_id.indexOf(':');
      const list = byProfile.get(r.profile_id) ?? byProfile.set(r.profile_id, []).get(r.profile_id)!;
      list.push({ source: r.record_id.slice(0, i), sourceRecordId: r.record_id.slice(i + 1), observedAt: Number(r.observed_at), party: r.party });
    }
    for (const p of profiles) {
      out.set(p.profile_id, {
        profileId: p.profile_id,
        records: byProfile.get(p.profile_id) ?? [],
        aliases: p.aliases,
        householdId: p.household_id,
        updatedAt: p.updated_at.getTime(),
      });
    }
    return out;
  }

  /** Marks profiles as changed now (the transaction's time); those created in this transaction already are, and are not written again. */
  async touchProfiles(em: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await em.query(`UPDATE profiles SET updated_at = now() WHERE profile_id = ANY($1::text[]) AND updated_at <> now()`, [pgArray(ids)]);
  }

  /** The profiles holding an identifier value ('EMAIL:a@b.c'): more than one when several persons share it. */
  async profilesByValue(em: EntityManager, valueKey: string): Promise<string[]> {
    const rows = await em.query<{ profile_id: string }[]>(
      `SELECT DISTINCT r.profile_id FROM record_values v JOIN records r USING (record_id)
       WHERE v.value_key = $1 AND r.profile_id IS NOT NULL ORDER BY 1 LIMIT 50`,
      [valueKey],
    );
    return rows.map((r) => r.profile_id);
  }

  /** The profile of a source record ('source:sourceRecordId'). */
  async profileOfRecord(em: EntityManager, record: string): Promise<string | null> {
    const rows = await em.query<{ profile_id: string | null }[]>(`SELECT profile_id FROM records WHERE record_id = $1`, [record]);
    return rows[0]?.profile_id ?? null;
  }

  /** Records whose family name key is `familyKey`, at a postcode (folded: upper case, no spaces) when given. */
  async searchByName(em: EntityManager, familyKey: string, postcode: string | null, limit = 200): Promise<SearchHit[]> {
    const rows = await em.query<{ profile_id: string; record_id: string; party: Party }[]>(
      `SELECT profile_id, record_id, party FROM records
       WHERE party->'name'->>'familyKey' = $1 AND profile_id IS NOT NULL AND NOT deleted
         AND ($2::text IS NULL OR EXISTS (
           SELECT 1 FROM jsonb_array_elements(party->'addresses') a WHERE replace(upper(a->>'postcode'), ' ', '') = $2))
       LIMIT $3`,
      [familyKey, postcode, limit],
    );
    return rows.map((r) => ({ profileId: r.profile_id, record: r.record_id, party: r.party }));
  }

  async explain(em: EntityManager, profileId: string): Promise<Explanation> {
    const records = await em.query<{ record_id: string; observed_at: string; first_seen_at: Date; party: Party | null }[]>(
      `SELECT record_id, observed_at, first_seen_at, party FROM records WHERE profile_id = $1 ORDER BY seq`,
      [profileId],
    );
    const ids = records.map((r) => r.record_id);
    const links = await em.query<
      { a: string; b: string; rule: string; score: number; matched_values: string[]; matched: Link['matched']; created_at: Date; other_profile: string | null; inside: boolean }[]
    >(
      `SELECT l.a, l.b, l.rule, l.score, l.matched_values, l.matched, l.created_at, o.profile_id AS other_profile, o.profile_id IS NOT DISTINCT FROM $2 AS inside
       FROM links l JOIN records o ON o.record_id = CASE WHEN l.a = ANY($1::text[]) THEN l.b ELSE l.a END
       WHERE l.a = ANY($1::text[]) OR l.b = ANY($1::text[])
       ORDER BY l.rank, l.score DESC, l.a, l.b`,
      [ids, profileId],
    );
    const decisions = await em.query<{ a: string; b: string; kind: StewardDecision['kind']; reason: string; decided_by: string; decided_at: Date }[]>(
      `SELECT a, b, kind, reason, decided_by, decided_at FROM steward_decisions WHERE a = ANY($1::text[]) OR b = ANY($1::text[]) ORDER BY decided_at`,
      [ids],
    );
    const aliases = await em.query<{ alias_id: string }[]>(`SELECT alias_id FROM profile_aliases WHERE profile_id = $1 ORDER BY 1`, [profileId]);
    const link = (l: (typeof links)[number]): ExplainedLink => ({
      a: l.a,
      b: l.b,
      rule: l.rule,
      score: l.score,
      values: l.matched_values,
      matched: l.matched,
      createdAt: l.created_at,
    });
    return {
      profileId,
      aliases: aliases.map((a) => a.alias_id),
      records: records.map((r) => ({ record: r.record_id, observedAt: Number(r.observed_at), firstSeenAt: r.first_seen_at, party: r.party })),
      links: links.filter((l) => l.inside).map(link),
      refusedLinks: links.filter((l) => !l.inside).map((l) => ({ ...link(l), otherProfileId: l.other_profile })),
      stewardDecisions: decisions.map((d) => ({ a: d.a, b: d.b, kind: d.kind, reason: d.reason, decidedBy: d.decided_by, decidedAt: d.decided_at })),
    };
  }

  /** Which of the records exist. */
  async existingRecords(em: EntityManager, records: readonly string[]): Promise<Set<string>> {
    const rows = await em.query<{ record_id: string }[]>(`SELECT record_id FROM records WHERE record_id = ANY($1::text[])`, [records]);
    return new Set(rows.map((r) => r.record_id));
  }

  /** Records a steward's decision about two records, replacing any earlier one about them. */
  async decide(em: EntityManager, a: string, b: string, kind: StewardDecision['kind'], reason: string, decidedBy: string): Promise<void> {
    const [x, y] = a < b ? [a, b] : [b, a];
    await em.query(
      `INSERT INTO steward_decisions (a, b, kind, reason, decided_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (a, b) DO UPDATE SET kind = EXCLUDED.kind, reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by, decided_at = now()`,
      [x, y, kind, reason, decidedBy],
    );
  }

  /** Withdraws a steward's decision; returns whether there was one. */
  async withdraw(em: EntityManager, a: string, b: string): Promise<boolean> {
    const [x, y] = a < b ? [a, b] : [b, a];
    // A SELECT around the DELETE, so the driver answers with rows rather than a count.
    const rows = await em.query<{ n: string }[]>(`WITH d AS (DELETE FROM steward_decisions WHERE a = $1 AND b = $2 RETURNING a) SELECT count(*) AS n FROM d`, [x, y]);
    return Number(rows[0]?.n ?? 0) > 0;
  }
}
