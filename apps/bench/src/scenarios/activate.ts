// `activate`: the activation service alone with the bench's 20 segments, fed Avro insights as the
// insights service would publish them for generated persons (one update per purchase or return,
// recomputed over the profile's facts so far), against an Avro passthrough of the same payloads.
import { query } from '@c360/testing';
import { Headers, segmentTopic, Topics, type ProfileInsights } from '@c360/schemas';
import { summarisePurchases, type PurchaseFact } from '@c360/insights-domain';
import { compileSegment, contextFromInsights, transitions } from '@c360/activation-domain';
import { minorDigits } from '@c360/money';
import { canonicalOf, encodeFor, generated, readRates, recordOf } from '../data-sets';
import { benchKafka, drain, endsAfter, passthroughRun, produceAll, topicTotal, PARTITIONS, type Payload } from '../kafka';
import { median, rssOf, type Options, type ScenarioResult } from '../scenario';
import { BENCH_SEGMENTS, writeSegments } from '../segments';
import { startAlone } from '../services';

interface ActivateData {
  readonly payloads: Payload[];
  readonly profiles: number;
  /** The changes per segment the activation domain gives when every update is evaluated on its own, here. */
  readonly expected: Record<string, number>;
  /** The memberships those updates end in (what activation must hold, however it batches). */
  readonly expectedMemberships: number;
}

async function activateData(options: Options, persons: number): Promise<ActivateData> {
  const data = generated(persons);
  const personOf = new Map(data.truth.records.map((r) => [recordOf(r), r.personId]));
  const currency = readRates().reportingCurrency;
  const facts = new Map<string, PurchaseFact[]>();
  const items: { key: string; value: ProfileInsights; headers: Record<string, string> }[] = [];
  const base = Date.now();
  for (const e of canonicalOf(data)) {
    const amountMinor = e.purchase ? e.purchase.reportingAmountMinor : e.purchaseReturn ? -e.purchaseReturn.reportingAmountMinor : null;
    if (amountMinor === null) continue;
    const profileId = `p_${personOf.get(recordOf(e)) ?? recordOf(e)}`;
    const list = facts.get(profileId) ?? facts.set(profileId, []).get(profileId)!;
    list.push({ eventId: e.eventId, amountMinor, occurredAt: e.occurredAt });
    items.push({
      key: profileId,
      // updatedAt grows with every update, so activation evaluates each one (it skips older insights).
      value: {
        profileId,
        reportingCurrency: currency,
        ...summarisePurchases(list),
        causeEventId: e.eventId,
        causeIngestedAt: e.ingestedAt,
        updatedAt: base + items.length,
      },
      headers: { [Headers.eventId]: e.eventId },
    });
  }
  const segments = BENCH_SEGMENTS.map((s) => compileSegment(s));
  const members = new Map<string, Set<string>>();
  const expected: Record<string, number> = Object.fromEntries(BENCH_SEGMENTS.map((s) => [s.id, 0]));
  for (const { value } of items) {
    const set = members.get(value.profileId) ?? members.set(value.profileId, new Set()).get(value.profileId)!;
    for (const t of transitions(segments, set, contextFromInsights(value, minorDigits(currency), Date.now()))) {
      expected[t.segmentId] = (expected[t.segmentId] ?? 0) + 1;
      if (t.change === 'ENTERED') set.add(t.segmentId);
      else set.delete(t.segmentId);
    }
  }
  const expectedMemberships = [...members.values()].reduce((n, set) => n + set.size, 0);
  return { payloads: await encodeFor(options.env, Topics.insights, items), profiles: facts.size, expected, expectedMemberships };
}

interface ActivateRun {
  readonly eventsPerS: number;
  readonly rssMb: number;
  readonly memberships: number;
  readonly changes: Record<string, number>;
}

async function activateRun(options: Options, payloads: readonly Payload[], segmentsDir: string): Promise<ActivateRun> {
  const kafka = benchKafka(options.env);
  const alone = await startAlone(options, 'activation', [Topics.insights.name], { database: true, env: { SEGMENTS_DIR: segmentsDir } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // The segment topics exist now: activation creates them at startup.
    const topics = BENCH_SEGMENTS.map((s) => segmentTopic(s.id).name);
    const before = await Promise.all(topics.map((t) => topicTotal(admin, [t])));
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const ends = await endsAfter(admin, payloads);
    const ms = await drain(admin, alone.groupId, ends, () => produceAll(kafka, payloads));
    const rssMb = rssOf(alone.service.process.pid!);
    const [row] = await query<{ n: number }>(alone.databaseUrl!, `SELECT count(*)::int AS n FROM activation.segment_memberships`);
    const after = await Promise.all(topics.map((t) => topicTotal(admin, [t])));
    return {
      eventsPerS: (payloads.length / ms) * 1000,
      rssMb,
      memberships: row?.n ?? 0,
      changes: Object.fromEntries(BENCH_SEGMENTS.map((s, i) => [s.id, after[i]! - before[i]!])),
    };
  } finally {
    await alone.stop();
    await admin.disconnect();
  }
}

export async function activateScenario(options: Options): Promise<ScenarioResult> {
  const data = await activateData(options, options.quick ? 2000 : 10000);
  const segments = writeSegments();
  const runs: ActivateRun[] = [];
  const pass: number[] = [];
  try {
    for (let i = 0; i < (options.quick ? 1 : 3); i++) {
      pass.push(await passthroughRun(options, data.payloads, true));
      runs.push(await activateRun(options, data.payloads, segments.dir));
    }
  } finally {
    segments.remove();
  }
  const m = median(runs.map((r) => r.eventsPerS));
  const b = median(pass);
  const total = (c: Record<string, number>) => Object.values(c).reduce((s, n) => s + n, 0);
  const notes = [
    `the activation service as its own process on a fresh database with ${BENCH_SEGMENTS.length} CEL segments (SEGMENTS_DIR, a temp folder), fed Avro ProfileInsights keyed by profile: one per purchase or return of generated persons, each recomputed over the profile's facts so far`,
    'passthrough: consume → Avro decode → encode → produce → commit over the same payloads, interleaved',
    'expected_*: the same insights through the activation domain here, each update on its own; activation evaluates only the latest insights of a profile in a batch, so it publishes fewer changes (an exit and re-entry inside one batch is no change) but must end in the same memberships',
  ];
  const silent = BENCH_SEGMENTS.filter((s) => runs.every((r) => (r.changes[s.id] ?? 0) === 0)).map((s) => s.id);
  if (silent.length > 0) notes.push(`segments that never changed: ${silent.join(', ')}`);
  const off = runs.filter((r) => r.memberships !== data.expectedMemberships);
  if (off.length > 0) notes.push(`WARNING: ${off.length} run(s) ended in other memberships than the ${data.expectedMemberships} expected`);
  return {
    scenario: 'activate',
    metrics: { events_per_s: Math.round(m) },
    baseline: { events_per_s: Math.round(b) },
    ratio: Number((m / b).toFixed(3)),
    config: {
      messages: data.payloads.length,
      profiles: data.profiles,
      segments: BENCH_SEGMENTS.length,
      activate_runs: runs.map((r) => Math.round(r.eventsPerS)),
      passthrough_runs: pass.map(Math.round),
      changes_published: runs.map((r) => total(r.changes)),
      expected_changes: total(data.expected),
      changes_per_segment: runs[0]?.changes,
      expected_per_segment: data.expected,
      memberships: runs.map((r) => r.memberships),
      expected_memberships: data.expectedMemberships,
      rss_mb: runs.map((r) => r.rssMb),
      partitions: PARTITIONS,
      instances: 1,
    },
    notes,
  };
}
