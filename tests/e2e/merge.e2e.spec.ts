// Two profiles that turn out to be one person: the resolver merges them into the older one, the
// survivor's insights add both histories up exactly, and the absorbed profile leaves its segment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceTopic, segmentTopic, Topics, type IdentityChange, type ProfileInsights, type SegmentMembershipChange } from '@c360/schemas';
import type { Subscription } from '@c360/testing';
import { Pipeline } from './harness';

describe('a record that ties two profiles together', () => {
  const pipeline = new Pipeline();
  let changes: Subscription<IdentityChange>;
  let insights: Subscription<ProfileInsights>;
  let segment: Subscription<SegmentMembershipChange>;

  beforeAll(async () => {
    await pipeline.setUp();
    await pipeline.startAll();
    changes = await pipeline.kafka.subscribe<IdentityChange>(Topics.identityChanges.name);
    insights = await pipeline.kafka.subscribe<ProfileInsights>(Topics.insights.name);
    segment = await pipeline.kafka.subscribe<SegmentMembershipChange>(segmentTopic('high-value').name);
  });

  afterAll(async () => {
    await pipeline.tearDown();
  });

  it('merges into the oldest profile, sums both histories, and exits the absorbed one from its segment', async () => {
    const run = pipeline.runId;
    const email = `merge-${run}@example.com`;
    // A mobile: a landline is a household's, and links nobody without a name (docs/matching.md).
    const phone = `0151 2${String(Date.now()).slice(-7)}`;
    // An online customer known by email, worth 160.
    await pipeline.kafka.produceJson(sourceTopic('ecommerce').name, [
      { key: `M1-${run}`, value: { event: 'order.placed', shop: { country: 'DE' }, orderId: `M1-${run}`, placedAt: '2026-11-01T10:00:00Z', customer: { accountId: `acc-${run}`, email }, totals: { currency: 'EUR', net: '160.00' } } },
    ]);
    const [first] = await segment.waitFor((m) => m.value.triggerEventId === `ecommerce:M1-${run}`);
    // A store customer known by phone only, worth 170: a second profile.
    await pipeline.kafka.produceJson(sourceTopic('pos').name, [
      { key: `M2-${run}`, value: { receipt: { type: 'SALE', number: `M2-${run}`, closedAt: '2026-11-02T10:00:00Z', currency: 'EUR', total: '170.00' }, customer: { phone } } },
    ]);
    const [second] = await segment.waitFor((m) => m.value.triggerEventId === `pos:M2-${run}`);
    const survivor = first!.value.profileId;
    const absorbed = second!.value.profileId;
    expect(absorbed).not.toBe(survivor);

    // An online order with both the email and the phone: the same person.
    await pipeline.kafka.produceJson(sourceTopic('ecommerce').name, [
      { key: `M3-${run}`, value: { event: 'order.placed', shop: { country: 'DE' }, orderId: `M3-${run}`, placedAt: '2026-11-03T10:00:00Z', customer: { accountId: `acc-${run}`, email, phone }, totals: { currency: 'EUR', net: '5.00' } } },
    ]);

    const [merge] = await changes.waitFor((m) => m.value.kind === 'PROFILES_MERGED' && m.value.causeEventId === `ecommerce:M3-${run}`);
    expect(merge!.value).toMatchObject({ profileId: survivor, absorbedProfileIds: [absorbed] });
    expect(merge!.value.matchedValues.length).toBeGreaterThan(0);

    await insights.waitFor((m) => m.key === survivor && m.value.orderCount === 3);
    const final = insights.received.filter((m) => m.key === survivor).at(-1)!;
    expect(final.value).toMatchObject({ lifetimeValueMinor: 33500, orderCount: 3 });

    const [exit] = await segment.waitFor((m) => m.value.profileId === absorbed && m.value.change === 'EXITED');
    expect(exit!.value.reason).toMatch(/merged/);
    // The survivor was already a member: no second "entered" for it.
    expect(segment.received.filter((m) => m.value.profileId === survivor && m.value.change === 'ENTERED')).toHaveLength(1);

    // The absorbed id still resolves, to the survivor.
    const res = await pipeline.profilesApi(`/profiles/${absorbed}`);
    expect(((await res.json()) as { profileId: string }).profileId).toBe(survivor);
  });
});
