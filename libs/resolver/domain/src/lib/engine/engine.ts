// The identity engine: resolves events about source records online, in the order they arrive,
// knowing about each identifier value only what the records seen so far say, and ends with the
// same profiles whatever that order (docs/matching.md, "The online algorithm"). A profile is a
// function of the records and their links, not of the order that built it, so every replay, every
// arrival order and every number of resolver instances ends with the same profiles.
//
// Per event (`apply`)
//   1. Accumulate the record's party; rebuild its evidence. Unchanged evidence (most events:
//      purchases, opens, page views) changes nothing else.
//   2. Update the indexes: the values it holds, its addresses, its blocking keys.
//   3. Assess again every value the record holds or held, and every household value (a landline)
//      held at its addresses (its cohabitants changed).
//   4. Drop the record's links and compute them again against the records its usable blocking keys
//      reach: one `match` per candidate, always in the orientation smaller id → larger id.
//   5. Every link that used a value whose status became stricter is checked again; for a value
//      that became less strict, every pair of its holders is compared again.
// Per batch (`applyBatch`), after its events
//   6. Re-partition the groups holding a record whose links changed: their profiles' records and
//      everything linked to them. Steward force-links are applied first, then links strongest
//      first; each joins two groups unless their evidence conflicts, a steward never-linked two of
//      their records, or the result would exceed maxClusterSize (quarantined for a steward).
//   7. Profile ids: an id stays with the group holding most of its records (the largest part of a
//      split keeps it); a group inheriting several keeps the oldest and the others become its
//      aliases; a group inheriting none gets a new id. Each change is reported.
import type { CanonicalEvent, Party } from '@c360/schemas';
import { type ProfileEvidence, type RecordEvidence, buildEvidence, identifierTypeOf, profileEvidence, recordAsProfile } from '../evidence';
import { type MatchingConfig, maxRecordsPerValue } from '../matching-config';
import { type ValueStatus, assessValue, exceedsClusterSize, isHouseholdValue } from '../protection';
import { type MatchContext, conflicts, match } from '../rules';
import { blockingKeys } from '../blocking';
import { householdMatch } from '../households';
import type { GraphStore, Link, PrefetchNeeds, RecordState, StewardDecision, ValueState } from './graph-store';
import { sameJson } from './same-party';

/** What the engine receives: an event about a source record ('source:sourceRecordId'). */
export interface EngineEvent {
  readonly record: string;
  readonly eventType: CanonicalEvent['eventType'];
  readonly party: Party;
  /** When it happened at the source, epoch ms. */
  readonly occurredAt: number;
}

/** A change to the identity graph, as the resolver publishes it. */
export type GraphChange =
  | {
      readonly kind: 'record-assigned';
      readonly record: string;
      readonly profile: string;
      readonly previous: string | null;
      /** The strongest link that holds the record in its profile; null for a record alone. */
      readonly link: Link | null;
    }
  | { readonly kind: 'record-removed'; readonly record: string; readonly previous: string }
  | { readonly kind: 'profiles-merged'; readonly profile: string; readonly absorbed: readonly string[]; readonly cause: Cause | null }
  | { readonly kind: 'profile-split'; readonly profile: string; readonly parts: readonly string[]; readonly cause: Cause | null }
  | { readonly kind: 'household-changed'; readonly profile: string; readonly household: string | null; readonly previous: string | null };

type HouseholdChange = Extract<GraphChange, { kind: 'household-changed' }>;

/** An event's party and evidence, built once per batch. */
interface Prepared {
  readonly party: Party;
  readonly evidence: RecordEvidence;
  readonly evidenceJson: string;
  /** Its blocking keys, when its evidence differs from the record's before the event. */
  readonly keys: readonly string[] | null;
  /** The event left the record's party as it was (already compared here, not again per event). */
  readonly sameParty: boolean;
}

/** The record whose change (or steward decision) set a merge or split off, and its strongest link in the profile now. */
export interface Cause {
  readonly record: string;
  readonly link: Link | null;
}

export interface BatchOutcome {
  /** Every record an event of the batch was about → its profile now (null: deleted). */
  readonly profileOf: ReadonlyMap<string, string | null>;
  /** In the order they happened: merges and splits, then record assignments. */
  readonly changes: readonly GraphChange[];
  /** Profiles that exist after the batch and changed (records, evidence): their golden record is due. */
  readonly changedProfiles: ReadonlySet<string>;
  /** Profiles that ended, each with the profile its id resolves to now (null: none). */
  readonly droppedProfiles: ReadonlyMap<string, string | null>;
}

/** Counters: how much work the resolution did. */
export interface EngineStats {
  /** Records (re)resolved because their evidence changed. */
  resolutions: number;
  /** Candidate records compared while (re)resolving records. */
  candidates: number;
  /** `match` calls in all, re-checks included. */
  comparisons: number;
  /** Links checked again because a value they used changed status. */
  rechecks: number;
  statusChanges: number;
  partitions: number;
  partitionedRecords: number;
  /** Joins refused because the two groups' evidence conflicts. */
  refusedConflicts: number;
  /** Joins refused because a steward never-linked two of the records. */
  refusedNeverLinks: number;
  /** Joins refused because the profile would exceed maxClusterSize (quarantined for a steward). */
  quarantined: number;
}

const STRICTNESS: Record<ValueStatus, number> = { usable: 0, shared: 1, 'over-frequent': 2 };
const EMPTY_PARTY: Party = {
  name: null,
  dateOfBirth: null,
  emails: [],
  phones: [],
  addresses: [],
  identifiers: [],
  organisation: null,
  consents: [],
  extensions: {},
};

/**
 * A record's party after an event: RECORD_UPDATE replaces it (the source sends the whole record);
 * any other event adds what it carries (a till receipt's phone, a login's account id): a name or
 * date of birth replaces the one held, contact points and identifiers are added.
 */
export function accumulateParty(current: Party | null, event: Pick<EngineEvent, 'eventType' | 'party'>): Party {
  const next = event.party;
  if (event.eventType === 'RECORD_DELETE') return EMPTY_PARTY;
  if (current === null || event.eventType === 'RECORD_UPDATE') return next;
  const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] => {
    const seen = new Set(a.map(key));
    return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
  };
  return {
    name: next.name ?? current.name,
    dateOfBirth: next.dateOfBirth ?? current.dateOfBirth,
    emails: union(current.emails, next.emails, (e) => e.address),
    phones: union(current.phones, next.phones, (p) => p.number),
    addresses: union(current.addresses, next.addresses, (a) => a.key),
    identifiers: union(current.identifiers, next.identifiers, (i) => `${i.type}:${i.issuer ?? ''}:${i.value}`),
    organisation: next.organisation ?? current.organisation,
    consents: next.consents.length > 0 ? next.consents : current.consents,
    extensions: { ...current.extensions, ...next.extensions },
  };
}

const sortedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function newEngineStats(): EngineStats {
  return {
    resolutions: 0,
    candidates: 0,
    comparisons: 0,
    rechecks: 0,
    statusChanges: 0,
    partitions: 0,
    partitionedRecords: 0,
    refusedConflicts: 0,
    refusedNeverLinks: 0,
    quarantined: 0,
  };
}

export class IdentityEngine {
  private readonly rank: ReadonlyMap<string, number>;
  readonly stats: EngineStats = newEngineStats();

  constructor(
    readonly config: MatchingConfig,
    private readonly store: GraphStore,
  ) {
    this.rank = new Map(config.rules.map((r, i) => [r.name, i]));
  }

  /** Applies a batch of events in order, then re-partitions what they touched. */
  async applyBatch(events: readonly EngineEvent[]): Promise<BatchOutcome> {
    const records = await this.store.records(
      events.map((e) => e.record),
      true,
    );
    const prepared = this.prepare(events, records);
    if (this.store.prefetch) await this.store.prefetch(this.needs(records, events, prepared));
    const touched = new Set<string>();
    const changed = new Set<string>();
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const state = records.get(event.record) ?? null;
      const after = await this.apply(state, event, prepared[i]!, touched, changed);
      records.set(after.id, after);
    }
    return this.repartition(touched, changed, records, events);
  }

  /**
   * Each event's accumulated party and evidence, in order per record, built once for the prefetch
   * and the events. Evidence is a function of the party and the rules (their fingerprint): a party
   * an event leaves as it was keeps the evidence it has (most events repeat what the record says).
   */
  private prepare(events: readonly EngineEvent[], records: ReadonlyMap<string, RecordState>): Prepared[] {
    const last = new Map<string, { party: Party | null; evidence: RecordEvidence | null; evidenceJson: string }>();
    for (const [id, r] of records) {
      const current = r.fingerprint === this.config.evidenceFingerprint;
      last.set(id, { party: r.party, evidence: current ? r.evidence : null, evidenceJson: current ? r.evidenceJson : '' });
    }
    return events.map((event) => {
      const before = last.get(event.record);
      const party = accumulateParty(before?.party ?? null, event);
      if (before?.evidence && before.party !== null && sameJson(before.party, party)) {
        last.set(event.record, { party, evidence: before.evidence, evidenceJson: before.evidenceJson });
        return { party, evidence: before.evidence, evidenceJson: before.evidenceJson, keys: null, sameParty: true };
      }
      const evidence = buildEvidence(party, this.config);
      const evidenceJson = JSON.stringify(evidence);
      const keys = evidenceJson === before?.evidenceJson || event.eventType === 'RECORD_DELETE' ? null : blockingKeys(evidence, this.config);
      last.set(event.record, { party, evidence, evidenceJson });
      return { party, evidence, evidenceJson, keys, sameParty: false };
    });
  }

  /**
   * What the batch's resolutions will reach. Only records whose evidence an event changes are
   * resolved again (most events, purchases and opens, change nothing), so only theirs count: the
   * others need their own state and nothing around it.
   */
  private needs(records: ReadonlyMap<string, RecordState>, events: readonly EngineEvent[], prepared: readonly Prepared[]): PrefetchNeeds {
    const values = new Set<string>();
    const keys = new Set<string>();
    const addresses = new Set<string>();
    const add = (e: RecordEvidence, k: readonly string[] | null) => {
      for (const v of e.identifiers) values.add(v);
      for (const a of e.addresses) addresses.add(a);
      for (const x of k ?? []) keys.add(x);
    };
    const resolving = new Set<string>();
    events.forEach((event, i) => {
      const before = records.get(event.record);
      const deletes = event.eventType === 'RECORD_DELETE';
      if (prepared[i]!.keys !== null || !before || before.deleted !== deletes) resolving.add(event.record);
    });
    for (const r of records.values()) if (resolving.has(r.id)) add(r.evidence, r.keys);
    prepared.forEach((p, i) => {
      if (resolving.has(events[i]!.record)) add(p.evidence, p.keys);
    });
    return { values, keys, addresses };
  }

  /** Re-partitions around records after a steward decision about them. */
  async reconsider(recordIds: readonly string[]): Promise<BatchOutcome> {
    const records = await this.store.records(recordIds);
    return this.repartition(new Set(records.keys()), new Set(), records, []);
  }

  // --- one event ------------------------------------------------------------------------------

  /** `touched`: records whose links may have changed; `changed`: records whose party changed (their golden record is due). */
  private async apply(existing: RecordState | null, event: EngineEvent, prepared: Prepared, touched: Set<string>, changed: Set<string>): Promise<RecordState> {
    const { party, evidence, evidenceJson } = prepared;
    const deleted = event.eventType === 'RECORD_DELETE';
    if (existing && existing.evidenceJson === evidenceJson && existing.fingerprint === this.config.evidenceFingerprint && existing.deleted === deleted) {
      if (!deleted && !prepared.sameParty && !sameJson(existing.party, party)) {
        existing.party = party;
        existing.observedAt = Math.max(existing.observedAt, event.occurredAt);
        changed.add(existing.id);
      }
      return existing;
    }
    changed.add(event.record);
    this.stats.resolutions++;
    const state = existing ?? this.store.createRecord(event.record, party, event.occurredAt);
    const before: RecordEvidence | null = existing ? existing.evidence : null;
    state.party = deleted ? null : party;
    state.observedAt = Math.max(state.observedAt, event.occurredAt);
    state.evidence = evidence;
    state.evidenceJson = evidenceJson;
    state.fingerprint = this.config.evidenceFingerprint;
    state.deleted = deleted;
    touched.add(state.id);

    // 1. Indexes: the values the record carries, its addresses, its blocking keys.
    const touchedValues = new Set<string>();
    for (const key of before?.identifiers ?? []) {
      if (evidence.identifiers.includes(key)) continue;
      const value = await this.store.value(key);
      value.holders?.delete(state.id);
      value.count--;
      touchedValues.add(key);
    }
    for (const key of evidence.identifiers) {
      touchedValues.add(key);
      if (before?.identifiers.includes(key)) continue;
      const value = await this.store.value(key);
      value.holders?.add(state.id);
      value.count++;
    }
    for (const a of before?.addresses ?? []) if (!evidence.addresses.includes(a)) (await this.store.atAddress(a)).delete(state.id);
    for (const a of evidence.addresses) (await this.store.atAddress(a)).add(state.id);
    // Household values (a landline) held by anyone at the record's addresses: their cohabitants changed.
    for (const a of new Set([...(before?.addresses ?? []), ...evidence.addresses])) {
      const around = await this.store.records(await this.store.atAddress(a));
      for (const other of around.values()) {
        for (const key of other.evidence.identifiers) if (!touchedValues.has(key) && (await this.isHouseholdKey(key))) touchedValues.add(key);
      }
    }
    const limit = this.config.file.blocking.maxRecordsPerKey;
    for (const key of state.keys) {
      const index = await this.store.index(key, limit);
      index.members?.delete(state.id);
      index.count--;
    }
    state.keys = deleted ? [] : (prepared.keys ?? blockingKeys(evidence, this.config));
    for (const key of state.keys) {
      const index = await this.store.index(key, limit);
      index.members?.add(state.id);
      index.count++;
    }

    // 2. Value statuses, as known now.
    const loosened = new Set<string>();
    const tightened = new Set<string>();
    const nameless = evidence.names.length === 0 && evidence.birthDates.length === 0 && !this.carriesConflictType(evidence);
    const wasNameless = before === null || before.names.length + before.birthDates.length === 0;
    for (const key of touchedValues) {
      const change = await this.assess(key, nameless && wasNameless);
      if (change === 'loosened') loosened.add(key);
      if (change === 'tightened') tightened.add(key);
    }

    // 3. The record's own links, against the records its blocking keys reach.
    for (const other of state.links.keys()) touched.add(other);
    await this.dropLinks(state);
    if (!deleted) {
      for (const candidate of await this.candidates(state)) {
        this.stats.candidates++;
        await this.link(state.id, candidate);
        touched.add(candidate);
      }
    }

    // 4. Links that used a value whose status changed are checked again.
    await this.recheck(loosened, tightened, touched);
    return state;
  }

  private carriesConflictType(e: RecordEvidence): boolean {
    const types = this.config.file.conflict.identifierTypes as readonly string[];
    return types.length > 0 && e.identifiers.some((k) => types.includes(identifierTypeOf(k)));
  }

  // --- values ---------------------------------------------------------------------------------

  private async holderEvidence(value: ValueState): Promise<RecordEvidence[]> {
    const holders = await this.store.records(await this.store.holders(value.key));
    return [...holders.values()].sort((x, y) => (x.id < y.id ? -1 : 1)).map((r) => r.evidence);
  }

  private async isHouseholdKey(key: string): Promise<boolean> {
    const value = await this.store.value(key);
    // An over-frequent value stays so while it has that many holders, whatever its kind.
    if (value.count === 0 || value.count > maxRecordsPerValue(this.config, identifierTypeOf(key))) return false;
    return isHouseholdValue(key, await this.holderEvidence(value), this.config);
  }

  /**
   * Assesses a value again from its holders (and, for a household value, the records at their
   * addresses). Returns whether its status became more restricted, less restricted, or stayed.
   */
  private async assess(key: string, countOnly: boolean): Promise<'tightened' | 'loosened' | null> {
    const value = await this.store.value(key);
    const old = value.status;
    let status: ValueStatus;
    if (value.count > maxRecordsPerValue(this.config, identifierTypeOf(key))) status = 'over-frequent';
    else if (countOnly && old !== 'over-frequent') {
      // No new conflict among the holders: only what the value's kind says can change its status
      // (a family mailbox is shared from its first holder on).
      const byKind = assessValue(key, { holders: [], recordCount: value.count }, this.config).status;
      status = byKind === 'usable' ? old : byKind;
    } else {
      const holders = await this.holderEvidence(value);
      let cohabitants: RecordEvidence[] = [];
      if (isHouseholdValue(key, holders, this.config)) {
        const holderIds = await this.store.holders(key);
        const around = new Set<string>();
        for (const h of (await this.store.records(holderIds)).values())
          for (const a of h.evidence.addresses) for (const c of await this.store.atAddress(a)) around.add(c);
        for (const h of holderIds) around.delete(h);
        cohabitants = [...(await this.store.records(around)).values()].sort((x, y) => (x.id < y.id ? -1 : 1)).map((r) => r.evidence);
      }
      status = assessValue(key, { holders, cohabitants }, this.config).status;
    }
    if (status === old) return null;
    value.status = status;
    this.stats.statusChanges++;
    return STRICTNESS[status] > STRICTNESS[old] ? 'tightened' : 'loosened';
  }

  /** The statuses of the values two records share: the context their `match` runs under. */
  private async contextFor(a: RecordEvidence, b: RecordEvidence): Promise<MatchContext> {
    const shared = new Set<string>();
    const overFrequent = new Set<string>();
    const theirs = new Set(b.identifiers);
    for (const key of a.identifiers) {
      if (!theirs.has(key)) continue;
      const { status } = await this.store.value(key);
      if (status === 'shared') shared.add(key);
      if (status === 'over-frequent') overFrequent.add(key);
    }
    return { shared, overFrequent };
  }

  // --- links ----------------------------------------------------------------------------------

  private async candidates(state: RecordState): Promise<Set<string>> {
    const found = new Set<string>();
    const limit = this.config.file.blocking.maxRecordsPerKey;
    const identifiers = new Set(state.evidence.identifiers);
    for (const key of state.keys) {
      if (identifiers.has(key) && (await this.store.value(key)).status === 'over-frequent') continue;
      const index = await this.store.index(key, limit);
      if (index.count > limit || !index.members) continue;
      for (const other of index.members) if (other !== state.id) found.add(other);
    }
    return found;
  }

  /** Compares two records in a fixed orientation (the result does not depend on which came first) and links them if a rule holds. */
  private async link(x: string, y: string): Promise<boolean> {
    const [a, b] = sortedPair(x, y);
    const pair = await this.store.records([a, b]);
    const ra = pair.get(a);
    const rb = pair.get(b);
    if (!ra || !rb) return false;
    ra.links.delete(b);
    rb.links.delete(a);
    if (ra.deleted || rb.deleted) return false;
    this.stats.comparisons++;
    const m = match(ra.evidence, recordAsProfile(b, rb.evidence), this.config, await this.contextFor(ra.evidence, rb.evidence));
    if (!m) return false;
    const values = m.matched.filter((v) => v.field === 'identifier' && v.record !== null).map((v) => v.record!);
    const l: Link = { a, b, rule: m.rule, rank: this.rank.get(m.rule)!, score: m.score, values, matched: m.matched };
    ra.links.set(b, l);
    rb.links.set(a, l);
    return true;
  }

  private async dropLinks(state: RecordState): Promise<void> {
    const others = await this.store.records(state.links.keys());
    for (const other of others.values()) other.links.delete(state.id);
    state.links.clear();
  }

  /**
   * Values whose status changed: links that used one are checked again; when a value became less
   * restricted, every pair of its holders is compared again, as a link between them may hold now.
   */
  private async recheck(loosened: ReadonlySet<string>, tightened: ReadonlySet<string>, touched: Set<string>): Promise<void> {
    for (const key of tightened) {
      for (const h of (await this.store.records(await this.store.holders(key))).values()) {
        for (const l of [...h.links.values()]) {
          if (!l.values.includes(key)) continue;
          this.stats.rechecks++;
          await this.link(l.a, l.b);
          touched.add(l.a).add(l.b);
        }
      }
    }
    for (const key of loosened) {
      const value = await this.store.value(key);
      if (value.status === 'over-frequent') continue;
      const holders = [...(await this.store.holders(key))].sort();
      for (let i = 0; i < holders.length; i++) {
        for (let j = i + 1; j < holders.length; j++) {
          this.stats.rechecks++;
          await this.link(holders[i]!, holders[j]!);
          touched.add(holders[i]!).add(holders[j]!);
        }
      }
    }
  }

  // --- profiles -------------------------------------------------------------------------------

  /**
   * Re-partitions the groups holding the touched records: the records of their current profiles
   * and everything linked (or force-linked) to them form the area; force-links join first, then
   * links strongest first, each joining two groups unless their evidence conflicts, a steward
   * never-linked two of their records, or the result would be too big.
   */
  private async repartition(
    touched: ReadonlySet<string>,
    changed: ReadonlySet<string>,
    batchRecords: ReadonlyMap<string, RecordState>,
    events: readonly EngineEvent[],
  ): Promise<BatchOutcome> {
    const area = new Map<string, RecordState>();
    const decisions: StewardDecision[] = [];
    const seenDecisions = new Set<string>();
    let frontier = [...touched];
    const profilesSeen = new Set<string>();
    while (frontier.length > 0) {
      const loaded = await this.store.records(frontier.filter((id) => !area.has(id)));
      const next = new Set<string>();
      for (const r of loaded.values()) area.set(r.id, r);
      for (const r of loaded.values()) {
        for (const other of r.links.keys()) if (!area.has(other)) next.add(other);
        if (r.profile !== null && !profilesSeen.has(r.profile)) {
          profilesSeen.add(r.profile);
          for (const m of await this.store.members(r.profile)) if (!area.has(m)) next.add(m);
        }
      }
      for (const d of await this.store.decisions(loaded.keys())) {
        const key = `${d.kind}\u0000${pairKey(d.a, d.b)}`;
        if (seenDecisions.has(key)) continue;
        seenDecisions.add(key);
        decisions.push(d);
        for (const id of [d.a, d.b]) if (!area.has(id)) next.add(id);
      }
      frontier = [...next];
    }
    this.stats.partitions++;
    this.stats.partitionedRecords += area.size;

    const live = [...area.values()].filter((r) => !r.deleted).sort((x, y) => (x.id < y.id ? -1 : 1));
    const parent = new Map(live.map((r) => [r.id, r.id]));
    const members = new Map(live.map((r) => [r.id, [r.id]]));
    const evidence = new Map<string, ProfileEvidence>();
    const find = (id: string): string => {
      let root = id;
      while (parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    const groupEvidence = (root: string) => {
      let e = evidence.get(root);
      if (!e) {
        const list = members.get(root)!.map((id) => ({ recordId: id, evidence: area.get(id)!.evidence }));
        evidence.set(root, (e = list.length === 1 ? recordAsProfile(list[0]!.recordId, list[0]!.evidence) : profileEvidence(list)));
      }
      return e;
    };
    const never = new Map<string, Set<string>>();
    for (const d of decisions) {
      if (d.kind !== 'never-link') continue;
      (never.get(d.a) ?? never.set(d.a, new Set()).get(d.a)!).add(d.b);
      (never.get(d.b) ?? never.set(d.b, new Set()).get(d.b)!).add(d.a);
    }
    const neverBetween = (x: string, y: string) => {
      const [small, other] = members.get(x)!.length <= members.get(y)!.length ? [x, y] : [y, x];
      return members.get(small)!.some((id) => [...(never.get(id) ?? [])].some((n) => parent.has(n) && find(n) === other));
    };
    const join = (x: string, y: string) => {
      const [keep, gone] = x < y ? [x, y] : [y, x];
      parent.set(gone, keep);
      members.get(keep)!.push(...members.get(gone)!);
      members.delete(gone);
      evidence.delete(keep);
      evidence.delete(gone);
    };
    // A steward's force-link joins whatever the rules say.
    for (const d of decisions.filter((x) => x.kind === 'force-link').sort((x, y) => pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)))) {
      if (!parent.has(d.a) || !parent.has(d.b)) continue;
      const [ra, rb] = [find(d.a), find(d.b)];
      if (ra !== rb && !neverBetween(ra, rb)) join(ra, rb);
    }
    const links: Link[] = [];
    for (const r of live) for (const l of r.links.values()) if (l.a === r.id && parent.has(l.b)) links.push(l);
    links.sort((x, y) => x.rank - y.rank || y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    for (const l of links) {
      const [ra, rb] = [find(l.a), find(l.b)];
      if (ra === rb) continue;
      if (never.size > 0 && neverBetween(ra, rb)) {
        this.stats.refusedNeverLinks++;
        continue;
      }
      if (conflicts(groupEvidence(ra), groupEvidence(rb), this.config)) {
        this.stats.refusedConflicts++;
        continue;
      }
      if (exceedsClusterSize(members.get(ra)!.length + members.get(rb)!.length, this.config)) {
        this.stats.quarantined++;
        continue;
      }
      join(ra, rb);
    }
    const outcome = await this.assignProfiles([...members.values()], area, touched, changed, batchRecords, events);
    const households = await this.updateHouseholds(outcome.changedProfiles);
    for (const c of households) (outcome.changedProfiles as Set<string>).add(c.profile);
    return { ...outcome, changes: [...outcome.changes, ...households] };
  }

  // --- households -----------------------------------------------------------------------------

  /** A profile's evidence, from its live records, oldest first. */
  private async evidenceOfProfile(profile: string): Promise<ProfileEvidence | null> {
    const records = [...(await this.store.records(await this.store.members(profile))).values()].filter((r) => !r.deleted);
    if (records.length === 0) return null;
    records.sort((a, b) => a.seq - b.seq);
    return records.length === 1 ? recordAsProfile(records[0]!.id, records[0]!.evidence) : profileEvidence(records.map((r) => ({ recordId: r.id, evidence: r.evidence })));
  }

  /** Profiles that may share a household with this one: through its phones and emails (not over-frequent) and its addresses. */
  private async householdCandidates(evidence: ProfileEvidence): Promise<Set<string>> {
    const records = new Set<string>();
    for (const key of evidence.identifiers) {
      if (!(key.startsWith('PHONE:') || key.startsWith('EMAIL:'))) continue;
      if ((await this.store.value(key)).status === 'over-frequent') continue;
      for (const h of await this.store.holders(key)) records.add(h);
    }
    for (const a of evidence.addresses) for (const r of await this.store.atAddress(a)) records.add(r);
    const profiles = new Set<string>();
    for (const r of (await this.store.records(records)).values()) if (r.profile !== null) profiles.add(r.profile);
    return profiles;
  }

  /** In bulk, for a store that prefetches: the profiles' records, then what their phones, emails and addresses reach. */
  private async prefetchHouseholdEvidence(profiles: ReadonlySet<string>): Promise<void> {
    if (!this.store.prefetch || profiles.size === 0) return;
    await this.store.prefetch({ values: new Set(), keys: new Set(), addresses: new Set(), profiles });
    const values = new Set<string>();
    const addresses = new Set<string>();
    for (const p of profiles) {
      for (const r of (await this.store.records(await this.store.members(p))).values()) {
        for (const v of r.evidence.identifiers) if (v.startsWith('PHONE:') || v.startsWith('EMAIL:')) values.add(v);
        for (const a of r.evidence.addresses) addresses.add(a);
      }
    }
    await this.store.prefetch({ values, keys: new Set(), addresses });
  }

  /**
   * Households of the profiles a batch changed: the changed profiles, the profiles they may share a
   * household with, and the other members of those profiles' households are grouped again by the
   * household rules (edges between profiles, never merges). A household keeps its id with the
   * group holding most of its members; a profile alone is in no household.
   */
  private async updateHouseholds(changed: ReadonlySet<string>): Promise<HouseholdChange[]> {
    await this.prefetchHouseholdEvidence(changed);
    const evidence = new Map<string, ProfileEvidence | null>();
    const ev = async (p: string) => {
      if (!evidence.has(p)) evidence.set(p, await this.evidenceOfProfile(p));
      return evidence.get(p)!;
    };
    const candidates = new Map<string, Set<string>>();
    const candidatesOf = async (p: string) => {
      let c = candidates.get(p);
      if (!c) {
        const e = await ev(p);
        candidates.set(p, (c = e ? await this.householdCandidates(e) : new Set()));
        c.delete(p);
      }
      return c;
    };
    const area = new Set<string>();
    for (const p of changed) {
      if ((await ev(p)) === null) continue;
      area.add(p);
      for (const q of await candidatesOf(p)) area.add(q);
    }
    const before = await this.store.householdsOf([...area]);
    for (const h of new Set([...before.values()].filter((h): h is string => h !== null))) for (const p of await this.store.householdMembers(h)) area.add(p);
    const previous = await this.store.householdsOf([...area]);
    // Every profile of the area has its candidates looked at below: theirs too, in bulk.
    await this.prefetchHouseholdEvidence(new Set([...area].filter((p) => !candidates.has(p))));
    const ids = [...area].sort();
    const parent = new Map(ids.map((p) => [p, p]));
    const find = (p: string): string => {
      let root = p;
      while (parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    for (const p of ids) {
      const a = await ev(p);
      if (!a) continue;
      for (const q of [...(await candidatesOf(p))].sort()) {
        if (q <= p || !parent.has(q) || find(p) === find(q)) continue;
        const b = await ev(q);
        if (!b) continue;
        const overFrequent = new Set<string>();
        for (const key of a.identifiers) if (b.identifierSet.has(key) && (await this.store.value(key)).status === 'over-frequent') overFrequent.add(key);
        if (householdMatch(a, b, this.config, { overFrequent })) {
          const [x, y] = [find(p), find(q)];
          parent.set(x < y ? y : x, x < y ? x : y);
        }
      }
    }
    const groups = new Map<string, string[]>();
    for (const p of ids) (groups.get(find(p)) ?? groups.set(find(p), []).get(find(p))!).push(p);
    const seqs = await this.store.profileSeqs(ids);
    const households = [...groups.values()].filter((g) => g.length > 1);
    // A household id stays with the group holding most of its members (ties: the group with the oldest profile).
    const claims = new Map<string, { group: number; count: number; oldest: number }>();
    households.forEach((g, i) => {
      const oldest = Math.min(...g.map((p) => seqs.get(p) ?? Number.MAX_SAFE_INTEGER));
      const counts = new Map<string, number>();
      for (const p of g) {
        const h = previous.get(p);
        if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
      }
      for (const [h, count] of counts) {
        const best = claims.get(h);
        if (!best || count > best.count || (count === best.count && oldest < best.oldest)) claims.set(h, { group: i, count, oldest });
      }
    });
    const idOf = new Map<number, string>();
    for (const [h, claim] of [...claims].sort((x, y) => y[1].count - x[1].count || x[1].oldest - y[1].oldest || (x[0] < y[0] ? -1 : 1)))
      if (!idOf.has(claim.group)) idOf.set(claim.group, h);
    const now = new Map<string, string | null>(ids.map((p) => [p, null]));
    households.forEach((g, i) => {
      const id = idOf.get(i) ?? this.store.createHousehold();
      for (const p of g) now.set(p, id);
    });
    const changes: HouseholdChange[] = [];
    for (const p of ids) {
      const was = previous.get(p) ?? null;
      const is = now.get(p) ?? null;
      if (was === is) continue;
      this.store.setHousehold(p, is);
      changes.push({ kind: 'household-changed', profile: p, household: is, previous: was });
    }
    return changes;
  }

  /**
   * Gives each group a profile id: an id stays with the group holding most of its records (ties:
   * the group with the oldest record); a group that inherits several keeps the oldest profile's id
   * and the others become its aliases; a group with none gets a new id. Reports what changed.
   */
  private async assignProfiles(
    groups: readonly string[][],
    area: ReadonlyMap<string, RecordState>,
    touched: ReadonlySet<string>,
    changed: ReadonlySet<string>,
    batchRecords: ReadonlyMap<string, RecordState>,
    events: readonly EngineEvent[],
  ): Promise<BatchOutcome> {
    const old = new Set<string>();
    for (const r of area.values()) if (r.profile !== null) old.add(r.profile);
    const seqs = await this.store.profileSeqs([...old]);
    const claims = new Map<string, { group: number; count: number; oldest: number }>();
    groups.forEach((g, i) => {
      const counts = new Map<string, number>();
      for (const id of g) {
        const p = area.get(id)!.profile;
        if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
      }
      const oldest = Math.min(...g.map((id) => area.get(id)!.seq));
      for (const [p, count] of counts) {
        const best = claims.get(p);
        if (!best || count > best.count || (count === best.count && oldest < best.oldest)) claims.set(p, { group: i, count, oldest });
      }
    });
    const idOf = new Map<number, string>();
    const inherited = [...claims].sort((x, y) => (seqs.get(x[0]) ?? 0) - (seqs.get(y[0]) ?? 0) || (x[0] < y[0] ? -1 : 1));
    for (const [p, claim] of inherited) if (!idOf.has(claim.group)) idOf.set(claim.group, p);
    groups.forEach((g, i) => {
      if (!idOf.has(i)) idOf.set(i, this.store.createProfile([...g].sort((x, y) => area.get(x)!.seq - area.get(y)!.seq)));
    });

    const kept = new Set(idOf.values());
    const changes: GraphChange[] = [];
    const changedProfiles = new Set<string>();
    const dropped = new Map<string, string | null>();
    // Profiles that end: their id follows the group that took most of their records.
    for (const p of old) {
      if (kept.has(p)) continue;
      const claim = claims.get(p);
      const survivor = claim ? idOf.get(claim.group)! : null;
      dropped.set(p, survivor);
      this.store.dropProfile(p, survivor);
    }
    const strongest = (record: string, group: ReadonlySet<string>): Link | null => {
      let best: Link | null = null;
      for (const l of area.get(record)!.links.values()) {
        if (!group.has(l.a === record ? l.b : l.a)) continue;
        if (!best || l.rank < best.rank || (l.rank === best.rank && l.score > best.score)) best = l;
      }
      return best;
    };
    /** The first record of the group that the batch changed (or the steward named), with its strongest link. */
    const causeIn = (g: readonly string[]): Cause | null => {
      const sorted = [...g].sort();
      const record = sorted.find((r) => changed.has(r)) ?? sorted.find((r) => touched.has(r));
      return record ? { record, link: strongest(record, new Set(g)) } : null;
    };
    // Survivor → the profiles it absorbed (once for all groups: a batch has thousands of each).
    const absorbedBy = new Map<string, string[]>();
    for (const [p, s] of dropped) if (s !== null) (absorbedBy.get(s) ?? absorbedBy.set(s, []).get(s)!).push(p);
    groups.forEach((g, i) => {
      const id = idOf.get(i)!;
      const absorbed = absorbedBy.get(id)?.sort();
      if (absorbed) changes.push({ kind: 'profiles-merged', profile: id, absorbed, cause: causeIn(g) });
    });
    // Splits: a kept profile whose records went to several groups.
    const partsOf = new Map<string, Set<string>>();
    groups.forEach((g, i) => {
      for (const r of g) {
        const p = area.get(r)!.profile;
        if (p !== null && kept.has(p) && idOf.get(i) !== p) (partsOf.get(p) ?? partsOf.set(p, new Set()).get(p)!).add(idOf.get(i)!);
      }
    });
    const groupOf = new Map([...idOf].map(([i, id]) => [id, i]));
    for (const [p, parts] of partsOf) {
      const keptGroup = groups[groupOf.get(p)!]!;
      const cause = causeIn([p, ...parts].flatMap((id) => groups[groupOf.get(id)!]!));
      changes.push({ kind: 'profile-split', profile: p, parts: [...parts].sort(), cause: cause && { record: cause.record, link: strongest(cause.record, new Set(keptGroup)) } });
    }

    groups.forEach((g, i) => {
      const id = idOf.get(i)!;
      const group = new Set(g);
      for (const rid of g) {
        const r = area.get(rid)!;
        if (changed.has(rid)) changedProfiles.add(id);
        if (r.profile === id) continue;
        changedProfiles.add(id);
        if (r.profile !== null && kept.has(r.profile)) changedProfiles.add(r.profile);
        changes.push({ kind: 'record-assigned', record: rid, profile: id, previous: r.profile, link: strongest(rid, group) });
        this.store.assign(r, id);
      }
    });
    for (const r of area.values()) {
      if (!r.deleted || r.profile === null) continue;
      changes.push({ kind: 'record-removed', record: r.id, previous: r.profile });
      if (kept.has(r.profile)) changedProfiles.add(r.profile);
      this.store.assign(r, null);
    }
    const profileOf = new Map<string, string | null>();
    for (const e of events) profileOf.set(e.record, (area.get(e.record) ?? batchRecords.get(e.record))?.profile ?? null);
    // A record whose party changed without touching its links: its profile's golden record is due.
    for (const id of changed) {
      const p = (area.get(id) ?? batchRecords.get(id))?.profile;
      if (p) changedProfiles.add(p);
    }
    return { profileOf, changes, changedProfiles, droppedProfiles: dropped };
  }
}
