import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Counter, Histogram } from 'prom-client';
import { Headers, Topics, type CanonicalEvent, type IdentityChange, type Profile } from '@c360/schemas';
import { Publisher, type Outgoing, type Republished } from '@c360/messaging';
import { Outbox, OutboxRelay } from '@c360/persistence';
import { MetricsRegistry } from '@c360/platform';
import {
  type BatchOutcome,
  type Cause,
  type EngineStats,
  type GraphChange,
  IdentityEngine,
  type MatchingConfig,
  type StewardDecision,
  profileRecord,
} from '@c360/resolver-domain';
import { IdentityGraphRepository, PostgresGraphStore } from '@c360/resolver-data-access';

export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');
/** The most records the resolver keeps in memory between batches (0: none). */
export const GRAPH_CACHE_RECORDS = Symbol('GRAPH_CACHE_RECORDS');

/** 'source:sourceRecordId' of a canonical event. */
export const recordOf = (e: Pick<CanonicalEvent, 'source' | 'sourceRecordId'>) => `${e.source}:${e.sourceRecordId}`;

/** A consumed message: what it decodes to and the bytes it came as. */
export interface Consumed<T> {
  readonly value: T;
  readonly bytes: Buffer;
}

const splitRecord = (record: string) => {
  const i = record.indexOf(':');
  return { source: record.slice(0, i), sourceRecordId: record.slice(i + 1) };
};

/**
 * Every change to the identity graph: a batch of canonical events, or a steward's decision. Each
 * runs in one transaction that holds the graph lock, applies the identity engine over the
 * Postgres store, writes the graph's difference and puts the outputs in the outbox, so a crash
 * leaves all of it or none, and instances never work on the graph at the same time.
 *
 * Batches reuse the store of the batch before (what it loaded, as it left it) when the graph's
 * version under the lock is the one that batch committed: no other instance and no steward
 * changed the graph in between; past GRAPH_CACHE_RECORDS records (0, the default: no store is
 * kept) the least recently used are dropped. After a failed batch a batch starts from an empty store.
 */
@Injectable()
export class IdentityGraphService {
  private readonly logger = new Logger(IdentityGraphService.name);
  private readonly changes: Counter<'kind'>;
  private readonly work: Counter<'counter'>;
  private readonly batchSeconds: Histogram<'phase'>;
  private readonly batches: Counter<'store'>;
  private readonly statementSeconds: Counter<'statement'>;
  private readonly statementCalls: Counter<'statement'>;
  private readonly evicted: Counter;
  /** The store the last committed batch left, and the graph version it committed. */
  private warm: { store: PostgresGraphStore; version: number } | null = null;
  /** Changes of this process, one after the other (they would wait for each other's graph lock anyway). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graph: IdentityGraphRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly publisher: Publisher,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    @Inject(GRAPH_CACHE_RECORDS) private readonly cacheRecords: number,
    metrics: MetricsRegistry,
  ) {
    this.changes = new Counter({
      name: 'c360_resolver_graph_changes_total',
      help: 'Identity graph changes published, by kind (record-assigned, record-removed, profiles-merged, profile-split).',
      labelNames: ['kind'],
      registers: [metrics],
    });
    this.work = new Counter({
      name: 'c360_resolver_engine_work_total',
      help: 'Work of the identity engine by counter: resolutions, candidates, comparisons, rechecks, statusChanges, partitions, refusedConflicts, refusedNeverLinks, quarantined (merges refused by the cluster size guard).',
      labelNames: ['counter'],
      registers: [metrics],
    });
    this.batchSeconds = new Histogram({
      name: 'c360_resolver_batch_seconds',
      help: 'Time per batch by phase: lock (waiting for the graph lock), engine (loading included), flush (writing the graph), publish (changes and golden records to the outbox); queries: the part of engine and flush spent waiting for the graph store\'s Postgres queries.',
      labelNames: ['phase'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics],
    });
    this.batches = new Counter({
      name: 'c360_resolver_batches_total',
      help: 'Batches by the store they started from: warm (what the batch before left in memory) or cold (empty: another writer changed the graph, the batch before failed, or the store was full).',
      labelNames: ['store'],
      registers: [metrics],
    });
    this.statementSeconds = new Counter({
      name: 'c360_resolver_store_query_seconds_total',
      help: 'Seconds the graph store waited for Postgres, by statement (records, links of records, values, record_addresses holders, records upsert, ...), and the publish phase\'s (profiles touch, profile facts; outbox identity changes and outbox profiles with their encoding).',
      labelNames: ['statement'],
      registers: [metrics],
    });
    this.evicted = new Counter({
      name: 'c360_resolver_store_evicted_records_total',
      help: 'Records the kept store dropped, least recently used first, to stay within GRAPH_CACHE_RECORDS (loaded again from Postgres when a batch needs them).',
      registers: [metrics],
    });
    this.statementCalls = new Counter({
      name: 'c360_resolver_store_queries_total',
      help: 'Queries of the graph store, by statement.',
      labelNames: ['statement'],
      registers: [metrics],
    });
  }

  /**
   * Resolves a batch of canonical events and publishes them keyed by profile, with the graph's
   * changes. The changes go through the outbox (a redelivered batch finds nothing changed, so they
   * would not be made again); the re-keyed events are published after the commit and the outbox,
   * straight to Kafka and before the offsets are committed: a redelivered batch publishes them
   * again, keyed by the profiles as they are then, and the services downstream drop the repeats
   * by event id. Keeping them out of Postgres halves the resolver's database writes. Each goes out
   * as the bytes it came in with, its profileId replaced (the two topics share the schema).
   */
  async resolve(messages: readonly Consumed<CanonicalEvent>[]): Promise<BatchOutcome> {
    const events = messages.map((m) => m.value);
    const engineEvents = events.map((e) => ({ record: recordOf(e), eventType: e.eventType, party: e.party, occurredAt: e.occurredAt }));
    const outcome = await this.inTransaction(
      true,
      (engine) => engine.applyBatch(engineEvents),
      async (em, outcome) => {
        const cause = new Map(events.map((e) => [recordOf(e), e.eventId]));
        await this.publishChanges(em, outcome, (record) => cause.get(record) ?? null);
      },
    );
    // The changes first: a service reading both topics sees a merge before the events keyed by its survivor.
    await this.relay.flush();
    const resolved = messages.map(({ value: event, bytes }): Republished<CanonicalEvent, 'profileId'> => {
      const profileId = outcome.profileOf.get(recordOf(event)) ?? null;
      return {
        key: profileId ?? recordOf(event),
        bytes,
        value: event,
        fieldValue: profileId,
        headers: { [Headers.eventId]: event.eventId, [Headers.ingestedAt]: String(event.ingestedAt) },
      };
    });
    await this.publisher.republish(Topics.canonicalEvents, Topics.resolvedEvents, 'profileId', resolved);
    return outcome;
  }

  /** Records a steward's decision about two records and re-partitions around them. */
  async decide(a: string, b: string, kind: StewardDecision['kind'], reason: string, decidedBy: string): Promise<BatchOutcome> {
    return this.inTransaction(
      false,
      async (engine, em) => {
        await this.graph.decide(em, a, b, kind, reason, decidedBy);
        return engine.reconsider([a, b]);
      },
      (em, outcome) => this.publishChanges(em, outcome, () => null),
    );
  }

  /** Withdraws a steward's decision; the rules decide about the two records again. */
  async withdraw(a: string, b: string): Promise<BatchOutcome | null> {
    let found = false;
    const outcome = await this.inTransaction(
      false,
      async (engine, em) => {
        found = await this.graph.withdraw(em, a, b);
        return engine.reconsider([a, b]);
      },
      (em, outcome) => this.publishChanges(em, outcome, () => null),
    );
    return found ? outcome : null;
  }

  /** `reuse`: the change may start from the store the last one left and leave its own (a batch; a steward's change writes what no store holds). */
  private inTransaction(
    reuse: boolean,
    run: (engine: IdentityEngine, em: EntityManager) => Promise<BatchOutcome>,
    publish: (em: EntityManager, outcome: BatchOutcome) => Promise<void>,
  ): Promise<BatchOutcome> {
    const next = this.queue.then(() => this.change(reuse, run, publish));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async change(
    reuse: boolean,
    run: (engine: IdentityEngine, em: EntityManager) => Promise<BatchOutcome>,
    publish: (em: EntityManager, outcome: BatchOutcome) => Promise<void>,
  ): Promise<BatchOutcome> {
    const warm = this.warm;
    // Until this change commits, no store is known to be what is stored.
    this.warm = null;
    const { outcome, store, version } = await this.dataSource.transaction(async (em) => {
      const phase = (name: string) => this.batchSeconds.startTimer({ phase: name });
      let done = phase('lock');
      await this.graph.lockGraph(em);
      const version = await this.graph.bumpVersion(em);
      done();
      const reused = reuse && warm !== null && warm.version === version - 1;
      const store = reused ? warm.store : new PostgresGraphStore(em, this.config);
      if (reused) store.begin(em);
      if (reuse) this.batches.inc({ store: reused ? 'warm' : 'cold' });
      const engine = new IdentityEngine(this.config, store);
      done = phase('engine');
      const outcome = await run(engine, em);
      done();
      done = phase('flush');
      await store.flush();
      done();
      done = phase('publish');
      await publish(em, outcome);
      done();
      this.batchSeconds.observe({ phase: 'queries' }, store.stats.queryMs / 1000);
      for (const [statement, { calls, ms }] of store.stats.statements) {
        this.statementCalls.inc({ statement }, calls);
        this.statementSeconds.inc({ statement }, ms / 1000);
      }
      for (const [counter, n] of Object.entries(engine.stats) as [keyof EngineStats, number][]) if (n > 0) this.work.inc({ counter }, n);
      if (store.stats.lazyLoads > 50) this.logger.debug(`batch needed ${store.stats.lazyLoads} loads beyond its prefetch`);
      return { outcome, store, version };
    });
    // Committed: the store's memory is what is stored now.
    if (reuse && this.cacheRecords > 0) {
      store.settle();
      this.evicted.inc(store.evict(this.cacheRecords));
      this.warm = { store, version };
    }
    return outcome;
  }

  /** Identity changes, then the golden records of the changed profiles and tombstones for the ended ones. */
  private async publishChanges(em: EntityManager, outcome: BatchOutcome, causeOf: (record: string) => string | null): Promise<void> {
    const now = Date.now();
    const changes = outcome.changes.map((c) => this.identityChange(c, now, causeOf));
    for (const c of outcome.changes) this.changes.inc({ kind: c.kind });
    await this.timed('outbox identity changes', () => this.outbox.add(em, Topics.identityChanges, changes));
    const changed = [...outcome.changedProfiles];
    await this.timed('profiles touch', () => this.graph.touchProfiles(em, changed));
    const facts = await this.timed('profile facts', () => this.graph.profileFacts(em, changed));
    const profiles: Outgoing<Profile>[] = [...facts.values()].map((f) => ({ key: f.profileId, value: profileRecord(f, this.config) }));
    await this.timed('outbox profiles', () => this.outbox.add(em, Topics.profiles, profiles));
    await this.outbox.addTombstones(em, Topics.profiles, [...outcome.droppedProfiles.keys()]);
  }

  /** A statement of the publish phase, counted with the graph store's (its encoding included for the outbox). */
  private async timed<T>(statement: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.statementCalls.inc({ statement });
      this.statementSeconds.inc({ statement }, (performance.now() - started) / 1000);
    }
  }

  /** The record behind a merge or split, and the link that holds it in the profile now. */
  private cause(cause: Cause | null, causeOf: (record: string) => string | null) {
    if (!cause) return {};
    return {
      ...splitRecord(cause.record),
      causeEventId: causeOf(cause.record),
      rule: cause.link?.rule ?? null,
      matchedValues: [...(cause.link?.values ?? [])],
      score: cause.link?.score ?? null,
    };
  }

  private identityChange(c: GraphChange, occurredAt: number, causeOf: (record: string) => string | null): Outgoing<IdentityChange> {
    const base = {
      absorbedProfileIds: [],
      partProfileIds: [],
      previousProfileId: null,
      score: null,
      householdId: null,
      source: null,
      sourceRecordId: null,
      rule: null,
      matchedValues: [],
      causeEventId: null,
      occurredAt,
    };
    switch (c.kind) {
      case 'record-assigned': {
        const cause = causeOf(c.record);
        return {
          key: c.profile,
          value: {
            ...base,
            ...splitRecord(c.record),
            changeId: `assign:${c.record}:${c.profile}:${cause ?? occurredAt}`,
            kind: 'RECORD_ASSIGNED',
            profileId: c.profile,
            previousProfileId: c.previous,
            rule: c.link?.rule ?? null,
            matchedValues: [...(c.link?.values ?? [])],
            score: c.link?.score ?? null,
            causeEventId: cause,
          },
        };
      }
      case 'record-removed':
        return {
          key: c.previous,
          value: {
            ...base,
            ...splitRecord(c.record),
            changeId: `remove:${c.record}:${c.previous}`,
            kind: 'RECORD_REMOVED',
            profileId: c.previous,
            previousProfileId: c.previous,
            causeEventId: causeOf(c.record),
          },
        };
      case 'profiles-merged':
        return {
          key: c.profile,
          value: {
            ...base,
            ...this.cause(c.cause, causeOf),
            changeId: `merge:${c.profile}:${c.absorbed.join(',')}`,
            kind: 'PROFILES_MERGED',
            profileId: c.profile,
            absorbedProfileIds: [...c.absorbed],
          },
        };
      case 'household-changed':
        return {
          key: c.profile,
          value: {
            ...base,
            changeId: `household:${c.profile}:${c.household ?? 'none'}:${occurredAt}`,
            kind: 'HOUSEHOLD_CHANGED',
            profileId: c.profile,
            householdId: c.household,
          },
        };
      case 'profile-split':
        return {
          key: c.profile,
          value: {
            ...base,
            ...this.cause(c.cause, causeOf),
            changeId: `split:${c.profile}:${c.parts.join(',')}`,
            kind: 'PROFILE_SPLIT',
            profileId: c.profile,
            partProfileIds: [...c.parts],
          },
        };
    }
  }
}
