// The identity graph in Postgres, as the engine's GraphStore: for each batch it loads what the
// batch needs (in a few set-based queries up front, anything else on demand), lets the engine
// change it in memory, and writes the difference back in the batch's transaction (`flush`). The
// resolver holds the graph lock while a batch works on it (docs/architecture.md, "Concurrency").
//
// A store can serve batch after batch (`begin`, then `settle` once the transaction committed):
// what earlier batches loaded stays, and is what is stored as long as nobody else changed the
// graph, which the resolver checks by the graph's version before it reuses a store. Only what a
// batch handed out can differ from what is stored, so the writes and every in-memory correction
// look at the batch's own records, values, keys and households, never at the whole cache.
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Party } from '@c360/schemas';
import { pgArray } from '@c360/persistence';
import {
  type GraphStore,
  type KeyIndex,
  type Link,
  type MatchingConfig,
  type PrefetchNeeds,
  type RecordEvidence,
  type RecordState,
  type StewardDecision,
  type ValueState,
  type ValueStatus,
  identifierTypeOf,
  maxRecordsPerValue,
  newRecordState,
} from '@c360/resolver-domain';

interface RecordRow {
  record_id: string;
  seq: string;
  party: Party | null;
  observed_at: string;
  evidence: string;
  fingerprint: string;
  /** JSON text (parsed faster than a Postgres array literal). */
  keys: string;
  profile_id: string | null;
  deleted: boolean;
  /** JSON text: the record's links, StoredLink[]. */
  links: string;
}

/** A stored link as the records query returns it: [a, b, rule, rank, score, matched values]. */
type StoredLink = [string, string, string, number, number, string[]];

/** What a record was when loaded: the flush writes what differs. */
interface Snapshot {
  readonly isNew: boolean;
  readonly row: RecordFields | null;
  readonly evidence: RecordEvidence;
  readonly keys: readonly string[];
  /** Links where this record is `a` (the engine replaces a link, never changes one); most records have none, and share one empty array. */
  readonly links: readonly Link[];
}

/** Counters of one batch's store work. */
export interface StoreStats {
  queries: number;
  /** Loads the up-front prefetch did not foresee (one query each). */
  lazyLoads: number;
  recordsLoaded: number;
  /** Time spent waiting for Postgres. */
  queryMs: number;
  /** Calls and time waiting per statement (its `query` label). */
  statements: Map<string, { calls: number; ms: number }>;
}
const newStats = (): StoreStats => ({ queries: 0, lazyLoads: 0, recordsLoaded: 0, queryMs: 0, statements: new Map() });

const linkJson = (l: Link) => JSON.stringify([l.rule, l.rank, l.score, l.values]);

/** A record's stored fields as loaded; the engine replaces party and keys with new objects when they change. */
interface RecordFields {
  readonly party: Party | null;
  readonly observedAt: number;
  readonly evidenceJson: string;
  readonly fingerprint: string;
  readonly keys: readonly string[];
  readonly profile: string | null;
  readonly deleted: boolean;
}
const fieldsOf = (r: RecordState): RecordFields => ({
  party: r.party,
  observedAt: r.observedAt,
  evidenceJson: r.evidenceJson,
  fingerprint: r.fingerprint,
  keys: r.keys,
  profile: r.profile,
  deleted: r.deleted,
});
const fieldsChanged = (a: RecordFields, r: RecordState) =>
  a.party !== r.party ||
  a.observedAt !== r.observedAt ||
  a.evidenceJson !== r.evidenceJson ||
  a.fingerprint !== r.fingerprint ||
  a.keys !== r.keys ||
  a.profile !== r.profile ||
  a.deleted !== r.deleted;

const NO_LINKS: readonly Link[] = [];
const linksFrom = (state: RecordState): readonly Link[] => {
  let out: Link[] | null = null;
  for (const l of state.links.values()) if (l.a === state.id) (out ??= []).push(l);
  return out ?? NO_LINKS;
};
const snapshotOf = (state: RecordState, isNew: boolean): Snapshot => ({
  isNew,
  row: fieldsOf(state),
  evidence: state.evidence,
  keys: state.keys,
  links: linksFrom(state),
});

export class PostgresGraphStore implements GraphStore {
  private readonly recordCache = new Map<string, RecordState>();
  private readonly absent = new Set<string>();
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly valueCache = new Map<string, ValueState>();
  private readonly loadedStatus = new Map<string, ValueStatus>();
  private readonly indexCache = new Map<string, KeyIndex>();
  private readonly addressCache = new Map<string, Set<string>>();
  private readonly memberCache = new Map<string, Set<string>>();
  private readonly decisionCache = new Map<string, StewardDecision[]>();
  private readonly householdCache = new Map<string, string | null>();
  private readonly loadedHouseholds = new Map<string, string | null>();
  private readonly householdMemberCache = new Map<string, Set<string>>();
  private readonly createdProfiles = new Set<string>();
  private readonly droppedProfiles = new Map<string, string | null>();
  private readonly recordSeqs: number[] = [];
  /** Records loaded without their party (candidates, neighbours): loaded when a batch's event is about one. */
  private readonly partyless = new Set<string>();
  /** Every record in memory, least recently used by a batch first (`evict`). */
  private readonly recency = new Map<string, true>();
  // What this batch handed out (and may change): everything else is as stored.
  private batchRecords = new Set<string>();
  private batchValues = new Set<string>();
  private batchIndexes = new Set<string>();
  private batchHouseholds = new Set<string>();
  // What this batch's prefetches already followed, per record: its links, its values and addresses, its profile.
  private linksFollowed = new Set<string>();
  private valuesFollowed = new Set<string>();
  private profilesFollowed = new Set<string>();
  stats: StoreStats = newStats();

  /** Above every type's frequency cap (and its +1 for holders loaded in full). */
  private readonly countCap: number;

  constructor(
    private em: EntityManager,
    private readonly config: MatchingConfig,
  ) {
    const caps = Object.values(config.file.protection.maxRecordsPerValue).filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
    this.countCap = (caps.length > 0 ? Math.max(...caps) : 10_000) + 2;
  }

  /** How many records the store holds in memory. */
  get size(): number {
    return this.recordCache.size;
  }

  /** Starts the next batch on this store, in a new transaction (one that holds the graph lock). */
  begin(em: EntityManager): void {
    this.em = em;
    this.batchRecords = new Set();
    this.batchValues = new Set();
    this.batchIndexes = new Set();
    this.batchHouseholds = new Set();
    this.linksFollowed = new Set();
    this.valuesFollowed = new Set();
    this.profilesFollowed = new Set();
    this.stats = newStats();
  }

  /**
   * After the batch's transaction committed: what the batch changed in memory is now stored, and
   * becomes what the next batch compares against. Loaded state a fresh load would not give (a
   * key's members kept past its limit, a value's holders missing below its cap) is dropped, to be
   * loaded again when needed: a store that served many batches answers as a new one would.
   */
  settle(): void {
    for (const id of this.batchRecords) {
      this.snapshots.set(id, snapshotOf(this.recordCache.get(id)!, false));
      this.recency.delete(id);
      this.recency.set(id, true);
    }
    for (const key of this.batchValues) {
      const v = this.valueCache.get(key)!;
      const small = v.count <= maxRecordsPerValue(this.config, identifierTypeOf(key)) + 1;
      if ((v.holders !== null) === small) this.loadedStatus.set(key, v.status);
      else {
        this.valueCache.delete(key);
        this.loadedStatus.delete(key);
      }
    }
    const limit = this.config.file.blocking.maxRecordsPerKey;
    for (const key of this.batchIndexes) {
      const index = this.indexCache.get(key)!;
      if ((index.members !== null) !== index.count <= limit) this.indexCache.delete(key);
    }
    for (const p of [...this.batchHouseholds, ...this.createdProfiles]) {
      if (this.householdCache.has(p)) this.loadedHouseholds.set(p, this.householdCache.get(p)!);
    }
    for (const p of this.droppedProfiles.keys()) {
      this.householdCache.delete(p);
      this.loadedHouseholds.delete(p);
      this.memberCache.delete(p);
    }
    this.createdProfiles.clear();
    this.droppedProfiles.clear();
  }

  /**
   * After `settle`: when the store holds more than `maxRecords` records, drops the least recently
   * used down to 80 % of it (returns how many), with the values, keys, addresses, profiles and households no record
   * left refers to. What is dropped is as stored, so dropping it changes no answer, only what the
   * next batch loads again (a link kept at one end is the object the other end gets on its reload).
   */
  evict(maxRecords: number): number {
    if (this.recordCache.size <= maxRecords) return 0;
    const before = this.recordCache.size;
    const target = Math.floor(maxRecords * 0.8);
    for (const id of this.recency.keys()) {
      if (this.recordCache.size <= target) break;
      this.recordCache.delete(id);
      this.snapshots.delete(id);
      this.partyless.delete(id);
      this.recency.delete(id);
    }
    const values = new Set<string>();
    const keys = new Set<string>();
    const addresses = new Set<string>();
    const profiles = new Set<string>();
    for (const r of this.recordCache.values()) {
      for (const v of r.evidence.identifiers) values.add(v);
      for (const k of r.keys) keys.add(k);
      for (const a of r.evidence.addresses) addresses.add(a);
      if (r.profile !== null) profiles.add(r.profile);
    }
    const households = new Set<string>();
    for (const p of profiles) {
      const h = this.householdCache.get(p);
      if (h) households.add(h);
    }
    // A Map's iteration carries on past entries deleted during it.
    const keepOnly = <K>(cache: { keys(): Iterable<K>; delete(k: K): boolean }, kept: ReadonlySet<K>, also?: { delete(k: K): boolean }) => {
      for (const k of cache.keys()) {
        if (kept.has(k)) continue;
        cache.delete(k);
        also?.delete(k);
      }
    };
    keepOnly(this.valueCache, values, this.loadedStatus);
    keepOnly(this.indexCache, keys);
    keepOnly(this.addressCache, addresses);
    keepOnly(this.memberCache, profiles);
    keepOnly(this.householdCache, profiles, this.loadedHouseholds);
    keepOnly(this.householdMemberCache, households);
    keepOnly(this.decisionCache, new Set(this.recordCache.keys()));
    // Known to be absent: only an optimisation, and records this process creates leave it anyway.
    this.absent.clear();
    return before - this.recordCache.size;
  }

  /** `statement`: what the query is, for the per-statement figures (`stats.statements`). Array parameters go as array literals (`pgArray`). */
  private async query<T>(statement: string, sql: string, params: unknown[]): Promise<T[]> {
    this.stats.queries++;
    const started = performance.now();
    try {
      return await this.em.query<T[]>(
        sql,
        params.map((p) => (Array.isArray(p) ? pgArray(p as (string | number | null)[]) : p)),
      );
    } finally {
      const ms = performance.now() - started;
      this.stats.queryMs += ms;
      const s = this.stats.statements.get(statement);
      if (s) {
        s.calls++;
        s.ms += ms;
      } else this.stats.statements.set(statement, { calls: 1, ms });
    }
  }

  // --- prefetch -------------------------------------------------------------------------------

  /**
   * Loads in a few queries what a batch will most likely need: the values, keys and addresses its
   * records hold before and after, the records those reach, their values and their profiles'
   * records. Record sequence numbers for the batch's new records are taken here too. The engine
   * loads anything else on demand.
   */
  async prefetch({ values, keys, addresses, profiles: more }: PrefetchNeeds): Promise<void> {
    const unknown = this.absent.size;
    if (unknown > this.recordSeqs.length) {
      const rows = await this.query<{ seq: string }>('record sequence numbers', `SELECT nextval('record_seq') AS seq FROM generate_series(1, $1)`, [unknown - this.recordSeqs.length]);
      this.recordSeqs.push(...rows.map((r) => Number(r.seq)));
    }
    await this.loadValues([...values]);
    await this.loadIndexes([...keys], this.config.file.blocking.maxRecordsPerKey);
    await this.loadAddresses([...addresses]);
    // The records those reach (holders, candidates, cohabitants, linked records), and theirs.
    const reached = new Set<string>();
    for (const v of values) for (const h of this.valueCache.get(v)?.holders ?? []) reached.add(h);
    for (const k of keys) for (const m of this.indexCache.get(k)?.members ?? []) reached.add(m);
    for (const a of addresses) for (const m of this.addressCache.get(a) ?? []) reached.add(m);
    // A batch prefetches several times (its events, then its households): each follows only what the ones before did not.
    const following = [...this.batchRecords].filter((id) => !this.linksFollowed.has(id));
    for (const id of following) {
      this.linksFollowed.add(id);
      for (const other of this.recordCache.get(id)!.links.keys()) reached.add(other);
    }
    const around = await this.records(reached);
    const moreValues = new Set<string>();
    const moreAddresses = new Set<string>();
    for (const r of around.values()) {
      if (this.valuesFollowed.has(r.id)) continue;
      this.valuesFollowed.add(r.id);
      for (const v of r.evidence.identifiers) if (!this.valueCache.has(v)) moreValues.add(v);
      for (const a of r.evidence.addresses) if (!this.addressCache.has(a)) moreAddresses.add(a);
    }
    await this.loadValues([...moreValues]);
    await this.loadAddresses([...moreAddresses]);
    const cohabitants = new Set<string>();
    for (const a of moreAddresses) for (const m of this.addressCache.get(a) ?? []) cohabitants.add(m);
    await this.records(cohabitants);
    // Their profiles' records, the profiles' households, and those households' members and records.
    const profiles = new Set<string>(more ?? []);
    for (const id of this.batchRecords) {
      if (this.profilesFollowed.has(id)) continue;
      this.profilesFollowed.add(id);
      const profile = this.recordCache.get(id)!.profile;
      if (profile) profiles.add(profile);
    }
    await this.loadMembers([...profiles]);
    await this.householdsOf([...profiles]);
    const households = new Set<string>();
    for (const p of profiles) {
      const h = this.householdCache.get(p);
      if (h) households.add(h);
    }
    const housemates = await this.loadHouseholdMembers([...households]);
    await this.loadMembers(housemates);
    const members = new Set<string>();
    for (const p of [...profiles, ...housemates]) for (const m of this.memberCache.get(p) ?? []) members.add(m);
    await this.records(members);
  }

  private async loadValues(keys: readonly string[]): Promise<void> {
    const wanted = keys.filter((k) => !this.valueCache.has(k));
    if (wanted.length === 0) return;
    // One query for each value's count, status and, for a value within its type's frequency cap
    // (+1), its holders. Counting stops just past the largest cap: a value held by more records is
    // over-frequent whatever the exact number (the store's phone typed at every till would
    // otherwise be counted again in every batch, a cost that grows with the graph). The holders of
    // a larger value are loaded in full only if it ever has to be assessed again (`holders`).
    const rows = await this.query<{ value_key: string; n: string; holders: string | null; status: ValueStatus | null }>(
      'values',
      `SELECT k.value_key, x.n, x.holders, s.status
       FROM unnest($1::text[], $2::int[]) AS k(value_key, small)
       CROSS JOIN LATERAL (
         SELECT count(*) AS n, CASE WHEN count(*) <= k.small THEN coalesce(json_agg(record_id), '[]')::text END AS holders
         FROM (SELECT record_id FROM record_values v WHERE v.value_key = k.value_key LIMIT $3) t) x
       LEFT JOIN value_statuses s ON s.value_key = k.value_key`,
      [wanted, wanted.map((k) => maxRecordsPerValue(this.config, identifierTypeOf(k)) + 1), this.countCap],
    );
    for (const r of rows) {
      const status = r.status ?? 'usable';
      this.loadedStatus.set(r.value_key, status);
      const holders = r.holders === null ? null : new Set(JSON.parse(r.holders) as string[]);
      this.valueCache.set(r.value_key, { key: r.value_key, status, count: Number(r.n), holders });
    }
  }

  private async loadIndexes(keys: readonly string[], limit: number): Promise<void> {
    const wanted = keys.filter((k) => !this.indexCache.has(k));
    if (wanted.length === 0) return;
    // Counting stops just past the limit: a key held by more records finds no candidates, and
    // its members are never needed (a count above the limit is all the engine asks of it).
    const rows = await this.query<{ key: string; members: string | null; n: string }>(
      'blocking key members',
      `SELECT k.key, x.members, x.n FROM unnest($1::text[]) AS k(key)
       CROSS JOIN LATERAL (
         SELECT CASE WHEN count(*) <= $2 THEN coalesce(json_agg(record_id), '[]')::text END AS members, count(*) AS n
         FROM (SELECT record_id FROM record_keys r WHERE r.key = k.key LIMIT $2 + 1) t) x`,
      [wanted, limit],
    );
    for (const r of rows) {
      const n = Number(r.n);
      this.indexCache.set(r.key, { count: n, members: n <= limit ? new Set(JSON.parse(r.members!) as string[]) : null });
    }
  }

  private async loadAddresses(keys: readonly string[]): Promise<void> {
    const wanted = keys.filter((k) => !this.addressCache.has(k));
    if (wanted.length === 0) return;
    const found = await this.membersOf('record_addresses', 'address_key', wanted);
    for (const k of wanted) this.addressCache.set(k, found.get(k) ?? new Set());
  }

  private async loadMembers(profiles: readonly string[]): Promise<void> {
    const wanted = profiles.filter((p) => !this.memberCache.has(p) && !this.createdProfiles.has(p));
    if (wanted.length === 0) return;
    const rows = await this.query<{ profile_id: string; record_id: string }>(
      'profile members',
      `SELECT profile_id, record_id FROM records WHERE profile_id = ANY($1::text[])`,
      [wanted],
    );
    for (const p of wanted) this.memberCache.set(p, new Set());
    for (const r of rows) {
      // A record loaded and moved in memory this batch follows its new profile.
      const loaded = this.recordCache.get(r.record_id);
      if (!loaded || loaded.profile === r.profile_id) this.memberCache.get(r.profile_id)!.add(r.record_id);
    }
    const asked = new Set(wanted);
    for (const id of this.batchRecords) {
      const r = this.recordCache.get(id)!;
      if (r.profile !== null && asked.has(r.profile)) this.memberCache.get(r.profile)!.add(r.id);
    }
  }

  private async membersOf(table: string, column: string, keys: readonly string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (keys.length === 0) return out;
    // One row per key (its records as JSON): far fewer rows for the driver to parse than one per record.
    const rows = await this.query<{ k: string; ids: string }>(
      `${table} holders`,
      `SELECT ${column} AS k, json_agg(record_id)::text AS ids FROM ${table} WHERE ${column} = ANY($1::text[]) GROUP BY ${column}`,
      [keys],
    );
    for (const r of rows) out.set(r.k, new Set(JSON.parse(r.ids) as string[]));
    return out;
  }

  // --- GraphStore -----------------------------------------------------------------------------

  async records(ids: Iterable<string>, withParty = false): Promise<Map<string, RecordState>> {
    const out = new Map<string, RecordState>();
    const missing: string[] = [];
    const partyless: string[] = [];
    for (const id of ids) {
      const r = this.recordCache.get(id);
      if (r) {
        out.set(id, r);
        this.batchRecords.add(id);
        if (withParty && this.partyless.has(id)) partyless.push(id);
      } else if (!this.absent.has(id)) missing.push(id);
    }
    if (partyless.length > 0) await this.loadParties(partyless);
    if (missing.length === 0) return out;
    const unique = [...new Set(missing)];
    this.stats.lazyLoads++;
    // Most records a batch loads are candidates, cohabitants and profile members: the engine needs
    // their evidence and links, not their party (the largest column) nor the links' explanations.
    // Each record comes with its links as one JSON text: one query, and one parse per record
    // rather than a driver row per link.
    const rows = await this.query<RecordRow>(
      'records',
      `SELECT r.record_id, r.seq, ${withParty ? 'r.party' : 'NULL::jsonb AS party'}, r.observed_at, r.evidence, r.fingerprint, array_to_json(r.keys)::text AS keys,
         r.profile_id, r.deleted,
         (SELECT coalesce(json_agg(json_build_array(l.a, l.b, l.rule, l.rank, l.score, l.matched_values)), '[]')::text
          FROM (SELECT a, b, rule, rank, score, matched_values FROM links WHERE a = r.record_id
                UNION ALL SELECT a, b, rule, rank, score, matched_values FROM links WHERE b = r.record_id) l) AS links
       FROM records r WHERE r.record_id = ANY($1::text[])`,
      [unique],
    );
    for (const row of rows) {
      const evidence = JSON.parse(row.evidence) as RecordEvidence;
      const state: RecordState = {
        id: row.record_id,
        seq: Number(row.seq),
        party: row.party,
        observedAt: Number(row.observed_at),
        evidence,
        evidenceJson: row.evidence,
        fingerprint: row.fingerprint,
        keys: JSON.parse(row.keys) as string[],
        profile: row.profile_id,
        deleted: row.deleted,
        links: new Map(),
      };
      for (const [a, b, rule, rank, score, values] of JSON.parse(row.links) as StoredLink[]) {
        const other = a === state.id ? b : a;
        // The other end loaded (before, or just now in this loop): its link is right, and the one
        // object both ends share; none there, the engine already dropped the link. A loaded link
        // is written again only if the engine replaces it (with its own explanation).
        const loadedOther = this.recordCache.get(other);
        if (loadedOther) {
          const current = loadedOther.links.get(state.id);
          if (current) state.links.set(other, current);
        } else state.links.set(other, { a, b, rule, rank, score, values, matched: [] });
      }
      this.recordCache.set(state.id, state);
      this.snapshots.set(state.id, snapshotOf(state, false));
      this.batchRecords.add(state.id);
      if (!withParty) this.partyless.add(state.id);
      out.set(state.id, state);
    }
    this.stats.recordsLoaded += rows.length;
    for (const id of unique) if (!out.has(id)) this.absent.add(id);
    return out;
  }

  /** The stored parties of records loaded without them. */
  private async loadParties(ids: readonly string[]): Promise<void> {
    const rows = await this.query<{ record_id: string; party: Party | null }>('record parties', `SELECT record_id, party FROM records WHERE record_id = ANY($1::text[])`, [ids]);
    for (const row of rows) {
      const r = this.recordCache.get(row.record_id)!;
      const snap = this.snapshots.get(row.record_id)!;
      r.party = row.party;
      if (snap.row) this.snapshots.set(row.record_id, { ...snap, row: { ...snap.row, party: row.party } });
    }
    for (const id of ids) this.partyless.delete(id);
  }

  createRecord(id: string, party: Party, observedAt: number): RecordState {
    const seq = this.recordSeqs.shift();
    if (seq === undefined) throw new Error(`no record sequence number left for ${id}: the batch's prefetch takes them`);
    const r = newRecordState(id, seq, party, observedAt);
    this.recordCache.set(id, r);
    this.batchRecords.add(id);
    this.absent.delete(id);
    this.snapshots.set(id, { isNew: true, row: null, evidence: r.evidence, keys: [], links: NO_LINKS });
    return r;
  }

  async value(key: string): Promise<ValueState> {
    this.batchValues.add(key);
    if (!this.valueCache.has(key)) {
      this.stats.lazyLoads++;
      await this.loadValues([key]);
    }
    return this.valueCache.get(key)!;
  }

  async holders(key: string): Promise<Set<string>> {
    const v = await this.value(key);
    if (v.holders === null) {
      this.stats.lazyLoads++;
      const loaded = (await this.membersOf('record_values', 'value_key', [key])).get(key) ?? new Set();
      // Holders added or removed in memory this batch.
      for (const id of this.batchRecords) {
        const r = this.recordCache.get(id)!;
        if (r.evidence.identifiers.includes(key)) loaded.add(r.id);
        else loaded.delete(r.id);
      }
      v.holders = loaded;
      v.count = loaded.size;
    }
    return v.holders;
  }

  async index(key: string, limit: number): Promise<KeyIndex> {
    this.batchIndexes.add(key);
    if (!this.indexCache.has(key)) {
      this.stats.lazyLoads++;
      await this.loadIndexes([key], limit);
    }
    return this.indexCache.get(key)!;
  }

  async atAddress(key: string): Promise<Set<string>> {
    if (!this.addressCache.has(key)) {
      this.stats.lazyLoads++;
      await this.loadAddresses([key]);
    }
    return this.addressCache.get(key)!;
  }

  async members(profile: string): Promise<Set<string>> {
    if (!this.memberCache.has(profile)) {
      if (this.createdProfiles.has(profile)) this.memberCache.set(profile, new Set());
      else {
        this.stats.lazyLoads++;
        await this.loadMembers([profile]);
      }
    }
    return this.memberCache.get(profile)!;
  }

  async profileSeqs(ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (ids.length === 0) return out;
    const rows = await this.query<{ profile_id: string; seq: string }>('profile sequence numbers', `SELECT profile_id, seq FROM profiles WHERE profile_id = ANY($1::text[])`, [ids]);
    for (const r of rows) out.set(r.profile_id, Number(r.seq));
    for (const id of ids) if (!out.has(id)) out.set(id, Number.MAX_SAFE_INTEGER);
    return out;
  }

  async decisions(recordIds: Iterable<string>): Promise<StewardDecision[]> {
    const records = [...recordIds];
    const ids = records.filter((id) => !this.decisionCache.has(id));
    if (ids.length > 0) {
      const rows = await this.query<StewardDecision>(
        'steward decisions',
        `SELECT a, b, kind FROM steward_decisions WHERE a = ANY($1::text[]) UNION SELECT a, b, kind FROM steward_decisions WHERE b = ANY($1::text[])`,
        [ids],
      );
      for (const id of ids) this.decisionCache.set(id, []);
      for (const d of rows) for (const end of [d.a, d.b]) this.decisionCache.get(end)?.push(d);
    }
    const out = new Map<string, StewardDecision>();
    for (const id of records) for (const d of this.decisionCache.get(id) ?? []) out.set(`${d.a}\u0000${d.b}`, d);
    return [...out.values()];
  }

  createProfile(): string {
    const id = `p_${randomBytes(12).toString('hex')}`;
    this.createdProfiles.add(id);
    this.memberCache.set(id, new Set());
    return id;
  }

  assign(record: RecordState, profile: string | null): void {
    if (record.profile !== null) this.memberCache.get(record.profile)?.delete(record.id);
    record.profile = profile;
    if (profile !== null) this.memberCache.get(profile)?.add(record.id);
  }

  dropProfile(id: string, survivor: string | null): void {
    this.droppedProfiles.set(id, survivor);
    this.memberCache.delete(id);
    this.setHousehold(id, null);
  }

  async householdsOf(profiles: readonly string[]): Promise<Map<string, string | null>> {
    const wanted = profiles.filter((p) => !this.householdCache.has(p));
    for (const p of wanted) if (this.createdProfiles.has(p)) this.householdCache.set(p, null);
    const stored = wanted.filter((p) => !this.createdProfiles.has(p));
    if (stored.length > 0) {
      const rows = await this.query<{ profile_id: string; household_id: string | null }>('households of profiles', `SELECT profile_id, household_id FROM profiles WHERE profile_id = ANY($1::text[])`, [stored]);
      for (const p of stored) this.householdCache.set(p, null);
      for (const r of rows) this.householdCache.set(r.profile_id, r.household_id);
      for (const p of stored) this.loadedHouseholds.set(p, this.householdCache.get(p)!);
    }
    return new Map(profiles.map((p) => [p, this.householdCache.get(p) ?? null]));
  }

  async householdMembers(household: string): Promise<Set<string>> {
    if (!this.householdMemberCache.has(household)) {
      this.stats.lazyLoads++;
      await this.loadHouseholdMembers([household]);
    }
    return new Set(this.householdMemberCache.get(household));
  }

  /** Loads the member profiles of households; returns them all. */
  private async loadHouseholdMembers(households: readonly string[]): Promise<string[]> {
    const wanted = households.filter((h) => !this.householdMemberCache.has(h));
    if (wanted.length > 0) {
      const rows = await this.query<{ profile_id: string; household_id: string }>(
        'household members',
        `SELECT profile_id, household_id FROM profiles WHERE household_id = ANY($1::text[])`,
        [wanted],
      );
      for (const h of wanted) this.householdMemberCache.set(h, new Set());
      for (const r of rows) {
        if (this.droppedProfiles.has(r.profile_id)) continue;
        // A profile moved in memory this batch follows its new household.
        const moved = this.householdCache.get(r.profile_id);
        if (moved !== undefined && moved !== r.household_id) continue;
        this.householdMemberCache.get(r.household_id)!.add(r.profile_id);
        if (moved === undefined) {
          this.householdCache.set(r.profile_id, r.household_id);
          this.loadedHouseholds.set(r.profile_id, r.household_id);
        }
      }
      const asked = new Set(wanted);
      for (const p of this.batchHouseholds) {
        const h = this.householdCache.get(p);
        if (h && asked.has(h)) this.householdMemberCache.get(h)!.add(p);
      }
    }
    return households.flatMap((h) => [...(this.householdMemberCache.get(h) ?? [])]);
  }

  createHousehold(): string {
    return `h_${randomBytes(12).toString('hex')}`;
  }

  setHousehold(profile: string, household: string | null): void {
    this.batchHouseholds.add(profile);
    const old = this.householdCache.get(profile);
    if (old) this.householdMemberCache.get(old)?.delete(profile);
    this.householdCache.set(profile, household);
    if (household) this.householdMemberCache.get(household)?.add(profile);
  }

  // --- flush ----------------------------------------------------------------------------------

  /** Writes what the batch changed: records, their index rows, links, value statuses, profiles and aliases. */
  async flush(): Promise<{ records: number; links: number }> {
    const dirty: RecordState[] = [];
    const keyRows = { add: [] as [string, string][], remove: [] as [string, string][] };
    const valueRows = { add: [] as [string, string][], remove: [] as [string, string][] };
    const addressRows = { add: [] as [string, string][], remove: [] as [string, string][] };
    const diff = (rows: typeof keyRows, id: string, before: readonly string[], after: readonly string[]) => {
      if (before === after) return; // most records the batch handed out it did not change
      const b = new Set(before);
      const a = new Set(after);
      for (const k of a) if (!b.has(k)) rows.add.push([k, id]);
      for (const k of b) if (!a.has(k)) rows.remove.push([k, id]);
    };
    const linkUpserts: Link[] = [];
    const linkDeletes: [string, string][] = [];
    for (const id of this.batchRecords) {
      const r = this.recordCache.get(id)!;
      const snap = this.snapshots.get(r.id)!;
      if (snap.isNew || fieldsChanged(snap.row!, r)) dirty.push(r);
      diff(keyRows, r.id, snap.keys, r.keys);
      diff(valueRows, r.id, snap.evidence.identifiers, r.evidence.identifiers);
      diff(addressRows, r.id, snap.evidence.addresses, r.evidence.addresses);
      const links = linksFrom(r);
      if (links.length === snap.links.length && links.every((l, i) => l === snap.links[i])) continue;
      const loadedLinks = new Map(snap.links.map((l) => [l.b, l]));
      const current = new Set<string>();
      for (const l of links) {
        current.add(l.b);
        const loaded = loadedLinks.get(l.b);
        if (loaded !== l && (loaded === undefined || linkJson(loaded) !== linkJson(l))) linkUpserts.push(l);
      }
      for (const b of loadedLinks.keys()) if (!current.has(b)) linkDeletes.push([r.id, b]);
    }
    if (dirty.length > 0) {
      await this.query(
        'records upsert',
        `INSERT INTO records (record_id, seq, party, observed_at, evidence, fingerprint, keys, profile_id, deleted)
         SELECT x.record_id, x.seq, x.party, x.observed_at, x.evidence, x.fingerprint, x.keys, x.profile_id, x.deleted
         FROM jsonb_to_recordset($1::jsonb) AS x(record_id text, seq bigint, party jsonb, observed_at bigint, evidence text,
              fingerprint text, keys text[], profile_id text, deleted boolean)
         ON CONFLICT (record_id) DO UPDATE SET
           -- A live record written without its party was loaded without it: the stored one stays.
           party = CASE WHEN EXCLUDED.party IS NULL AND NOT EXCLUDED.deleted THEN records.party ELSE EXCLUDED.party END, observed_at = EXCLUDED.observed_at, evidence = EXCLUDED.evidence,
           fingerprint = EXCLUDED.fingerprint, keys = EXCLUDED.keys, profile_id = EXCLUDED.profile_id, deleted = EXCLUDED.deleted, updated_at = now()`,
        [
          JSON.stringify(
            dirty.map((r) => ({
              record_id: r.id,
              seq: r.seq,
              party: r.party,
              observed_at: r.observedAt,
              evidence: r.evidenceJson,
              fingerprint: r.fingerprint,
              keys: r.keys,
              profile_id: r.profile,
              deleted: r.deleted,
            })),
          ),
        ],
      );
    }
    await this.writeRows('record_keys', 'key', keyRows);
    await this.writeRows('record_values', 'value_key', valueRows);
    await this.writeRows('record_addresses', 'address_key', addressRows);
    if (linkDeletes.length > 0) {
      await this.query('links delete', `DELETE FROM links l USING unnest($1::text[], $2::text[]) AS d(a, b) WHERE l.a = d.a AND l.b = d.b`, [
        linkDeletes.map((d) => d[0]),
        linkDeletes.map((d) => d[1]),
      ]);
    }
    if (linkUpserts.length > 0) {
      await this.query(
        'links upsert',
        `INSERT INTO links (a, b, rule, rank, score, matched_values, matched)
         SELECT x.a, x.b, x.rule, x.rank, x.score, x.matched_values, x.matched
         FROM jsonb_to_recordset($1::jsonb) AS x(a text, b text, rule text, rank int, score real, matched_values text[], matched jsonb)
         ON CONFLICT (a, b) DO UPDATE SET rule = EXCLUDED.rule, rank = EXCLUDED.rank, score = EXCLUDED.score,
           matched_values = EXCLUDED.matched_values, matched = EXCLUDED.matched, created_at = now()`,
        [JSON.stringify(linkUpserts.map((l) => ({ a: l.a, b: l.b, rule: l.rule, rank: l.rank, score: l.score, matched_values: l.values, matched: l.matched })))],
      );
    }
    const statuses = [...this.batchValues].map((key) => this.valueCache.get(key)!).filter((v) => v.status !== (this.loadedStatus.get(v.key) ?? 'usable'));
    const usable = statuses.filter((v) => v.status === 'usable').map((v) => v.key);
    const restricted = statuses.filter((v) => v.status !== 'usable');
    if (usable.length > 0) await this.query('value statuses delete', `DELETE FROM value_statuses WHERE value_key = ANY($1::text[])`, [usable]);
    if (restricted.length > 0) {
      await this.query(
        'value statuses upsert',
        `INSERT INTO value_statuses (value_key, status) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (value_key) DO UPDATE SET status = EXCLUDED.status, changed_at = now()`,
        [restricted.map((v) => v.key), restricted.map((v) => v.status)],
      );
    }
    const created = [...this.createdProfiles].filter((p) => !this.droppedProfiles.has(p));
    if (created.length > 0) await this.query('profiles insert', `INSERT INTO profiles (profile_id) SELECT unnest($1::text[])`, [created]);
    const moved = [...this.batchHouseholds].map((p): [string, string | null] => [p, this.householdCache.get(p) ?? null]).filter(
      ([p, h]) => !this.droppedProfiles.has(p) && (this.createdProfiles.has(p) ? h !== null : this.loadedHouseholds.has(p) && this.loadedHouseholds.get(p) !== h),
    );
    if (moved.length > 0) {
      await this.query('profiles household update', `UPDATE profiles p SET household_id = m.h FROM unnest($1::text[], $2::text[]) AS m(id, h) WHERE p.profile_id = m.id`, [
        moved.map(([p]) => p),
        moved.map(([, h]) => h),
      ]);
    }
    const dropped = [...this.droppedProfiles].filter(([p]) => !this.createdProfiles.has(p));
    if (dropped.length > 0) {
      const ids = dropped.map(([p]) => p);
      const survivors = dropped.map(([, s]) => s);
      await this.query('profiles delete', `DELETE FROM profiles WHERE profile_id = ANY($1::text[])`, [ids]);
      // Aliases of a dropped profile follow it to its survivor.
      await this.query(
        'aliases follow survivor',
        `UPDATE profile_aliases a SET profile_id = d.survivor FROM unnest($1::text[], $2::text[]) AS d(id, survivor) WHERE a.profile_id = d.id`,
        [ids, survivors],
      );
      await this.query(
        'aliases insert',
        `INSERT INTO profile_aliases (alias_id, profile_id) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (alias_id) DO UPDATE SET profile_id = EXCLUDED.profile_id`,
        [ids, survivors],
      );
    }
    return { records: dirty.length, links: linkUpserts.length + linkDeletes.length };
  }

  private async writeRows(table: string, column: string, rows: { add: [string, string][]; remove: [string, string][] }): Promise<void> {
    if (rows.remove.length > 0) {
      await this.query(`${table} delete`, `DELETE FROM ${table} t USING unnest($1::text[], $2::text[]) AS d(k, r) WHERE t.${column} = d.k AND t.record_id = d.r`, [
        rows.remove.map((x) => x[0]),
        rows.remove.map((x) => x[1]),
      ]);
    }
    if (rows.add.length > 0) {
      await this.query(`${table} insert`, `INSERT INTO ${table} (${column}, record_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [
        rows.add.map((x) => x[0]),
        rows.add.map((x) => x[1]),
      ]);
    }
  }
}
