// The whole identity graph in maps: for the accuracy harness, the dry run of a rule change and
// tests. The resolver service keeps the same state in Postgres (resolver data-access).
import type { Party } from '@c360/schemas';
import type { RecordEvidence } from '../evidence';
import type { GraphStore, KeyIndex, RecordState, StewardDecision, ValueState } from './graph-store';

export const EMPTY_EVIDENCE: RecordEvidence = {
  names: [],
  birthDates: [],
  identifiers: [],
  phoneLines: {},
  addresses: [],
  dwellings: [],
  postcodes: [],
};

/** A record as a store creates it: no evidence, keys, links or profile yet. */
export function newRecordState(id: string, seq: number, party: Party, observedAt: number): RecordState {
  return {
    id,
    seq,
    party,
    observedAt,
    evidence: EMPTY_EVIDENCE,
    evidenceJson: '',
    fingerprint: '',
    keys: [],
    profile: null,
    deleted: false,
    links: new Map(),
  };
}

export class MemoryGraphStore implements GraphStore {
  readonly recordMap = new Map<string, RecordState>();
  readonly valueMap = new Map<string, ValueState>();
  readonly indexMap = new Map<string, KeyIndex>();
  readonly addressMap = new Map<string, Set<string>>();
  readonly profileMap = new Map<string, { readonly seq: number; readonly records: Set<string> }>();
  readonly aliases = new Map<string, string | null>();
  readonly householdOf = new Map<string, string>();
  readonly householdMap = new Map<string, Set<string>>();
  private readonly decisionList: StewardDecision[] = [];
  private nextHousehold = 0;
  private nextRecordSeq = 0;
  private nextProfileSeq = 0;

  async records(ids: Iterable<string>): Promise<Map<string, RecordState>> {
    const out = new Map<string, RecordState>();
    for (const id of ids) {
      const r = this.recordMap.get(id);
      if (r) out.set(id, r);
    }
    return out;
  }

  createRecord(id: string, party: Party, observedAt: number): RecordState {
    const r = newRecordState(id, this.nextRecordSeq++, party, observedAt);
    this.recordMap.set(id, r);
    return r;
  }

  async value(key: string): Promise<ValueState> {
    let v = this.valueMap.get(key);
    if (!v) this.valueMap.set(key, (v = { key, status: 'usable', count: 0, holders: new Set() }));
    return v;
  }

  async holders(key: string): Promise<Set<string>> {
    return (await this.value(key)).holders!;
  }

  async index(key: string): Promise<KeyIndex> {
    let i = this.indexMap.get(key);
    if (!i) this.indexMap.set(key, (i = { count: 0, members: new Set() }));
    return i;
  }

  async atAddress(key: string): Promise<Set<string>> {
    let s = this.addressMap.get(key);
    if (!s) this.addressMap.set(key, (s = new Set()));
    return s;
  }

  async members(profile: string): Promise<Set<string>> {
    return this.profileMap.get(profile)?.records ?? new Set();
  }

  async profileSeqs(ids: readonly string[]): Promise<Map<string, number>> {
    return new Map(ids.map((id) => [id, this.profileMap.get(id)?.seq ?? Number.MAX_SAFE_INTEGER]));
  }

  async decisions(records: Iterable<string>): Promise<StewardDecision[]> {
    const ids = new Set(records);
    return this.decisionList.filter((d) => ids.has(d.a) || ids.has(d.b));
  }

  /** Records a steward's decision, replacing any earlier one about the same two records. */
  decide(decision: StewardDecision): void {
    const same = (d: StewardDecision) => (d.a === decision.a && d.b === decision.b) || (d.a === decision.b && d.b === decision.a);
    const i = this.decisionList.findIndex(same);
    if (i >= 0) this.decisionList.splice(i, 1);
    this.decisionList.push(decision);
  }

  createProfile(): string {
    const seq = this.nextProfileSeq++;
    const id = `p${String(seq).padStart(8, '0')}`;
    this.profileMap.set(id, { seq, records: new Set() });
    return id;
  }

  assign(record: RecordState, profile: string | null): void {
    if (record.profile !== null) this.profileMap.get(record.profile)?.records.delete(record.id);
    record.profile = profile;
    if (profile !== null) this.profileMap.get(profile)!.records.add(record.id);
  }

  async householdsOf(profiles: readonly string[]): Promise<Map<string, string | null>> {
    return new Map(profiles.map((p) => [p, this.householdOf.get(p) ?? null]));
  }

  async householdMembers(household: string): Promise<Set<string>> {
    return new Set(this.householdMap.get(household) ?? []);
  }

  createHousehold(): string {
    return `h${String(this.nextHousehold++).padStart(8, '0')}`;
  }

  setHousehold(profile: string, household: string | null): void {
    const old = this.householdOf.get(profile);
    if (old !== undefined) {
      this.householdMap.get(old)?.delete(profile);
      if (this.householdMap.get(old)?.size === 0) this.householdMap.delete(old);
      this.householdOf.delete(profile);
    }
    if (household === null) return;
    this.householdOf.set(profile, household);
    (this.householdMap.get(household) ?? this.householdMap.set(household, new Set()).get(household)!).add(profile);
  }

  dropProfile(id: string, survivor: string | null): void {
    this.setHousehold(id, null);
    this.profileMap.delete(id);
    this.aliases.set(id, survivor);
    for (const [alias, target] of this.aliases) if (target === id) this.aliases.set(alias, survivor);
  }

  /** The profile an id resolves to now: itself, or the survivor of what absorbed it. */
  resolve(id: string): string | null {
    if (this.profileMap.has(id)) return id;
    return this.aliases.get(id) ?? null;
  }
}
