// `accuracy`: the resolver as its own process fed the canonical events of generated persons in
// three arrival orders (each record's own events stay in order, as Kafka keeps them per key), each
// on a fresh database and group; its clusters read back from its database and scored against the
// ground truth with the generator's scoring, as `c360 score --database-url` does.
import { query } from '@c360/testing';
import { scoreRun, type RunScores } from '@c360/generator';
import { Topics } from '@c360/schemas';
import { canonicalOf, encodeFor, generated, recordOf } from '../data-sets';
import { benchKafka, drain, endsAfter, produceAll, type Payload } from '../kafka';
import { round, type Options, type ScenarioResult } from '../scenario';
import { startAlone } from '../services';

/** Deterministic pseudo-random numbers (mulberry32, as tools/accuracy uses). */
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

function shuffle<T>(items: T[], seed: number): T[] {
  const r = random(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Indexes of the payloads grouped by record, records in order of first appearance. */
function streams(records: readonly string[]): number[][] {
  const byRecord = new Map<string, number[]>();
  records.forEach((r, i) => (byRecord.get(r) ?? byRecord.set(r, []).get(r)!).push(i));
  return [...byRecord.values()];
}

/** Whole per-record streams, one after the other, the records in a seeded random order. */
const recordsShuffled = (records: readonly string[], seed: number): number[] => shuffle(streams(records), seed).flat();

/** A seeded uniformly random interleaving of the per-record streams (each stream's order kept). */
function interleaved(records: readonly string[], seed: number): number[] {
  const all = streams(records);
  const slots = shuffle(
    all.flatMap((s, k) => s.map(() => k)),
    seed,
  );
  const next = new Array<number>(all.length).fill(0);
  return slots.map((k) => all[k]![next[k]!++]!);
}

/** The share of record pairs two clusterings agree on: pairs together in both over pairs together in either (tools/accuracy's pairAgreement). */
function pairAgreement(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
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

interface OrderRun {
  readonly order: string;
  readonly profiles: Map<string, string>;
  readonly households: Map<string, string>;
  readonly eventsPerS: number;
}

async function accuracyRun(options: Options, order: string, payloads: readonly Payload[]): Promise<OrderRun> {
  const kafka = benchKafka(options.env);
  const alone = await startAlone(options, 'resolver', [Topics.canonicalEvents.name], { database: true });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const ms = await drain(admin, alone.groupId, await endsAfter(admin, payloads), () => produceAll(kafka, payloads));
    // The reads of `c360 score --database-url`: a record its source deleted is a person of its own.
    const rows = await query<{ record: string; profile_id: string; household: string }>(
      alone.databaseUrl!,
      `SELECT r.record_id AS record, COALESCE(r.profile_id, 'deleted:' || r.record_id) AS profile_id,
              COALESCE(p.household_id, p.profile_id, 'deleted:' || r.record_id) AS household
       FROM resolver.records r LEFT JOIN resolver.profiles p USING (profile_id)`,
    );
    return {
      order,
      profiles: new Map(rows.map((r) => [r.record, r.profile_id])),
      households: new Map(rows.map((r) => [r.record, r.household])),
      eventsPerS: (payloads.length / ms) * 1000,
    };
  } finally {
    await alone.stop();
    await admin.disconnect();
  }
}

export async function accuracyScenario(options: Options): Promise<ScenarioResult> {
  const persons = options.quick ? 2000 : 10000;
  const data = generated(persons, 7);
  const events = canonicalOf(data);
  const records = events.map(recordOf);
  const payloads = await encodeFor(
    options.env,
    Topics.canonicalEvents,
    events.map((e) => ({ key: recordOf(e), value: e })),
  );
  const orders: [string, number[]][] = [
    ['generator', payloads.map((_, i) => i)],
    ['records-shuffled', recordsShuffled(records, 11)],
    ['interleaved', interleaved(records, 13)],
  ];
  const runs: OrderRun[] = [];
  for (const [name, order] of orders) {
    runs.push(
      await accuracyRun(
        options,
        name,
        order.map((i) => payloads[i]!),
      ),
    );
    console.error(`  ${name}: ${runs.at(-1)!.profiles.size} records resolved`);
  }
  const scores: RunScores[] = runs.map((r) => scoreRun(r.profiles, data.truth, { predictedHouseholds: r.households, worst: 0 }));
  const first = scores[0]!;
  const agreements = runs.slice(1).map((r) => pairAgreement(runs[0]!.profiles, r.profiles));
  return {
    scenario: 'accuracy',
    metrics: {
      pairwise_precision: round(first.pairwise.precision),
      pairwise_recall: round(first.pairwise.recall),
      pairwise_f1: round(first.pairwise.f1),
      bcubed_f1: round(first.bcubed.f1),
      household_f1: round(first.household.f1),
      order_agreement: round(Math.min(...agreements)),
    },
    baseline: {},
    ratio: null,
    config: {
      persons,
      seed: 7,
      noise: 'default',
      events: payloads.length,
      truth_records: data.truth.records.length,
      orders: runs.map((r, i) => ({
        order: r.order,
        records_resolved: r.profiles.size,
        profiles: new Set(r.profiles.values()).size,
        pairwise: {
          precision: round(scores[i]!.pairwise.precision),
          recall: round(scores[i]!.pairwise.recall),
          f1: round(scores[i]!.pairwise.f1),
        },
        bcubed: { precision: round(scores[i]!.bcubed.precision), recall: round(scores[i]!.bcubed.recall), f1: round(scores[i]!.bcubed.f1) },
        household_f1: round(scores[i]!.household.f1),
        agreement_with_first: i === 0 ? 1 : round(agreements[i - 1]!),
        events_per_s: Math.round(r.eventsPerS),
      })),
    },
    notes: [
      'the resolver as its own process, a fresh database and group per order, fed Avro canonical events of generated persons (default noise, seed 7); orders: the generator order, whole per-record streams in a seeded random order (seed 11), a seeded random interleaving of the per-record streams (seed 13)',
      'metrics: the generator order scored with scoreRun (household: each record in its profile household); order_agreement: the lower pairwise agreement of the clusterings of the other two orders with the first',
      'recall over placeable pairs is not computed here: its analysis (tools/accuracy, docs/matching.md section 11) is not in the build the bench runs from; run npx vitest run --project unit tools/accuracy for it',
    ],
  };
}
