import type { EntityManager } from 'typeorm';
import { lockKeys } from '@c360/persistence';

/** A profile's membership of one segment. */
export interface Membership {
  readonly profileId: string;
  readonly segmentId: string;
}

export interface Entry extends Membership {
  readonly at: number;
  readonly triggerEventId: string | null;
}

/**
 * Memberships and evaluation versions, read and written a batch of profiles at a time: one
 * statement per kind of work, whatever the number of profiles (a round trip per profile was
 * most of activation's time).
 */
export class MembershipsRepository {
  /** Serialises work on these profiles across instances and partitions, until commit. */
  lockProfiles(em: EntityManager, profileIds: readonly string[]): Promise<void> {
    return lockKeys(em, 'activation', profileIds);
  }

  /** The segments each profile is in now (a profile in none has an empty set). */
  async segmentsOf(em: EntityManager, profileIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const out = new Map(profileIds.map((id) => [id, new Set<string>()]));
    if (profileIds.length === 0) return out;
    const rows = await em.query<{ profile_id: string; segment_id: string }[]>(
      `SELECT profile_id, segment_id FROM segment_memberships WHERE profile_id = ANY($1::text[])`,
      [profileIds],
    );
    for (const r of rows) out.get(r.profile_id)?.add(r.segment_id);
    return out;
  }

  async enter(em: EntityManager, entries: readonly Entry[]): Promise<void> {
    if (entries.length === 0) return;
    await em.query(
      `INSERT INTO segment_memberships (profile_id, segment_id, entered_at, trigger_event_id)
       SELECT p, s, to_timestamp(a / 1000.0), t FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[]) AS u(p, s, a, t)
       ON CONFLICT DO NOTHING`,
      [entries.map((e) => e.profileId), entries.map((e) => e.segmentId), entries.map((e) => e.at), entries.map((e) => e.triggerEventId)],
    );
  }

  async exit(em: EntityManager, memberships: readonly Membership[]): Promise<void> {
    if (memberships.length === 0) return;
    await em.query(
      `DELETE FROM segment_memberships m USING unnest($1::text[], $2::text[]) AS u(p, s)
       WHERE m.profile_id = u.p AND m.segment_id = u.s`,
      [memberships.map((m) => m.profileId), memberships.map((m) => m.segmentId)],
    );
  }

  async count(em: EntityManager, segmentId: string): Promise<number> {
    const [row] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM segment_memberships WHERE segment_id = $1`, [segmentId]);
    return row?.n ?? 0;
  }

  /**
   * Records that each profile is evaluated on insights of its `updatedAt`, and returns the
   * profiles that advanced; a profile missing from the result had newer insights evaluated
   * already (the update is stale and must be ignored). One version per profile.
   */
  async advance(em: EntityManager, versions: readonly { profileId: string; updatedAt: number }[]): Promise<Set<string>> {
    if (versions.length === 0) return new Set();
    const rows = await em.query<{ profile_id: string }[]>(
      `INSERT INTO profile_evaluations (profile_id, insights_updated_at)
       SELECT p, to_timestamp(u / 1000.0) FROM unnest($1::text[], $2::float8[]) AS v(p, u)
       ON CONFLICT (profile_id) DO UPDATE SET insights_updated_at = EXCLUDED.insights_updated_at
       WHERE profile_evaluations.insights_updated_at <= EXCLUDED.insights_updated_at
       RETURNING profile_id`,
      [versions.map((v) => v.profileId), versions.map((v) => v.updatedAt)],
    );
    return new Set(rows.map((r) => r.profile_id));
  }

  /** Forgets profiles that no longer exist (merged away); returns the segments each was in, sorted. */
  async removeProfiles(em: EntityManager, profileIds: readonly string[]): Promise<Map<string, string[]>> {
    const before = await this.segmentsOf(em, profileIds);
    if (profileIds.length === 0) return new Map();
    await em.query(`DELETE FROM segment_memberships WHERE profile_id = ANY($1::text[])`, [profileIds]);
    await em.query(`DELETE FROM profile_evaluations WHERE profile_id = ANY($1::text[])`, [profileIds]);
    return new Map([...before].map(([id, segments]) => [id, [...segments].sort()]));
  }
}
