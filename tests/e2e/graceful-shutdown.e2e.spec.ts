// SIGTERM in the middle of a stream loses nothing and applies nothing twice: after a restart
// every purchase is counted exactly once.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceTopic, Topics, type ProfileInsights } from '@c360/schemas';
import { query, type Subscription } from '@c360/testing';
import { Pipeline } from './harness';

const ORDERS = 400;

describe('graceful shutdown mid-stream', () => {
  const pipeline = new Pipeline();
  let insights: Subscription<ProfileInsights>;

  beforeAll(async () => {
    await pipeline.setUp();
    await pipeline.startAll();
    insights = await pipeline.kafka.subscribe<ProfileInsights>(Topics.insights.name);
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it('restarts the resolver and insights after SIGTERM and ends with every order counted once', async () => {
    const run = pipeline.runId;
    const email = `stream-${run}@example.com`;
    const messages = Array.from({ length: ORDERS }, (_, i) => ({
      key: `O-${run}-${i}`,
      value: {
        event: 'order.placed', orderId: `O-${run}-${i}`,
        placedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
        customer: { accountId: `acc-${run}`, email },
        totals: { currency: 'EUR', net: '1.00' },
      },
    }));
    const producing = (async () => {
      for (let i = 0; i < ORDERS; i += 20) await pipeline.kafka.produceJson(sourceTopic('ecommerce').name, messages.slice(i, i + 20));
    })();

    // Stop two stateful services while events flow, then bring them back.
    await insights.waitFor((m) => m.value.orderCount > 0, 1, 60_000);
    const stopped = [pipeline.running.get('resolver')!, pipeline.running.get('insights')!];
    await Promise.all(stopped.map((s) => s.stop('SIGTERM')));
    for (const s of stopped) expect(readFileSync(s.logFile, 'utf8')).toContain('consumer stopped after committing its batch in progress');
    await producing;
    await Promise.all([pipeline.start('resolver'), pipeline.start('insights')]);

    const [final] = await insights.waitFor((m) => m.value.orderCount === ORDERS, 1, 120_000);
    expect(final!.value.lifetimeValueMinor).toBe(ORDERS * 100);

    // The stored facts agree: each order once, on one profile.
    const rows = await query<{ n: number; profiles: number }>(
      pipeline.databaseUrl,
      `SELECT count(*)::int AS n, count(DISTINCT profile_id)::int AS profiles FROM insights.purchases WHERE event_id LIKE $1`,
      [`ecommerce:O-${run}-%`],
    );
    expect(rows[0]).toEqual({ n: ORDERS, profiles: 1 });
    // Nothing ever went past the total.
    expect(Math.max(...insights.received.map((m) => m.value.orderCount))).toBe(ORDERS);
  });
});
