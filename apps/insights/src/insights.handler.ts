import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Headers, Topics, type CanonicalEvent, type IdentityChange, type ProfileInsights } from '@c360/schemas';
import { Consume, RejectedInputError, type HandlerResult, type InboundMessage, type Outgoing, type Rejection } from '@c360/messaging';
import { Outbox } from '@c360/persistence';
import { summarisePurchases } from '@c360/insights-domain';
import { InsightsRepository } from '@c360/insights-data-access';
import { INSIGHTS_CONFIG } from './insights.tokens';
import type { InsightsConfig } from './insights.config';

/** A purchase counts positive, a return negative, in the reporting currency's minor units. */
function moneyOf(e: CanonicalEvent): { field: string; reportingCurrency: string; amountMinor: number } | null {
  if (e.purchase) return { field: 'purchase', reportingCurrency: e.purchase.reportingCurrency, amountMinor: e.purchase.reportingAmountMinor };
  if (e.purchaseReturn) return { field: 'purchaseReturn', reportingCurrency: e.purchaseReturn.reportingCurrency, amountMinor: -e.purchaseReturn.reportingAmountMinor };
  return null;
}

interface Cause {
  eventId: string | null;
  ingestedAt: number | null;
}

/**
 * Keeps per-profile purchase facts and publishes the profile's insights whenever they change.
 * Facts are keyed by event id, so a duplicate event adds nothing; a merge moves the absorbed
 * profiles' facts to the survivor, in whichever order the merge and the events arrive.
 */
@Injectable()
export class InsightsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: InsightsRepository,
    private readonly outbox: Outbox,
    @Inject(INSIGHTS_CONFIG) private readonly config: InsightsConfig,
  ) {}

  @Consume(Topics.resolvedEvents)
  async onResolvedEvents(messages: InboundMessage<CanonicalEvent>[]): Promise<HandlerResult> {
    // Money is summed in one currency; an event converted to another cannot be added up.
    const rejected: Rejection[] = [];
    const purchases: CanonicalEvent[] = [];
    for (const message of messages) {
      const money = moneyOf(message.value);
      if (!money || !message.value.profileId) continue;
      if (money.reportingCurrency === this.config.REPORTING_CURRENCY) purchases.push(message.value);
      else {
        rejected.push({
          message,
          error: new RejectedInputError(
            'reporting-currency-mismatch',
            `${money.field} is in reporting currency ${money.reportingCurrency}, insights keep ${this.config.REPORTING_CURRENCY}`,
            `${money.field}.reportingCurrency`,
            message.value.source,
          ),
        });
      }
    }
    if (purchases.length === 0) return { rejected };
    await this.dataSource.transaction(async (em) => {
      // Lock the ids the events carry, then read their survivors and lock those too: a merge that
      // commits in between cannot leave a purchase on an absorbed id. A lock-order deadlock with a
      // concurrent merge is detected by Postgres and retried as a transient failure.
      const ids = purchases.map((e) => e.profileId!);
      await this.repository.lockProfiles(em, ids);
      const current = await this.repository.currentIds(em, ids);
      await this.repository.lockProfiles(em, [...current.values()].filter((id) => !ids.includes(id)));
      const rows = purchases.map((e) => ({
        eventId: e.eventId,
        profileId: current.get(e.profileId!)!,
        amountMinor: moneyOf(e)!.amountMinor,
        occurredAt: e.occurredAt,
      }));
      const fresh = await this.repository.insertPurchases(em, rows);
      const causes = new Map<string, Cause>();
      for (const e of purchases) {
        if (fresh.has(e.eventId)) causes.set(current.get(e.profileId!)!, { eventId: e.eventId, ingestedAt: e.ingestedAt });
      }
      await this.publish(em, causes);
    });
    return { rejected };
  }

  @Consume(Topics.identityChanges)
  async onIdentityChanges(messages: InboundMessage<IdentityChange>[]): Promise<void> {
    const merges = messages.map((m) => m.value).filter((c) => c.kind === 'PROFILES_MERGED' && c.absorbedProfileIds.length > 0);
    if (merges.length === 0) return;
    await this.dataSource.transaction(async (em) => {
      await this.repository.lockProfiles(em, merges.flatMap((m) => [m.profileId, ...m.absorbedProfileIds]));
      const causes = new Map<string, Cause>();
      for (const m of merges) {
        await this.repository.merge(em, m.profileId, m.absorbedProfileIds);
        causes.set(m.profileId, { eventId: m.causeEventId, ingestedAt: null });
      }
      await this.publish(em, causes);
      await this.outbox.addTombstones(em, Topics.insights, merges.flatMap((m) => m.absorbedProfileIds));
    });
  }

  private async publish(em: EntityManager, causes: Map<string, Cause>): Promise<void> {
    const out: Outgoing<ProfileInsights>[] = [];
    const now = Date.now();
    for (const [profileId, cause] of causes) {
      const summary = summarisePurchases(await this.repository.purchasesOf(em, profileId));
      await this.repository.saveInsights(em, profileId, summary, now);
      out.push({
        key: profileId,
        value: {
          profileId,
          reportingCurrency: this.config.REPORTING_CURRENCY,
          ...summary,
          causeEventId: cause.eventId,
          causeIngestedAt: cause.ingestedAt,
          updatedAt: now,
        },
        headers: cause.eventId ? { [Headers.eventId]: cause.eventId } : {},
      });
    }
    await this.outbox.add(em, Topics.insights, out);
  }
}
