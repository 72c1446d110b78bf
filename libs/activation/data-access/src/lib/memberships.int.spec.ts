// The memberships repository against a real Postgres: the batch statements activation relies on
// for idempotence (a redelivered insight changes nothing), ordering (a stale insight is ignored)
// and merges (an absorbed profile leaves everything).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { Evaluations1732300000004 } from './migrations/1732300000004-evaluations';
import { Memberships1732300000003 } from './migrations/1732300000003-memberships';
import { MembershipsRepository } from './memberships.repository';

describe('memberships repository (Postgres)', () => {
  const repo = new MembershipsRepository();
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    db = await freshDatabase(inject('stack').DATABASE_URL);
    ds = await new DataSource({ type: 'postgres', url: db.url, migrations: [Memberships1732300000003, Evaluations1732300000004] }).initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('advances only profiles whose insights are not older than those evaluated', async () => {
    const first = await ds.transaction((em) =>
      repo.advance(em, [
        { profileId: 'a1', updatedAt: 1_000 },
        { profileId: 'a2', updatedAt: 1_000 },
      ]),
    );
    expect([...first].sort()).toEqual(['a1', 'a2']);
    const second = await ds.transaction((em) =>
      repo.advance(em, [
        { profileId: 'a1', updatedAt: 999 }, // stale
        { profileId: 'a2', updatedAt: 1_000 }, // redelivered
        { profileId: 'a3', updatedAt: 5 }, // new
      ]),
    );
    expect([...second].sort()).toEqual(['a2', 'a3']);
    const rows = await ds.query<{ profile_id: string; ms: number }[]>(
      `SELECT profile_id, (extract(epoch FROM insights_updated_at) * 1000)::float8 AS ms FROM profile_evaluations ORDER BY profile_id`,
    );
    expect(rows.map((r) => [r.profile_id, Math.round(r.ms)])).toEqual([
      ['a1', 1_000],
      ['a2', 1_000],
      ['a3', 5],
    ]);
  });

  it('enters and exits many profiles at once, idempotently, and reads them back per profile', async () => {
    await ds.transaction(async (em) => {
      await repo.enter(em, [
        { profileId: 'm1', segmentId: 'gold', at: 2_000, triggerEventId: 'e1' },
        { profileId: 'm1', segmentId: 'recent', at: 2_000, triggerEventId: 'e1' },
        { profileId: 'm2', segmentId: 'gold', at: 2_000, triggerEventId: null },
      ]);
      await repo.enter(em, [{ profileId: 'm1', segmentId: 'gold', at: 3_000, triggerEventId: 'e2' }]); // already a member
    });
    let now = await ds.transaction((em) => repo.segmentsOf(em, ['m1', 'm2', 'nobody']));
    expect(now).toEqual(
      new Map([
        ['m1', new Set(['gold', 'recent'])],
        ['m2', new Set(['gold'])],
        ['nobody', new Set()],
      ]),
    );
    const [kept] = await ds.query<{ trigger_event_id: string }[]>(`SELECT trigger_event_id FROM segment_memberships WHERE profile_id = 'm1' AND segment_id = 'gold'`);
    expect(kept!.trigger_event_id).toBe('e1');

    await ds.transaction(async (em) => {
      await repo.exit(em, [
        { profileId: 'm1', segmentId: 'gold' },
        { profileId: 'm2', segmentId: 'recent' }, // not a member: nothing happens
      ]);
    });
    now = await ds.transaction((em) => repo.segmentsOf(em, ['m1', 'm2']));
    expect(now).toEqual(
      new Map([
        ['m1', new Set(['recent'])],
        ['m2', new Set(['gold'])],
      ]),
    );
    expect(await ds.transaction((em) => repo.count(em, 'gold'))).toBe(1);
  });

  it('removes merged-away profiles with the segments they were in, and forgets their evaluations', async () => {
    await ds.transaction(async (em) => {
      await repo.advance(em, [{ profileId: 'r1', updatedAt: 10_000 }]);
      await repo.enter(em, [
        { profileId: 'r1', segmentId: 'zeta', at: 1, triggerEventId: null },
        { profileId: 'r1', segmentId: 'alpha', at: 1, triggerEventId: null },
        { profileId: 'keep', segmentId: 'alpha', at: 1, triggerEventId: null },
      ]);
    });
    const removed = await ds.transaction((em) => repo.removeProfiles(em, ['r1', 'never-seen']));
    expect(removed).toEqual(
      new Map([
        ['r1', ['alpha', 'zeta']],
        ['never-seen', []],
      ]),
    );
    const after = await ds.transaction((em) => repo.segmentsOf(em, ['r1', 'keep']));
    expect(after.get('r1')).toEqual(new Set());
    expect(after.get('keep')).toEqual(new Set(['alpha']));
    // Its evaluation version is gone: an older insight for the id would be evaluated again.
    expect(await ds.transaction((em) => repo.advance(em, [{ profileId: 'r1', updatedAt: 1 }]))).toEqual(new Set(['r1']));
  });
});

/** A database of its own for this file (data-access libraries do not depend on the test library). */
async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `c360_activation_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
