import type { EntityManager } from 'typeorm';

/**
 * Takes transaction-scoped advisory locks on `namespace:key` for each key, in sorted order (two
 * transactions locking overlapping sets in one call cannot deadlock). Released at commit.
 */
export async function lockKeys(em: EntityManager, namespace: string, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].map((k) => `${namespace}:${k}`).sort();
  if (sorted.length === 0) return;
  await em.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k`, [sorted]);
}
