import type { EntityManager } from 'typeorm';
import { lockKeys } from '@c360/persistence';
import type { PurchaseFact, PurchaseSummary } from '@c360/insights-domain';

export class InsightsRepository {
  /** Serialises work on these profiles across instances and partitions, until commit. */
  lockProfiles(em: EntityManager, profileIds: readonly string[]): Promise<void> {
    return lockKeys(em, 'insights', profileIds);
  }

  /** Maps absorbed ids to their survivors; other ids map to themselves. */
  async currentIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await em.query<{ alias_id: string; profile_id: string }[]>(
      `SELECT alias_id, profile_id FROM profile_aliases WHERE alias_id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    const map = new Map(ids.map((id) => [id, id]));
    for (const r of rows) map.set(r.alias_id, r.profile_id);
    return map;
  }

  /** Inserts purchases not seen before; returns the event ids that were new. */
  async insertPurchases(em: EntityManager, rows: readonly (PurchaseFact & { profileId: string })[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted = await em.query<{ event_id: string }[]>(
      `INSERT INTO purchases (event_id, profile_id, amount_minor, occurred_at)
       SELECT e, p, a, to_timestamp(t / 1000.0) FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS x(e, p, a, t)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [rows.map((r) => r.eventId), rows.map((r) => r.profileId), rows.map((r) => r.amountMinor), rows.map((r) => r.occurredAt)],
    );
    return new Set(inserted.map((r) => r.event_id));
  }

  async purchasesOf(em: EntityManager, profileId: string): Promise<PurchaseFact[]> {
    const rows = await em.query<{ event_id: string; amount_minor: string; occurred_at: string }[]>(
      `SELECT event_id, amount_minor, (extract(epoch FROM occurred_at) * 1000)::bigint AS occurred_at FROM purchases WHERE profile_id = $1`,
      [profileId],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      amountMinor: Number(r.amount_minor),
      occurredAt: Number(r.occurred_at),
    }));
  }

  async saveInsights(em: EntityManager, profileId: string, s: PurchaseSummary, at: number): Promise<void> {
    await em.query(
      `INSERT INTO profile_insights (profile_id, lifetime_value_minor, order_count, first_purchase_at, last_purchase_at, updated_at)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0))
       ON CONFLICT (profile_id) DO UPDATE SET lifetime_value_minor = EXCLUDED.lifetime_value_minor, order_count = EXCLUDED.order_count,
         first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at, updated_at = EXCLUDED.updated_at`,
      [profileId, s.lifetimeValueMinor, s.orderCount, s.firstPurchaseAt, s.lastPurchaseAt, at],
    );
  }

  /** Moves the absorbed profiles' facts to the survivor and forgets their insights. */
  async merge(em: EntityManager, survivor: string, absorbed: readonly string[]): Promise<void> {
    await em.query(
      `INSERT INTO profile_aliases (alias_id, profile_id) SELECT a, $1 FROM unnest($2::text[]) AS a
       ON CONFLICT (alias_id) DO UPDATE SET profile_id = EXCLUDED.profile_id`,
      [survivor, absorbed],
    );
    await em.query(`UPDATE profile_aliases SET profile_id = $1 WHERE profile_id = ANY($2::text[])`, [survivor, absorbed]);
    await em.query(`UPDATE purchases SET profile_id = $1 WHERE profile_id = ANY($2::text[])`, [survivor, absorbed]);
    await em.query(`DELETE FROM profile_insights WHERE profile_id = ANY($1::text[])`, [absorbed]);
  }
}
