// The reference resolver: the algorithm the resolver service must implement, written as plainly as
// possible over in-memory maps (the service keeps the same state in Postgres). It is built only
// from @c360/resolver-domain's pure functions and resolves events online, one at a time, in the
// order they arrive, knowing about each identifier value only what the records seen so far say.
// tools/accuracy/matching-accuracy.spec.ts runs it over the generator's data in three arrival
// orders and scores it (docs/matching.md, "Measured accuracy").
//
// The idea: a profile is not "whatever the records happened to join in arrival order" but a
// function of the records and their evidence, so every arrival order (and every replay, and every
// number of resolver instances) ends with the same profiles.
//
// State
//   per record   its party accumulated from its events (`accumulateParty`), its evidence
//                (`buildEvidence`, stored as JSON with the configuration's evidence fingerprint),
//                the blocking keys it is indexed under, its profile, and its links.
//   per value    (an identifier key, 'EMAIL:a@b.c') the records holding it and its status: usable,
//                shared (links only with similar given and family names) or over-frequent (links
//                nothing, finds no candidates). Indexes: blocking key → records, address → records
//                (the cohabitants that make a household's landline shared).
//   per link     between two records, never between a record and a profile: the first rule by
//                which `match(a, b)` holds (evaluated in a fixed orientation, the smaller record id
//                as the record), its score, and the identifier values it matched on. A link exists
//                or not by the two records' evidence and the status of the values it used, nothing
//                else: links are explainable and survive any replay.
//   per profile  its records. A profile is one group of the partition of linked records below.
//
// Per event (`apply`)
//   1. Accumulate the record's party; rebuild its evidence. Unchanged evidence: nothing to do
//      (most events: purchases, opens, page views).
//   2. Update the indexes: the values it holds, its addresses, its blocking keys.
//   3. Assess again every value the record holds or held, and every household value (landline)
//      held at its addresses (its cohabitants changed): `assessValue` over the holders' evidence.
//      A nameless, dateless record cannot add a conflict, so for it only the record count and the
//      value's kind (a family mailbox) are checked.
//   4. Drop the record's links and compute them again against the records its usable blocking
//      keys reach: one `match` per candidate record.
//   5. Re-evaluation: every link that used a value whose status became stricter (usable → shared
//      → over-frequent) is checked again with `match` under the new status, and kept, changed to
//      another rule (a shared email still links with similar names) or dropped; for a value that
//      became less strict, every pair of its holders is compared again (a link may hold now).
//   6. Re-partition the groups that hold a record whose links changed: the records of their
//      current profiles and everything linked to them. Their links are applied strongest first
//      (rule priority, score, record ids); each joins two groups unless their evidence conflicts
//      (`conflicts`: different given names, dates of birth, shop accounts) or the result would
//      exceed `maxClusterSize` (quarantined for a steward). Merges and splits both come out of
//      this one step; profile ids follow `assignProfiles` (the largest part keeps an id, a merge
//      keeps the oldest, absorbed ids become aliases).
//
// Because the links converge to the links of the final data whatever the order, and the partition
// is a function of the links, the result does not depend on the arrival order (a blocking key
// skipped as too common at one moment but not another aside). Households are a relationship
// between profiles (`householdMatch`), recomputed for the profiles a change touched; the harness
// computes them once at the end (`households`), which gives the same result.
//
// What the service adds: the state in Postgres, a lock per record, value and profile touched (as
// the first resolver's handler does), steward decisions (never-links taken out of and force-links
// put into step 6, as `splitProfile` does), an identity-change event per merge and split, and
// RECORD_DELETE (the source deleted the record: its links are dropped and its groups
// re-partitioned). The harness keeps a deleted record as it was, since the ground truth scores it.
import type { CanonicalEvent, Party } from '@c360/schemas';
import {
  type MatchContext,
  type MatchingConfig,
  type ProfileEvidence,
  type RecordEvidence,
  type ValueStatus,
  assessValue,
  blockingKeys,
  buildEvidence,
  conflicts,
  exceedsClusterSize,
  householdMatch,
  identifierTypeOf,
  isHouseholdValue,
  match,
  maxRecordsPerValue,
  profileEvidence,
  recordAsProfile,
} from '@c360/resolver-domain';

/** What the resolver receives: an event about a source record ('source:sourceRecordId'). */
export interface ResolverEvent {
  readonly record: string;
  readonly eventType: CanonicalEvent['eventType'];
  readonly party: Party;
}

/** A link between two records: the rule that holds between them, its score and the identifier values it used. */
export interface Link {
  readonly a: string;
  readonly b: string;
  readonly rule: string;
  readonly rank: number;
  readonly score: number;
  /** Identifier keys the rule matched on: the link is checked again when one of them changes status. */
  readonly values: readonly string[];
}

/** Per source record. */
interface RecordState {
  readonly id: string;
  /** Creation order (first event): the oldest record of a profile gives a new profile its id. */
  readonly seq: number;
  /** The record's party as accumulated from its events. */
  party: Party | null;
  evidence: RecordEvidence;
  /** The evidence as JSON: an event that does not change it changes nothing. */
  evidenceJson: string;
  /** Blocking keys the record is indexed under (identifier keys included). */
  keys: readonly string[];
  /** The profile the record belongs to. */
  profile: string;
  /** Links to other records, by the other record's id. */
  readonly links: Map<string, Link>;
}

/** Per identifier value ('EMAIL:a@b.c'). */
interface ValueState {
  /** Records carrying the value. */
  readonly holders: Set<string>;
  status: ValueStatus;
}

/** Per profile. */
interface ProfileState {
  readonly id: string;
  readonly records: Set<string>;
}

/** Counters for the harness: how much work the resolution did. */
export interface ResolverStats {
  /** Records (re)resolved because their evidence changed. */
  resolutions: number;
  /** Candidate records compared (one `match` each) while (re)resolving records. */
  candidates: number;
  /** `match` calls in all, re-checks included. */
  comparisons: number;
  /** Links checked again because a value they used changed status. */
  rechecks: number;
  /** Value status changes. */
  statusChanges: number;
  /** Group re-partitions, and how many records they covered. */
  partitions: number;
  partitionedRecords: number;
  /** Joins refused because the two groups' evidence conflicts. */
  refusedConflicts: number;
  /** Joins refused because the profile would exceed maxClusterSize (quarantined for a steward). */
  quarantined: number;
}

const sortedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * A record's party after an event: RECORD_UPDATE replaces it (the source sends the whole record);
 * any other event adds what it carries (a till receipt's phone, a login's account id): a name or
 * date of birth replaces the one held, contact points and identifiers are added.
 */
export function accumulateParty(current: Party | null, event: ResolverEvent): Party {
  const next = event.party;
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
    consents: current.consents,
    extensions: { ...current.extensions, ...next.extensions },
  };
}

export class ReferenceResolver {
  private readonly records = new Map<string, RecordState>();
  private readonly values = new Map<string, ValueState>();
  /** Blocking key → records indexed under it. */
  private readonly index = new Map<string, Set<string>>();
  /** Address key → records at it: the cohabitants of a household value's holders. */
  private readonly atAddress = new Map<string, Set<string>>();
  private readonly profiles = new Map<string, ProfileState>();
  /** Values currently shared or over-frequent: the context `match` runs under. */
  private readonly shared = new Set<string>();
  private readonly overFrequent = new Set<string>();
  private readonly context: MatchContext = { shared: this.shared, overFrequent: this.overFrequent };
  private readonly rank: ReadonlyMap<string, number>;
  private nextSeq = 0;
  private nextProfile = 0;

  readonly stats: ResolverStats = {
    resolutions: 0,
    candidates: 0,
    comparisons: 0,
    rechecks: 0,
    statusChanges: 0,
    partitions: 0,
    partitionedRecords: 0,
    refusedConflicts: 0,
    quarantined: 0,
  };

  constructor(private readonly config: MatchingConfig) {
    this.rank = new Map(config.rules.map((r, i) => [r.name, i]));
  }

  /** Applies one event: the record's party changes, and if its evidence changed, it is resolved again. */
  apply(event: ResolverEvent): void {
    let state = this.records.get(event.record);
    const party = accumulateParty(state?.party ?? null, event);
    const evidence = buildEvidence(party, this.config);
    const evidenceJson = JSON.stringify(evidence);
    if (state && state.evidenceJson === evidenceJson) {
      state.party = party;
      return;
    }
    this.stats.resolutions++;
    const before = state?.evidence ?? null;
    if (!state) {
      const profile = this.newProfileId();
      state = {
        id: event.record,
        seq: this.nextSeq++,
        party,
        evidence,
        evidenceJson,
        keys: [],
        profile,
        links: new Map(),
      };
      this.records.set(state.id, state);
      this.profiles.set(profile, { id: profile, records: new Set([state.id]) });
    }
    state.party = party;
    state.evidence = evidence;
    state.evidenceJson = evidenceJson;

    // 1. Indexes: the values the record carries, its addresses, its blocking keys.
    const touchedValues = new Set<string>();
    for (const key of before?.identifiers ?? []) if (!evidence.identifiers.includes(key)) this.values.get(key)?.holders.delete(state.id);
    for (const key of evidence.identifiers) {
      let value = this.values.get(key);
      if (!value) this.values.set(key, (value = { holders: new Set(), status: 'usable' }));
      value.holders.add(state.id);
    }
    for (const key of [...(before?.identifiers ?? []), ...evidence.identifiers]) touchedValues.add(key);
    for (const a of before?.addresses ?? []) this.atAddress.get(a)?.delete(state.id);
    for (const a of evidence.addresses) setOf(this.atAddress, a).add(state.id);
    // Household values (a landline) held by anyone at the record's addresses: their cohabitants changed.
    for (const a of new Set([...(before?.addresses ?? []), ...evidence.addresses])) {
      for (const other of this.atAddress.get(a) ?? []) {
        for (const key of this.records.get(other)!.evidence.identifiers) if (this.isHouseholdKey(key)) touchedValues.add(key);
      }
    }
    for (const key of state.keys) this.index.get(key)?.delete(state.id);
    state.keys = blockingKeys(evidence, this.config);
    for (const key of state.keys) setOf(this.index, key).add(state.id);

    // 2. Value statuses, as known now.
    const loosened = new Set<string>();
    const tightened = new Set<string>();
    const nameless = evidence.names.length === 0 && evidence.birthDates.length === 0 && !this.carriesConflictType(evidence);
    for (const key of touchedValues) {
      // A record without names, dates or accounts conflicts with nothing: it can only change a value's record count.
      const change = this.assess(key, nameless && (before === null || before.names.length + before.birthDates.length === 0));
      if (change === 'loosened') loosened.add(key);
      if (change === 'tightened') tightened.add(key);
    }

    // 3. The record's own links, against the records its blocking keys reach.
    const touchedRecords = new Set<string>([state.id]);
    for (const other of state.links.keys()) touchedRecords.add(other);
    this.dropLinks(state);
    for (const candidate of this.candidates(state)) {
      this.stats.candidates++;
      this.link(state.id, candidate);
      touchedRecords.add(candidate);
    }

    // 4. Links that used a value whose status changed are checked again.
    this.recheck(loosened, tightened, touchedRecords);

    // 5. Re-partition the groups whose links changed.
    this.partition(touchedRecords);
  }

  /** Record → profile, for every record seen. */
  assignments(): Map<string, string> {
    return new Map([...this.records.values()].map((r) => [r.id, r.profile]));
  }

  /** The profiles' evidence, for household grouping and inspection. */
  profileEvidence(profile: string): ProfileEvidence {
    const p = this.profiles.get(profile)!;
    return profileEvidence(
      [...p.records]
        .map((id) => this.records.get(id)!)
        .sort((a, b) => a.seq - b.seq)
        .map((r) => ({ recordId: r.id, evidence: r.evidence })),
    );
  }

  /** Every current link (each once). */
  links(): Link[] {
    const out: Link[] = [];
    for (const r of this.records.values()) for (const l of r.links.values()) if (l.a === r.id) out.push(l);
    return out;
  }

  evidenceOf(record: string): RecordEvidence | undefined {
    return this.records.get(record)?.evidence;
  }

  keysOf(record: string): readonly string[] {
    return this.records.get(record)?.keys ?? [];
  }

  /** Whether a blocking key finds candidates now: not an over-frequent value, not held by too many records. */
  keyUsable(key: string): boolean {
    if (this.overFrequent.has(key)) return false;
    return (this.index.get(key)?.size ?? 0) <= this.config.file.blocking.maxRecordsPerKey;
  }

  statusOf(value: string): ValueStatus | undefined {
    return this.values.get(value)?.status;
  }

  holdersOf(value: string): ReadonlySet<string> {
    return this.values.get(value)?.holders ?? new Set();
  }

  /**
   * Households: profiles joined by the household rules (a relationship, never a merge). Computed
   * over the current profiles, candidates through shared phones, emails and addresses.
   */
  households(): Map<string, string> {
    const parent = new Map<string, string>();
    const find = (p: string): string => {
      let root = p;
      while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    const evidence = new Map<string, ProfileEvidence>();
    const ev = (p: string) => {
      let e = evidence.get(p);
      if (!e) evidence.set(p, (e = this.profileEvidence(p)));
      return e;
    };
    const ids = [...this.profiles.keys()].sort();
    for (const p of ids) parent.set(p, p);
    for (const p of ids) {
      const others = new Set<string>();
      for (const id of this.profiles.get(p)!.records) {
        const r = this.records.get(id)!;
        for (const key of r.evidence.identifiers) {
          if (!(key.startsWith('PHONE:') || key.startsWith('EMAIL:')) || this.overFrequent.has(key)) continue;
          for (const h of this.values.get(key)!.holders) others.add(this.records.get(h)!.profile);
        }
        for (const a of r.evidence.addresses) for (const h of this.atAddress.get(a) ?? []) others.add(this.records.get(h)!.profile);
      }
      for (const o of [...others].sort()) {
        if (o === p || find(o) === find(p)) continue;
        if (householdMatch(ev(p), ev(o), this.config, { overFrequent: this.overFrequent })) {
          const [x, y] = [find(p), find(o)];
          parent.set(x < y ? y : x, x < y ? x : y);
        }
      }
    }
    return new Map(ids.map((p) => [p, find(p)]));
  }

  // --- values ---------------------------------------------------------------------------------

  private isHouseholdKey(key: string): boolean {
    const holders = [...(this.values.get(key)?.holders ?? [])].map((h) => this.records.get(h)!.evidence);
    return holders.length > 0 && isHouseholdValue(key, holders, this.config);
  }

  private carriesConflictType(e: RecordEvidence): boolean {
    const types = this.config.file.conflict.identifierTypes;
    return types.length > 0 && e.identifiers.some((k) => (types as readonly string[]).includes(identifierTypeOf(k)));
  }

  /**
   * Assesses a value again from its holders (and, for a household value, the records at their
   * addresses). Returns whether its status became more restricted, less restricted, or stayed.
   */
  private assess(key: string, countOnly: boolean): 'tightened' | 'loosened' | null {
    const value = this.values.get(key);
    if (!value) return null;
    const old = value.status;
    let status: ValueStatus;
    if (value.holders.size > maxRecordsPerValue(this.config, identifierTypeOf(key))) status = 'over-frequent';
    else if (countOnly && old !== 'over-frequent') {
      // No new conflict among the holders: only what the value's kind says can change its status
      // (a family mailbox is shared from its first holder on).
      const byKind = assessValue(key, { holders: [], recordCount: value.holders.size }, this.config).status;
      status = byKind === 'usable' ? old : byKind;
    } else {
      const holders = [...value.holders].map((h) => this.records.get(h)!.evidence);
      let cohabitants: RecordEvidence[] = [];
      if (isHouseholdValue(key, holders, this.config)) {
        const around = new Set<string>();
        for (const h of value.holders)
          for (const a of this.records.get(h)!.evidence.addresses) for (const c of this.atAddress.get(a) ?? []) around.add(c);
        for (const h of value.holders) around.delete(h);
        cohabitants = [...around].sort().map((c) => this.records.get(c)!.evidence);
      }
      status = assessValue(key, { holders, cohabitants }, this.config).status;
    }
    if (status === old) return null;
    value.status = status;
    this.stats.statusChanges++;
    this.shared.delete(key);
    this.overFrequent.delete(key);
    if (status === 'shared') this.shared.add(key);
    if (status === 'over-frequent') this.overFrequent.add(key);
    const strictness = { usable: 0, shared: 1, 'over-frequent': 2 } as const;
    return strictness[status] > strictness[old] ? 'tightened' : 'loosened';
  }

  // --- links ----------------------------------------------------------------------------------

  private candidates(state: RecordState): Set<string> {
    const found = new Set<string>();
    for (const key of state.keys) {
      if (!this.keyUsable(key)) continue;
      for (const other of this.index.get(key) ?? []) if (other !== state.id) found.add(other);
    }
    return found;
  }

  /** Compares two records (in a fixed orientation, so the result does not depend on which came first) and links them if a rule holds. */
  private link(x: string, y: string): boolean {
    const [a, b] = sortedPair(x, y);
    const ra = this.records.get(a)!;
    const rb = this.records.get(b)!;
    this.stats.comparisons++;
    const m = match(ra.evidence, recordAsProfile(b, rb.evidence), this.config, this.context);
    ra.links.delete(b);
    rb.links.delete(a);
    if (!m) return false;
    const values = m.matched.filter((v) => v.field === 'identifier' && v.record !== null).map((v) => v.record!);
    const l: Link = { a, b, rule: m.rule, rank: this.rank.get(m.rule)!, score: m.score, values };
    ra.links.set(b, l);
    rb.links.set(a, l);
    return true;
  }

  private dropLinks(state: RecordState): void {
    for (const other of state.links.keys()) this.records.get(other)?.links.delete(state.id);
    state.links.clear();
  }

  /**
   * Values whose status changed: links that used one are checked again; when a value became less
   * restricted (shared → usable, because a holder changed), every pair of its holders is compared
   * again, as a link between them may hold now.
   */
  private recheck(loosened: ReadonlySet<string>, tightened: ReadonlySet<string>, touched: Set<string>): void {
    for (const key of tightened) {
      for (const h of this.values.get(key)?.holders ?? []) {
        for (const l of [...this.records.get(h)!.links.values()]) {
          if (!l.values.includes(key)) continue;
          this.stats.rechecks++;
          this.link(l.a, l.b);
          touched.add(l.a).add(l.b);
        }
      }
    }
    for (const key of loosened) {
      const holders = [...(this.values.get(key)?.holders ?? [])];
      if (this.overFrequent.has(key)) continue;
      for (let i = 0; i < holders.length; i++) {
        for (let j = i + 1; j < holders.length; j++) {
          this.stats.rechecks++;
          this.link(holders[i]!, holders[j]!);
          touched.add(holders[i]!).add(holders[j]!);
        }
      }
    }
  }

  // --- profiles -------------------------------------------------------------------------------

  /**
   * Re-partitions the groups holding the touched records: the records of their current profiles
   * and everything linked to them form the area; its links are applied strongest first, each
   * joining two groups unless their evidence conflicts or the result would be too big.
   */
  private partition(touched: ReadonlySet<string>): void {
    const area = new Set<string>();
    const queue: string[] = [];
    const visit = (id: string) => {
      if (area.has(id)) return;
      area.add(id);
      queue.push(id);
    };
    for (const id of touched) for (const member of this.profiles.get(this.records.get(id)!.profile)!.records) visit(member);
    while (queue.length > 0) {
      const id = queue.pop()!;
      const r = this.records.get(id)!;
      for (const other of r.links.keys()) visit(other);
      for (const member of this.profiles.get(r.profile)!.records) visit(member);
    }
    this.stats.partitions++;
    this.stats.partitionedRecords += area.size;

    const ids = [...area].sort();
    const parent = new Map(ids.map((id) => [id, id]));
    const members = new Map(ids.map((id) => [id, [id]]));
    const evidence = new Map<string, ProfileEvidence>();
    const find = (id: string): string => {
      let root = id;
      while (parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    const groupEvidence = (root: string) => {
      let e = evidence.get(root);
      if (!e) {
        const list = members.get(root)!.map((id) => ({ recordId: id, evidence: this.records.get(id)!.evidence }));
        evidence.set(root, (e = list.length === 1 ? recordAsProfile(list[0]!.recordId, list[0]!.evidence) : profileEvidence(list)));
      }
      return e;
    };
    const links: Link[] = [];
    for (const id of ids) for (const l of this.records.get(id)!.links.values()) if (l.a === id) links.push(l);
    links.sort((x, y) => x.rank - y.rank || y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    for (const l of links) {
      const [ra, rb] = [find(l.a), find(l.b)];
      if (ra === rb) continue;
      if (conflicts(groupEvidence(ra), groupEvidence(rb), this.config)) {
        this.stats.refusedConflicts++;
        continue;
      }
      const size = members.get(ra)!.length + members.get(rb)!.length;
      if (exceedsClusterSize(size, this.config)) {
        this.stats.quarantined++;
        continue;
      }
      const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra];
      parent.set(gone, keep);
      members.get(keep)!.push(...members.get(gone)!);
      members.delete(gone);
      evidence.delete(keep);
      evidence.delete(gone);
    }
    this.assignProfiles([...members.values()]);
  }

  /**
   * Gives each group a profile id: a profile id stays with the group holding most of its records
   * (ties: the group with the oldest record); a group that inherits several keeps the oldest
   * profile's id (the others become its aliases); a group with none gets a new id.
   */
  private assignProfiles(groups: readonly string[][]): void {
    const old = new Set<string>();
    for (const g of groups) for (const id of g) old.add(this.records.get(id)!.profile);
    const claims = new Map<string, { group: number; count: number; oldest: number }>();
    groups.forEach((g, i) => {
      const counts = new Map<string, number>();
      for (const id of g) counts.set(this.records.get(id)!.profile, (counts.get(this.records.get(id)!.profile) ?? 0) + 1);
      const oldest = Math.min(...g.map((id) => this.records.get(id)!.seq));
      for (const [p, count] of counts) {
        const best = claims.get(p);
        if (!best || count > best.count || (count === best.count && oldest < best.oldest)) claims.set(p, { group: i, count, oldest });
      }
    });
    const idOf = new Map<number, string>();
    for (const [p, claim] of [...claims].sort((x, y) => profileOrder(x[0], y[0]))) if (!idOf.has(claim.group)) idOf.set(claim.group, p);
    for (const p of old) this.profiles.delete(p);
    groups.forEach((g, i) => {
      const id = idOf.get(i) ?? this.newProfileId();
      this.profiles.set(id, { id, records: new Set(g) });
      for (const r of g) this.records.get(r)!.profile = id;
    });
  }

  private newProfileId(): string {
    return `p${String(this.nextProfile++).padStart(8, '0')}`;
  }
}

/** Profile ids are issued in creation order: the lower one is the older profile. */
const profileOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
