// All identity-graph SQL. Each method runs inside the caller's transaction (an EntityManager).
import type { EntityManager } from 'typeorm';
import { lockKeys } from '@c360/persistence';
import type { Profile } from '@c360/schemas';
import type { MatchedIdentifier, ProfileRef } from '@c360/resolver-domain';

export interface IdentifierKey {
  readonly type: string;
  readonly value: string;
}

export class IdentityGraphRepository {
  /**
   * Serialises work on the same records and identifiers across transactions, instances and
   * partitions. Keys are locked in sorted order so two transactions cannot deadlock.
   */
  lock(em: EntityManager, keys: readonly string[]): Promise<void> {
    return lockKeys(em, 'resolver', keys);
  }

  async findRecordProfile(em: EntityManager, source: string, sourceRecordId: string): Promise<ProfileRef | null> {
    const rows = await em.query<{ profile_id: string; seq: string }[]>(
      `SELECT p.profile_id, p.seq FROM source_records r JOIN profiles p USING (profile_id)
       WHERE r.source = $1 AND r.source_record_id = $2`,
      [source, sourceRecordId],
    );
    const row = rows[0];
    return row ? { profileId: row.profile_id, seq: Number(row.seq) } : null;
  }

  async findByIdentifiers(em: EntityManager, keys: readonly IdentifierKey[]): Promise<MatchedIdentifier[]> {
    if (keys.length === 0) return [];
    const rows = await em.query<{ type: string; value: string; profile_id: string; seq: string }[]>(
      `SELECT DISTINCT i.type, i.value, p.profile_id, p.seq
       FROM unnest($1::text[], $2::text[]) AS k(type, value)
       JOIN identifiers i ON i.type = k.type AND i.value = k.value
       JOIN source_records r ON r.source = i.source AND r.source_record_id = i.source_record_id
       JOIN profiles p ON p.profile_id = r.profile_id`,
      [keys.map((k) => k.type), keys.map((k) => k.value)],
    );
    return rows.map((r) => ({
      type: r.type,
      value: r.value,
      profile: { profileId: r.profile_id, seq: Number(r.seq) },
    }));
  }

  async createProfile(em: EntityManager, profileId: string): Promise<void> {
    await em.query(`INSERT INTO profiles (profile_id) VALUES ($1) ON CONFLICT DO NOTHING`, [profileId]);
  }

  /** Inserts or moves the record; returns the profile it belonged to before, if any. */
  async upsertRecord(em: EntityManager, source: string, sourceRecordId: string, profileId: string): Promise<void> {
    await em.query(
      `INSERT INTO source_records (source, source_record_id, profile_id) VALUES ($1, $2, $3)
       ON CONFLICT (source, source_record_id) DO UPDATE SET profile_id = EXCLUDED.profile_id, last_seen_at = now()`,
      [source, sourceRecordId, profileId],
    );
  }

  async addIdentifiers(em: EntityManager, source: string, sourceRecordId: string, keys: readonly IdentifierKey[]): Promise<void> {
    if (keys.length === 0) return;
    await em.query(
      `INSERT INTO identifiers (type, value, source, source_record_id)
       SELECT t, v, $3, $4 FROM unnest($1::text[], $2::text[]) AS k(t, v) ON CONFLICT DO NOTHING`,
      [keys.map((k) => k.type), keys.map((k) => k.value), source, sourceRecordId],
    );
  }

  /** Folds the absorbed profiles into the survivor; their ids keep resolving as aliases. */
  async merge(em: EntityManager, survivor: string, absorbed: readonly string[]): Promise<void> {
    if (absorbed.length === 0) return;
    await em.query(`UPDATE source_records SET profile_id = $1 WHERE profile_id = ANY($2::text[])`, [survivor, absorbed]);
    await em.query(`UPDATE profile_aliases SET profile_id = $1 WHERE profile_id = ANY($2::text[])`, [survivor, absorbed]);
    await em.query(
      `INSERT INTO profile_aliases (alias_id, profile_id) SELECT a, $1 FROM unnest($2::text[]) AS a
       ON CONFLICT (alias_id) DO UPDATE SET profile_id = EXCLUDED.profile_id`,
      [survivor, absorbed],
    );
    await em.query(`UPDATE profiles SET merged_into = $1, updated_at = now() WHERE profile_id = ANY($2::text[])`, [survivor, absorbed]);
    await em.query(`UPDATE links SET profile_id = $1 WHERE profile_id = ANY($2::text[])`, [survivor, absorbed]);
  }

  async addLink(
    em: EntityManager,
    link: {
      profileId: string;
      source: string;
      sourceRecordId: string;
      rule: string;
      matchedValues: readonly string[];
      score: number;
      eventId: string;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO links (profile_id, source, source_record_id, rule, matched_values, score, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [link.profileId, link.source, link.sourceRecordId, link.rule, link.matchedValues, link.score, link.eventId],
    );
  }

  async touchProfile(em: EntityManager, profileId: string): Promise<void> {
    await em.query(`UPDATE profiles SET updated_at = now() WHERE profile_id = $1`, [profileId]);
  }

  /** The current id of a profile id or of an alias. */
  async resolveId(em: EntityManager, id: string): Promise<string | null> {
    const rows = await em.query<{ profile_id: string }[]>(
      `SELECT profile_id FROM profiles WHERE profile_id = $1 AND merged_into IS NULL
       UNION ALL SELECT profile_id FROM profile_aliases WHERE alias_id = $1 LIMIT 1`,
      [id],
    );
    return rows[0]?.profile_id ?? null;
  }

  async profileByIdentifier(em: EntityManager, key: IdentifierKey): Promise<string | null> {
    const rows = await em.query<{ profile_id: string }[]>(
      `SELECT r.profile_id FROM identifiers i JOIN source_records r USING (source, source_record_id)
       WHERE i.type = $1 AND i.value = $2 LIMIT 1`,
      [key.type, key.value],
    );
    return rows[0]?.profile_id ?? null;
  }

  /** The golden record: for now every contact point of every source record, multi-valued. */
  async golden(em: EntityManager, profileId: string): Promise<Profile> {
    const [row] = await em.query<
      {
        emails: string[];
        phones: string[];
        records: string[];
        aliases: string[];
        updated_at: Date;
      }[]
    >(
      `SELECT
         COALESCE(array_agg(DISTINCT i.value ORDER BY i.value) FILTER (WHERE i.type = 'EMAIL'), '{}') AS emails,
         COALESCE(array_agg(DISTINCT i.value ORDER BY i.value) FILTER (WHERE i.type = 'PHONE'), '{}') AS phones,
         COALESCE(array_agg(DISTINCT r.source || ':' || r.source_record_id ORDER BY r.source || ':' || r.source_record_id), '{}') AS records,
         (SELECT COALESCE(array_agg(alias_id ORDER BY alias_id), '{}') FROM profile_aliases WHERE profile_id = $1) AS aliases,
         (SELECT updated_at FROM profiles WHERE profile_id = $1) AS updated_at
       FROM source_records r LEFT JOIN identifiers i USING (source, source_record_id)
       WHERE r.profile_id = $1`,
      [profileId],
    );
    return {
      profileId,
      emails: row?.emails ?? [],
      phones: row?.phones ?? [],
      sourceRecords: row?.records ?? [],
      aliases: row?.aliases ?? [],
      updatedAt: (row?.updated_at ?? new Date()).getTime(),
    };
  }

  async explain(em: EntityManager, profileId: string) {
    const records = await em.query<unknown[]>(
      `SELECT source, source_record_id AS "sourceRecordId", first_seen_at AS "firstSeenAt" FROM source_records WHERE profile_id = $1 ORDER BY 1, 2`,
      [profileId],
    );
    const links = await em.query<unknown[]>(
      `SELECT source, source_record_id AS "sourceRecordId", rule, matched_values AS "matchedValues", score, event_id AS "eventId", created_at AS "createdAt"
       FROM links WHERE profile_id = $1 ORDER BY id`,
      [profileId],
    );
    return { profileId, records, links };
  }
}
