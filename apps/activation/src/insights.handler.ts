import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
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
 * transition and publishes nothing twice.
 */
@Injectable()
export class InsightsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsRepository,
    private readonly outbox: Outbox,
    @Inject(SEGMENTS) private readonly segments: CompiledSegment[],
  ) {}

  @Consume(Topics.insights)
  async onInsights(messages: InboundMessage<ProfileInsights>[]): Promise<void> {
    // Only the latest insights of each profile in the batch matter.
    const latest = new Map(messages.map((m) => [m.value.profileId, m.value]));
    await this.dataSource.transaction(async (em) => {
      await this.memberships.lockProfiles(em, [...latest.keys()]);
      const now = Date.now();
      for (const insights of latest.values()) {
        const context = contextFromInsights(insights, minorDigits(insights.reportingCurrency), now);
        const before = await this.memberships.segmentsOf(em, insights.profileId);
        for (const t of transitions(this.segments, before, context)) {
          if (t.change === 'ENTERED') await this.memberships.enter(em, insights.profileId, t.segmentId, now, insights.causeEventId);
          else await this.memberships.exit(em, insights.profileId, t.segmentId);
          const change: SegmentMembershipChange = {
            changeId: `${t.segmentId}:${insights.profileId}:${t.change}:${insights.causeEventId ?? insights.updatedAt}`,
            segmentId: t.segmentId,
            profileId: insights.profileId,
            change: t.change,
            reason: t.reason,
            triggerEventId: insights.causeEventId,
            triggerIngestedAt: insights.causeIngestedAt,
            evaluatedAt: now,
          };
          await this.outbox.add(em, segmentTopic(t.segmentId), [
            { key: insights.profileId, value: change, headers: insights.causeEventId ? { [Headers.eventId]: insights.causeEventId } : {} },
          ]);
        }
      }
    });
  }
}
