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

  /** Profile → its household as the engine keeps it online (a profile in none is its own). */
  households(): Map<string, string> {
    return new Map([...this.store.profileMap.keys()].map((p) => [p, this.store.householdOf.get(p) ?? p]));
  }
}
