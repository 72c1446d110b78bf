// Runs the identity engine over an accuracy data set in a given arrival order and scores the
// result against the ground truth: pairwise and B-cubed precision/recall/F1, households, and the
// cost (candidates per record, time per record).
import { type PRF, scoreClusters } from '@c360/generator';
import type { MatchingConfig } from '@c360/resolver-domain';
import type { AccuracyDataSet, ArrivingEvent } from './accuracy-data';
import { HarnessResolver, type ResolverStats } from './harness-resolver';

export type ArrivalOrder = 'time' | 'reversed' | 'shuffled';

export interface RunResult {
  readonly order: ArrivalOrder;
  readonly resolver: HarnessResolver;
  /** Record → profile. */
  readonly profiles: Map<string, string>;
  /** Record → household (of its profile). */
  readonly households: Map<string, string>;
  readonly pairwise: PRF;
  readonly bcubed: PRF;
  readonly household: PRF;
  readonly stats: ResolverStats;
  readonly records: number;
  readonly events: number;
  /** Resolving time (households excluded), milliseconds. */
  readonly resolveMs: number;
  readonly householdMs: number;
}

/** Deterministic pseudo-random numbers (mulberry32), for the shuffled order. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The events in an arrival order. Every order keeps each record's own events in time order (Kafka
 * keeps the order of one key); across records: 'time' as the sources sent them; 'reversed' record
 * by record, the newest record first; 'shuffled' person by person in a seeded random order, each
 * person's events in time order.
 */
export function arrivalOrder(data: AccuracyDataSet, order: ArrivalOrder, seed = 1): ArrivingEvent[] {
  const events = data.events;
  if (order === 'time') return [...events];
  const byRecord = new Map<string, ArrivingEvent[]>();
  for (const e of events) (byRecord.get(e.record) ?? byRecord.set(e.record, []).get(e.record)!).push(e);
  if (order === 'reversed') return [...byRecord.values()].reverse().flat();
  const byPerson = new Map<string, ArrivingEvent[]>();
  for (const e of events) {
    const person = data.records.get(e.record)!.personId;
    (byPerson.get(person) ?? byPerson.set(person, []).get(person)!).push(e);
  }
  const persons = [...byPerson.keys()];
  const r = random(seed);
  for (let i = persons.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [persons[i], persons[j]] = [persons[j]!, persons[i]!];
  }
  return persons.flatMap((p) => byPerson.get(p)!);
}

/** Lets the event loop run now and then during a long resolution (the test runner's worker answers its pings). */
const YIELD_EVERY = 5_000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Events per batch, as the service polls them (C360_ACCURACY_BATCH to change). */
export const HARNESS_BATCH = Number(process.env['C360_ACCURACY_BATCH'] ?? 200);

export async function runResolver(data: AccuracyDataSet, config: MatchingConfig, order: ArrivalOrder, batch = HARNESS_BATCH): Promise<RunResult> {
  const events = arrivalOrder(data, order);
  const resolver = new HarnessResolver(config);
  let busy = 0;
  let last = performance.now();
  for (let i = 0; i < events.length; i += batch) {
    await resolver.applyBatch(events.slice(i, i + batch));
    if (Math.floor(i / YIELD_EVERY) !== Math.floor((i + batch) / YIELD_EVERY)) {
      busy += performance.now() - last;
      await pause();
      last = performance.now();
    }
  }
  busy += performance.now() - last;

  const profiles = resolver.assignments();
  const h0 = performance.now();
  const householdOfProfile = resolver.households();
  const householdMs = performance.now() - h0;
  const households = new Map([...profiles].map(([record, profile]) => [record, householdOfProfile.get(profile)!]));
  const persons = new Map([...data.records.values()].map((r) => [r.record, r.personId]));
  const trueHouseholds = new Map([...data.records.values()].map((r) => [r.record, r.householdId]));
  const scores = scoreClusters(profiles, persons, 0);
  return {
    order,
    resolver,
    profiles,
    households,
    pairwise: scores.pairwise,
    bcubed: scores.bcubed,
    household: scoreClusters(households, trueHouseholds, 0).pairwise,
    stats: { ...resolver.stats },
    records: data.records.size,
    events: events.length,
    resolveMs: busy,
    householdMs,
  };
}

/** The share of record pairs two clusterings agree on: pairs together in both over pairs together in either. */
export function pairAgreement(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const count = (key: (record: string) => string) => {
    const sizes = new Map<string, number>();
    for (const record of a.keys()) sizes.set(key(record), (sizes.get(key(record)) ?? 0) + 1);
    let total = 0;
    for (const n of sizes.values()) total += pairs(n);
    return total;
  };
  const inA = count((r) => a.get(r)!);
  const inB = count((r) => b.get(r) ?? `\u0000${r}`);
  const inBoth = count((r) => `${a.get(r)!}\u0000${b.get(r) ?? `\u0000${r}`}`);
  const inEither = inA + inB - inBoth;
  return inEither === 0 ? 1 : inBoth / inEither;
}
