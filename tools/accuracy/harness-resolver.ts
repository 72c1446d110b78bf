// The resolver as the accuracy harness runs it: the service's identity engine
// (@c360/resolver-domain, IdentityEngine) over the whole graph in memory (MemoryGraphStore), fed
// the events in batches as the service is, plus what the harness inspects: assignments, links,
// evidence, value statuses and households.
import {
  type EngineStats,
  IdentityEngine,
  type Link,
  type MatchingConfig,
  MemoryGraphStore,
  type ProfileEvidence,
  type RecordEvidence,
  type ValueStatus,
  householdMatch,
  profileEvidence,
} from '@c360/resolver-domain';
import type { ArrivingEvent } from './accuracy-data';

export type { EngineStats as ResolverStats, Link };

export class HarnessResolver {
  readonly store = new MemoryGraphStore();
  readonly engine: IdentityEngine;

  constructor(private readonly config: MatchingConfig) {
    this.engine = new IdentityEngine(config, this.store);
  }

  get stats(): EngineStats {
    return this.engine.stats;
  }

  /** Applies a batch of events, as one poll of the service would. */
  async applyBatch(events: readonly ArrivingEvent[]): Promise<void> {
    await this.engine.applyBatch(events.map((e) => ({ record: e.record, eventType: e.eventType, party: e.party, occurredAt: e.at })));
  }

  /** Record → profile, for every record seen (deleted ones left out). */
  assignments(): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.store.recordMap.values()) if (r.profile !== null) out.set(r.id, r.profile);
    return out;
  }

  profileEvidence(profile: string): ProfileEvidence {
    const records = [...this.store.profileMap.get(profile)!.records].map((id) => this.store.recordMap.get(id)!);
    return profileEvidence(records.sort((a, b) => a.seq - b.seq).map((r) => ({ recordId: r.id, evidence: r.evidence })));
  }

  /** Every current link (each once). */
  links(): Link[] {
    const out: Link[] = [];
    for (const r of this.store.recordMap.values()) for (const l of r.links.values()) if (l.a === r.id) out.push(l);
    return out;
  }

  evidenceOf(record: string): RecordEvidence | undefined {
    return this.store.recordMap.get(record)?.evidence;
  }

  keysOf(record: string): readonly string[] {
    return this.store.recordMap.get(record)?.keys ?? [];
  }

  /** Whether a blocking key finds candidates now: not an over-frequent value, not held by too many records. */
  keyUsable(key: string): boolean {
    if (this.store.valueMap.get(key)?.status === 'over-frequent') return false;
    return (this.store.indexMap.get(key)?.count ?? 0) <= this.config.file.blocking.maxRecordsPerKey;
  }

  statusOf(value: string): ValueStatus | undefined {
    return this.store.valueMap.get(value)?.status;
  }

  holdersOf(value: string): ReadonlySet<string> {
    return this.store.valueMap.get(value)?.holders ?? new Set();
  }

  /**
   * Households: profiles joined by the household rules (a relationship, never a merge), over the
   * current profiles, candidates through shared phones, emails and addresses.
   */
  households(): Map<string, string> {
    const overFrequent = new Set([...this.store.valueMap.values()].filter((v) => v.status === 'over-frequent').map((v) => v.key));
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
    const ids = [...this.store.profileMap.keys()].sort();
    for (const p of ids) parent.set(p, p);
    const profileOf = (record: string) => this.store.recordMap.get(record)!.profile;
    for (const p of ids) {
      const others = new Set<string>();
      for (const id of this.store.profileMap.get(p)!.records) {
        const r = this.store.recordMap.get(id)!;
        for (const key of r.evidence.identifiers) {
          if (!(key.startsWith('PHONE:') || key.startsWith('EMAIL:')) || overFrequent.has(key)) continue;
          for (const h of this.store.valueMap.get(key)!.holders!) others.add(profileOf(h)!);
        }
        for (const a of r.evidence.addresses) for (const h of this.store.addressMap.get(a) ?? []) others.add(profileOf(h)!);
      }
      for (const o of [...others].sort()) {
        if (o === null || o === p || find(o) === find(p)) continue;
        if (householdMatch(ev(p), ev(o), this.config, { overFrequent })) {
          const [x, y] = [find(p), find(o)];
          parent.set(x < y ? y : x, x < y ? x : y);
        }
      }
    }
    return new Map(ids.map((p) => [p, find(p)]));
  }
}
