// The walking skeleton: one person buys online and in a store, typed differently; c360 sees one
// customer worth 200 EUR and announces that they entered the high-value segment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceTopic, segmentTopic, Topics, type CanonicalEvent, type ProfileInsights, type SegmentMembershipChange } from '@c360/schemas';
import type { Subscription } from '@c360/testing';
import { OTHER_API_KEY, Pipeline } from './harness';

describe('walking skeleton: two channels, one person, one segment change', () => {
  const pipeline = new Pipeline();
  let canonical: Subscription<CanonicalEvent>;
  let insights: Subscription<ProfileInsights>;
  let segment: Subscription<SegmentMembershipChange>;

  beforeAll(async () => {
    await pipeline.setUp();
    await pipeline.startAll();
    canonical = await pipeline.kafka.subscribe<CanonicalEvent>(Topics.canonicalEvents.name);
    insights = await pipeline.kafka.subscribe<ProfileInsights>(Topics.insights.name);
    segment = await pipeline.kafka.subscribe<SegmentMembershipChange>(segmentTopic('high-value').name);
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it('unifies an e-commerce order and a POS receipt and publishes "entered" for ltv > 150', async () => {
    const run = pipeline.runId;
    await pipeline.kafka.produceJson(sourceTopic('ecommerce').name, [
      {
        key: `ORD-${run}`,
        value: {
          event: 'order.placed', orderId: `ORD-${run}`,
          placedAt: '2026-11-20T09:30:00Z',
          shop: { country: 'DE' },
          customer: { accountId: `acc-${run}`, email: 'a@example.com' },
          totals: { currency: 'EUR', net: '120.00' },
        },
      },
    ]);
    await pipeline.kafka.produceJson(sourceTopic('pos').name, [
      {
        key: `R-${run}`,
        value: {
          receipt: { type: 'SALE', number: `R-${run}`, closedAt: '2026-11-21T15:02:11+01:00', currency: 'EUR', total: 80 },
          store: { id: 'S-042', country: 'DE' },
          customer: { email: '  A@Example.COM ' },
        },
      },
    ]);

    // The ingestor maps both native payloads to canonical Avro events with the same email.
    const events = await canonical.waitFor((m) => m.value.eventId.endsWith(run), 2);
    expect(events.map((m) => m.value.party.emails.map((e) => e.address))).toEqual([['a@example.com'], ['a@example.com']]);
    expect(events.map((m) => m.value.purchase?.reportingAmountMinor).sort()).toEqual([12000, 8000].sort());

    // The segment topic says the one profile entered high-value, caused by one of our events.
    const [entered] = await segment.waitFor((m) => m.value.triggerEventId?.endsWith(run) === true);
    expect(entered!.value.change).toBe('ENTERED');
    expect(entered!.value.segmentId).toBe('high-value');
    expect(entered!.key).toBe(entered!.value.profileId);
    expect(entered!.value.reason).toContain('ltv=200');

    // Insights computed 200 EUR over 2 orders for that same profile.
    const latest = insights.received.filter((m) => m.key === entered!.value.profileId).at(-1);
    expect(latest?.value).toMatchObject({ lifetimeValueMinor: 20000, orderCount: 2, reportingCurrency: 'EUR' });

    // The resolver serves that profile with both source records behind it.
    const profile = (await (await pipeline.profilesApi('/profiles?email=a@example.com')).json()) as {
      profileId: string;
      emails: string[];
      sourceRecords: string[];
    };
    expect(profile.profileId).toBe(entered!.value.profileId);
    expect(profile.emails).toEqual(['a@example.com']);
    expect(profile.sourceRecords.sort()).toEqual([`ecommerce:acc-${run}`, `pos:R-${run}`].sort());
    // Only callers with a key holding profiles.read see it.
    expect((await pipeline.profilesApi('/profiles?email=a@example.com', null)).status).toBe(401);
    expect((await pipeline.profilesApi('/profiles?email=a@example.com', 'not-a-key-of-anyone-at-all')).status).toBe(401);
    expect((await pipeline.profilesApi('/profiles?email=a@example.com', OTHER_API_KEY)).status).toBe(403);

    // Exactly one "entered", however long we wait for duplicates.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(segment.received.filter((m) => m.value.profileId === profile.profileId)).toHaveLength(1);
  });

  it('exposes health and Prometheus metrics with consumer lag on every service', async () => {
    for (const service of pipeline.running.values()) {
      const health = (await (await fetch(`${service.url}/health/ready`)).json()) as { status: string; info: Record<string, unknown> };
      expect(health.status).toBe('ok');
      expect(Object.keys(health.info)).toEqual(expect.arrayContaining(['kafka', 'schema-registry']));
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain('c360_consumer_lag');
      expect(metrics).toContain(`service="${service.name}"`);
    }
  });
});
