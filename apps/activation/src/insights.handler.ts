import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Headers, segmentTopic, Topics, type ProfileInsights, type SegmentMembershipChange } from '@c360/schemas';
import { Consume, type InboundMessage } from '@c360/messaging';
import { Outbox } from '@c360/persistence';
import { contextFromInsights, transitions, type CompiledSegment } from '@c360/activation-domain';
import { minorDigits } from '@c360/money';
import { MembershipsRepository, type Entry, type Membership } from '@c360/activation-data-access';
import { SEGMENTS } from './activation.tokens';

/**
 * Re-evaluates a profile's segments whenever its insights change and publishes entered/exited
 * changes on each segment's topic. Membership is stored, so a redelivered insight finds no
 * transition and publishes nothing twice; an insight older than the one already evaluated is
 * ignored; a tombstone (the profile was merged into another) exits every segment it was in.
 */
@Injectable()
export class InsightsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsRepository,
    private readonly outbox: Outbox,
    @Inject(SEGMENTS) private readonly segments: CompiledSegment[],
  ) {}

  @Consume(Topics.insights, { tombstones: true })
  async onInsights(messages: InboundMessage<ProfileInsights | null>[]): Promise<void> {
    // Only the last message of each profile in the batch matters (the topic is keyed by profile).
    const latest = new Map<string, ProfileInsights | null>();
    for (const m of messages) {
      const profileId = m.value?.profileId ?? m.key;
      if (profileId) latest.set(profileId, m.value);
    }
    await this.dataSource.transaction(async (em) => {
      await this.memberships.lockProfiles(em, [...latest.keys()]);
      const now = Date.now();
      const updates = [...latest.values()].filter((i): i is ProfileInsights => i !== null);
      const removed = [...latest].filter(([, i]) => i === null).map(([id]) => id);
      const changes = [...(await this.evaluate(em, updates, now)), ...(await this.removed(em, removed, now))];
      await this.outbox.addAll(
        em,
        changes.map((change) => ({
          topic: segmentTopic(change.segmentId),
          message: { key: change.profileId, value: change, headers: eventIdHeader(change.triggerEventId) },
        })),
      );
    });
  }

  /** Evaluates the segments of the profiles whose insights are newer than those evaluated before. */
  private async evaluate(em: EntityManager, updates: readonly ProfileInsights[], now: number): Promise<SegmentMembershipChange[]> {
    const advanced = await this.memberships.advance(
      em,
      updates.map((i) => ({ profileId: i.profileId, updatedAt: i.updatedAt })),
    );
    const fresh = updates.filter((i) => advanced.has(i.profileId));
    const before = await this.memberships.segmentsOf(
      em,
      fresh.map((i) => i.profileId),
    );
    const entered: Entry[] = [];
    const exited: Membership[] = [];
    const changes: SegmentMembershipChange[] = [];
    for (const insights of fresh) {
      const { profileId, causeEventId } = insights;
      const context = contextFromInsights(insights, minorDigits(insights.reportingCurrency), now);
      for (const t of transitions(this.segments, before.get(profileId)!, context)) {
        if (t.change === 'ENTERED') entered.push({ profileId, segmentId: t.segmentId, at: now, triggerEventId: causeEventId });
        else exited.push({ profileId, segmentId: t.segmentId });
        changes.push({
          changeId: `${t.segmentId}:${profileId}:${t.change}:${causeEventId ?? insights.updatedAt}`,
          segmentId: t.segmentId,
          profileId,
          change: t.change,
          reason: t.reason,
          triggerEventId: causeEventId,
          triggerIngestedAt: insights.causeIngestedAt,
          evaluatedAt: now,
        });
      }
    }
    await this.memberships.enter(em, entered);
    await this.memberships.exit(em, exited);
    return changes;
  }

  /** Profiles merged into others leave every segment they were in. */
  private async removed(em: EntityManager, profileIds: readonly string[], now: number): Promise<SegmentMembershipChange[]> {
    const changes: SegmentMembershipChange[] = [];
    for (const [profileId, segmentIds] of await this.memberships.removeProfiles(em, profileIds)) {
      for (const segmentId of segmentIds) {
        changes.push({
          changeId: `${segmentId}:${profileId}:EXITED:removed`,
          segmentId,
          profileId,
          change: 'EXITED',
          reason: 'the profile was merged into another profile',
          triggerEventId: null,
          triggerIngestedAt: null,
          evaluatedAt: now,
        });
      }
    }
    return changes;
  }
}

function eventIdHeader(eventId: string | null): Record<string, string> {
  return eventId ? { [Headers.eventId]: eventId } : {};
}
