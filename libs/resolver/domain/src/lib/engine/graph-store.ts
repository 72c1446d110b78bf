// The state the identity engine works on, and the store that holds it. The engine (engine.ts) is
// the resolution algorithm and nothing else; a store gives it the records, values, indexes and
// profiles it asks for. MemoryGraphStore keeps everything in maps (the accuracy harness, the dry
// run of a rule change, tests); the resolver service's store loads what a batch needs from
// Postgres, lets the engine change it in memory and writes the difference back in the batch's
// transaction. The objects a store hands out are live: the engine changes them in place.
import type { Party } from '@c360/schemas';
import type { RecordEvidence } from '../evidence';
import type { ValueStatus } from '../protection';
import type { MatchedValue } from '../rules';

/** A link between two records: the rule that holds between them, its score and the values it used. */
export interface Link {
  /** The smaller record id: a link is evaluated in one orientation, whatever arrived first. */
  readonly a: string;
  readonly b: string;
  readonly rule: string;
  /** The rule's priority (0 is the strongest): stronger links are applied first. */
  readonly rank: number;
  readonly score: number;
  /** Identifier keys the rule matched on: the link is checked again when one changes status. */
  readonly values: readonly string[];
  /** Every condition's evidence, for explanation. */
  readonly matched: readonly MatchedValue[];
}

/** A source record ('source:sourceRecordId') as the engine knows it. */
export interface RecordState {
  readonly id: string;
  /** Creation order: the oldest record of a group decides ties. */
  readonly seq: number;
  /** The record's party, accumulated from its events; null for a deleted record. */
  party: Party | null;
  /** When the source last changed what the record says (the event's occurredAt), epoch ms. */
  observedAt: number;
  evidence: RecordEvidence;
  /** The evidence as JSON, to see whether an event changed it. */
  evidenceJson: string;
  /** The matching configuration's evidence fingerprint the evidence was built under. */
  fingerprint: string;
  /** Blocking keys the record is indexed under. */
  keys: readonly string[];
  /** Its profile; null until the batch that created it is partitioned, and for a deleted record. */
  profile: string | null;
  /** The source deleted the record: it belongs to no profile and links to nothing. */
  deleted: boolean;
  /** Links to other records, by the other record's id. */
  readonly links: Map<string, Link>;
}

/** An identifier value ('EMAIL:a@b.c'). */
export interface ValueState {
  readonly key: string;
  status: ValueStatus;
  /** How many records hold it. */
  count: number;
  /** The records holding it; null when the store did not load them (too many). */
  holders: Set<string> | null;
}

/** A blocking key's records: the members only when few enough to be candidates. */
export interface KeyIndex {
  count: number;
  members: Set<string> | null;
}

/** A steward's decision about two records. */
export interface StewardDecision {
  readonly a: string;
  readonly b: string;
  readonly kind: 'force-link' | 'never-link';
}

/** What a batch will most likely read: a store that loads from a database loads it in bulk first. */
export interface PrefetchNeeds {
  /** Identifier values the batch's records hold, before and after. */
  readonly values: ReadonlySet<string>;
  /** Blocking keys they are indexed under, before and after. */
  readonly keys: ReadonlySet<string>;
  /** Their address keys, before and after. */
  readonly addresses: ReadonlySet<string>;
  /** Profiles whose records (and households) the batch will read. */
  readonly profiles?: ReadonlySet<string>;
}

export interface GraphStore {
  /** Loads in bulk what a batch will most likely need (the batch's own records are loaded already). */
  prefetch?(needs: PrefetchNeeds): Promise<void>;
  /**
   * The records known among `ids`. A store may leave `party` unloaded (null) unless `withParty`:
   * the engine reads the party only of the records its events are about, and the store must then
   * keep the stored party when it writes such a record back.
   */
  records(ids: Iterable<string>, withParty?: boolean): Promise<Map<string, RecordState>>;
  /** A new record (its seq issued by the store), with no profile yet. */
  createRecord(id: string, party: Party, observedAt: number): RecordState;
  /** The value's state; a value never seen is usable and held by nobody. */
  value(key: string): Promise<ValueState>;
  /** Every holder of a value (loads them if the state has none). */
  holders(key: string): Promise<Set<string>>;
  /** The records under a blocking key; members are given when count <= limit. */
  index(key: string, limit: number): Promise<KeyIndex>;
  /** The records with an address key. */
  atAddress(key: string): Promise<Set<string>>;
  /** A profile's records. */
  members(profile: string): Promise<Set<string>>;
  /** Creation order of profiles (lower is older). */
  profileSeqs(ids: readonly string[]): Promise<Map<string, number>>;
  /** Steward decisions involving any of the records. */
  decisions(records: Iterable<string>): Promise<StewardDecision[]>;
  /** A new profile, empty, for a group of records (oldest first); returns its id. */
  createProfile(records: readonly string[]): string;
  /** Puts a record on a profile (null: on none), keeping the profiles' memberships. */
  assign(record: RecordState, profile: string | null): void;
  /** The household of each profile (null: none). */
  householdsOf(profiles: readonly string[]): Promise<Map<string, string | null>>;
  /** A household's member profiles. */
  householdMembers(household: string): Promise<Set<string>>;
  /** A new household id. */
  createHousehold(): string;
  /** Puts a profile in a household (null: in none). */
  setHousehold(profile: string, household: string | null): void;
  /** A profile that ends: its records went elsewhere; its id resolves to `survivor` from now on (null: to nothing). */
  dropProfile(id: string, survivor: string | null): void;
}
