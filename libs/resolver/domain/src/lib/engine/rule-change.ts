// A dry run of a rule change: the stored records resolved again under other rules, in memory, and
// the profiles that would merge or split compared with the current ones. Nothing is applied.
import type { Party } from '@c360/schemas';
import type { MatchingConfig } from '../matching-config';
import { IdentityEngine } from './engine';
import type { StewardDecision } from './graph-store';
import { MemoryGraphStore } from './memory-graph-store';

export interface StoredRecord {
  readonly id: string;
  readonly party: Party | null;
  readonly observedAt: number;
  readonly deleted: boolean;
}

/** Record → group under `config`: the records (oldest first) resolved from scratch, steward decisions included. */
export async function resolveFromScratch(
  records: readonly StoredRecord[],
  decisions: readonly StewardDecision[],
  config: MatchingConfig,
  batch = 500,
): Promise<Map<string, string>> {
  const store = new MemoryGraphStore();
  for (const d of decisions) store.decide(d);
  const engine = new IdentityEngine(config, store);
  const live = records.filter((r) => !r.deleted && r.party !== null);
  for (let i = 0; i < live.length; i += batch) {
    await engine.applyBatch(live.slice(i, i + batch).map((r) => ({ record: r.id, eventType: 'RECORD_UPDATE' as const, party: r.party!, occurredAt: r.observedAt })));
    // Let a caller's event loop breathe on big graphs.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const out = new Map<string, string>();
  for (const r of store.recordMap.values()) if (r.profile !== null) out.set(r.id, r.profile);
  return out;
}

export interface ClusteringChanges {
  /** Groups of the proposed clustering that take records of several current profiles. */
  readonly merges: readonly { readonly profiles: readonly string[]; readonly records: readonly string[] }[];
  /** Current profiles whose records the proposed clustering puts in several groups (each part's records). */
  readonly splits: readonly { readonly profile: string; readonly parts: readonly (readonly string[])[] }[];
}

/** How `proposed` (record → group) differs from `current` (record → profile), over the records both hold. */
export function compareClusterings(current: ReadonlyMap<string, string>, proposed: ReadonlyMap<string, string>): ClusteringChanges {
  const byGroup = new Map<string, string[]>();
  const byProfile = new Map<string, string[]>();
  for (const [record, profile] of current) {
    const group = proposed.get(record);
    if (group === undefined) continue;
    (byGroup.get(group) ?? byGroup.set(group, []).get(group)!).push(record);
    (byProfile.get(profile) ?? byProfile.set(profile, []).get(profile)!).push(record);
  }
  const merges = [...byGroup.values()]
    .map((records) => ({ profiles: [...new Set(records.map((r) => current.get(r)!))].sort(), records: records.sort() }))
    .filter((m) => m.profiles.length > 1)
    .sort((a, b) => b.records.length - a.records.length || (a.profiles[0]! < b.profiles[0]! ? -1 : 1));
  const splits = [...byProfile]
    .map(([profile, records]) => {
      const parts = new Map<string, string[]>();
      for (const r of records) (parts.get(proposed.get(r)!) ?? parts.set(proposed.get(r)!, []).get(proposed.get(r)!)!).push(r);
      return { profile, parts: [...parts.values()].map((p) => p.sort()).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1)) };
    })
    .filter((s) => s.parts.length > 1)
    .sort((a, b) => (a.profile < b.profile ? -1 : 1));
  return { merges, splits };
}
