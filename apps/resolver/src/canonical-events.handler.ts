import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Headers, Topics, type CanonicalEvent, type IdentityChange, type Profile } from '@c360/schemas';
import { Consume, type InboundMessage, type Outgoing } from '@c360/messaging';
import { Outbox } from '@c360/persistence';
import { assign, linkableIdentifiers } from '@c360/resolver-domain';
import { IdentityGraphRepository } from '@c360/resolver-data-access';

/**
 * Puts each canonical event's source record on a profile and re-publishes the event keyed by
 * that profile. One transaction per batch holds the graph changes and the outputs (outbox), so a
 * crash leaves either all of a batch or none of it; redelivered events change nothing.
 */
@Injectable()
export class CanonicalEventsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: IdentityGraphRepository,
    private readonly outbox: Outbox,
  ) {}

  @Consume(Topics.canonicalEvents)
  async resolve(messages: InboundMessage<CanonicalEvent>[]): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const keys = messages.flatMap(({ value: e }) => [
        `record:${e.source}:${e.sourceRecordId}`,
        ...linkableIdentifiers(e.party).map((i) => `id:${i.type}:${i.value}`),
      ]);
      await this.graph.lock(em, keys);
      const resolved: Outgoing<CanonicalEvent>[] = [];
      const changes: Outgoing<IdentityChange>[] = [];
      const touched = new Set<string>();
      const absorbedAll = new Set<string>();
      const lockedProfiles = new Set<string>();
      for (const { value: event } of messages) {
        const profileId = await this.resolveOne(em, event, changes, absorbedAll, lockedProfiles);
        touched.add(profileId);
        resolved.push({
          key: profileId,
          value: { ...event, profileId },
          headers: { [Headers.eventId]: event.eventId, [Headers.ingestedAt]: String(event.ingestedAt) },
        });
      }
      for (const id of absorbedAll) touched.delete(id);
      // Changes first: a consumer that reads both topics sees the merge before the re-keyed event.
      await this.outbox.add(em, Topics.identityChanges, changes);
      await this.outbox.add(em, Topics.resolvedEvents, resolved);
      const profiles: Outgoing<Profile>[] = [];
      for (const id of touched) profiles.push({ key: id, value: await this.graph.golden(em, id) });
      await this.outbox.add(em, Topics.profiles, profiles);
      await this.outbox.addTombstones(em, Topics.profiles, [...absorbedAll]);
    });
  }

  private async resolveOne(
    em: EntityManager,
    event: CanonicalEvent,
    changes: Outgoing<IdentityChange>[],
    absorbedAll: Set<string>,
    lockedProfiles: Set<string>,
  ): Promise<string> {
    const identifiers = linkableIdentifiers(event.party).map((i) => ({ type: i.type, value: i.value }));
    let current = await this.graph.findRecordProfile(em, event.source, event.sourceRecordId);
    let matches = await this.graph.findByIdentifiers(em, identifiers);
    // Lock the profiles reached too, then look again: a concurrent merge of one of them (through
    // identifiers this batch does not hold) must finish first, or this record would join a
    // profile that no longer exists. Waiting can reveal other profiles, hence the loop.
    for (;;) {
      const reached = [current?.profileId, ...matches.map((m) => m.profile.profileId)].filter((id): id is string => !!id && !lockedProfiles.has(id));
      if (reached.length === 0) break;
      await this.graph.lock(em, reached.map((id) => `profile:${id}`));
      reached.forEach((id) => lockedProfiles.add(id));
      current = await this.graph.findRecordProfile(em, event.source, event.sourceRecordId);
      matches = await this.graph.findByIdentifiers(em, identifiers);
    }
    const decision = assign(event, current, matches);
    const now = Date.now();
    const base = { source: event.source, sourceRecordId: event.sourceRecordId, causeEventId: event.eventId, occurredAt: now };

    if (decision.kind === 'new-profile') {
      await this.graph.createProfile(em, decision.profileId);
    } else if (decision.absorbed.length > 0) {
      await this.graph.merge(em, decision.profileId, decision.absorbed);
      decision.absorbed.forEach((id) => absorbedAll.add(id));
      changes.push({
        key: decision.profileId,
        value: {
          ...base,
          changeId: `merge:${decision.profileId}:${[...decision.absorbed].sort().join(',')}`,
          kind: 'PROFILES_MERGED',
          profileId: decision.profileId,
          absorbedProfileIds: [...decision.absorbed],
          rule: decision.rule,
          matchedValues: [...decision.matchedValues],
        },
      });
    }
    await this.graph.upsertRecord(em, event.source, event.sourceRecordId, decision.profileId);
    await this.graph.addIdentifiers(em, event.source, event.sourceRecordId, identifiers);
    await this.graph.touchProfile(em, decision.profileId);

    if (current?.profileId !== decision.profileId) {
      const rule = decision.kind === 'new-profile' ? 'first-record' : decision.rule;
      const matchedValues = decision.kind === 'new-profile' ? [] : [...decision.matchedValues];
      await this.graph.addLink(em, { profileId: decision.profileId, source: event.source, sourceRecordId: event.sourceRecordId, rule, matchedValues, score: 1, eventId: event.eventId });
      changes.push({
        key: decision.profileId,
        value: {
          ...base,
          changeId: `assign:${event.source}:${event.sourceRecordId}:${decision.profileId}`,
          kind: 'RECORD_ASSIGNED',
          profileId: decision.profileId,
          absorbedProfileIds: [],
          rule,
          matchedValues,
        },
      });
    }
    return decision.profileId;
  }
}
