import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Headers, segmentTopic, Topics, type ProfileInsights, type SegmentMembershipChange } from '@c360/schemas';
import { Consume, type InboundMessage } from '@c360/messaging';
import { Outbox } from '@c360/persistence';
import { contextFromInsights, transitions, type CompiledSegment } from '@c360/activation-domain';
import { minorDigits } from '@c360/money';
import { MembershipsRepository } from '@c360/activation-data-access';
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
      for (const [profileId, insights] of latest) {
        if (insights === null) await this.removed(em, profileId, now);
        else await this.evaluate(em, insights, now);
      }
    });
  }

  private async evaluate(em: EntityManager, insights: ProfileInsights, now: number): Promise<void> {
    if (!(await this.memberships.advance(em, insights.profileId, insights.updatedAt))) return;
    const context = contextFromInsights(insights, minorDigits(insights.reportingCurrency), now);
    const before = await this.memberships.segmentsOf(em, insights.profileId);
    for (const t of transitions(this.segments, before, context)) {
      if (t.change === 'ENTERED') await this.memberships.enter(em, insights.profileId, t.segmentId, now, insights.causeEventId);
      else await this.memberships.exit(em, insights.profileId, t.segmentId);
      await this.publish(em, {
        changeId: `${t.segmentId}:${insights.profileId}:${t.change}:${insights.causeEventId ?? insights.updatedAt}`,
        segmentId: t.segmentId,
        profileId: insights.profileId,
        change: t.change,
        reason: t.reason,
        triggerEventId: insights.causeEventId,
        triggerIngestedAt: insights.causeIngestedAt,
        evaluatedAt: now,
      });
    }
  }

  private async removed(em: EntityManager, profileId: string, now: number): Promise<void> {
    for (const segmentId of await this.memberships.removeProfile(em, profileId)) {
      await this.publish(em, {
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

  private async publish(em: EntityManager, change: SegmentMembershipChange): Promise<void> {
    const headers: Record<string, string> = change.triggerEventId ? { [Headers.eventId]: change.triggerEventId } : {};
    await this.outbox.add(em, segmentTopic(change.segmentId), [{ key: change.profileId, value: change, headers }]);
  }
}
