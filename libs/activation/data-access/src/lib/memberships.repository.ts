import type { EntityManager } from 'typeorm';
import { lockKeys } from '@c360/persistence';

export class MembershipsRepository {
  /** Serialises work on these profiles across instances and partitions, until commit. */
  lockProfiles(em: EntityManager, profileIds: readonly string[]): Promise<void> {
    return lockKeys(em, 'activation', profileIds);
  }

  async segmentsOf(em: EntityManager, profileId: string): Promise<Set<string>> {
    const rows = await em.query<{ segment_id: string }[]>(`SELECT segment_id FROM segment_memberships WHERE profile_id = $1`, [profileId]);
    return new Set(rows.map((r) => r.segment_id));
  }

  async enter(em: EntityManager, profileId: string, segmentId: string, at: number, triggerEventId: string | null): Promise<void> {
    await em.query(
      `INSERT INTO segment_memberships (profile_id, segment_id, entered_at, trigger_event_id) VALUES ($1, $2, to_timestamp($3 / 1000.0), $4)
       ON CONFLICT DO NOTHING`,
      [profileId, segmentId, at, triggerEventId],
    );
  }

  async exit(em: EntityManager, profileId: string, segmentId: string): Promise<void> {
    await em.query(`DELETE FROM segment_memberships WHERE profile_id = $1 AND segment_id = $2`, [profileId, segmentId]);
  }

  async count(em: EntityManager, segmentId: string): Promise<number> {
    const [row] = await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM segment_memberships WHERE segment_id = $1`, [segmentId]);
    return row?.n ?? 0;
  }

  /**
   * Records that the profile is evaluated on insights of `updatedAt`; false when newer insights
   * were already evaluated (the update is stale and must be ignored).
   */
  async advance(em: EntityManager, profileId: string, updatedAt: number): Promise<boolean> {
    const rows = await em.query<{ profile_id: string }[]>(
      `INSERT INTO profile_evaluations (profile_id, insights_updated_at) VALUES ($1, to_timestamp($2 / 1000.0))
       ON CONFLICT (profile_id) DO UPDATE SET insights_updated_at = EXCLUDED.insights_updated_at
       WHERE profile_evaluations.insights_updated_at <= EXCLUDED.insights_updated_at
       RETURNING profile_id`,
      [profileId, updatedAt],
    );
    return rows.length > 0;
  }

  /** Forgets a profile that no longer exists (merged away); returns the segments it was in. */
  async removeProfile(em: EntityManager, profileId: string): Promise<string[]> {
    // (TypeORM hands back DELETE ... RETURNING as [rows, count]; reading first keeps it plain.)
    const rows = await em.query<{ segment_id: string }[]>(`SELECT segment_id FROM segment_memberships WHERE profile_id = $1`, [profileId]);
    await em.query(`DELETE FROM segment_memberships WHERE profile_id = $1`, [profileId]);
    await em.query(`DELETE FROM profile_evaluations WHERE profile_id = $1`, [profileId]);
    return rows.map((r) => r.segment_id).sort();
  }
}
