// `insights`: the insights service alone, fed what the resolver would publish for generated
// persons (resolved events keyed by profile, one RECORD_ASSIGNED identity change per record), the
// profile ids taken from the ground truth (`p_<personId>`), against an Avro passthrough of the same payloads.
import { query } from '@c360/testing';
import { AvroCodec } from '@c360/messaging';
import { Headers, Topics, type CanonicalEvent, type IdentityChange } from '@c360/schemas';
import { canonicalOf, generated, recordOf } from '../data-sets';
import { benchKafka, drain, endsAfter, passthroughRun, produceAll, topicTotal, PARTITIONS, type Payload } from '../kafka';
import { median, rssOf, type Env, type Options, type ScenarioResult } from '../scenario';
import { startAlone } from '../services';

interface InsightsData {
  readonly payloads: Payload[];
  readonly resolvedEvents: number;
  readonly identityChanges: number;
  /** Distinct purchase and return events: the facts insights should store. */
  readonly purchases: number;
  readonly profiles: number;
}

/** In the generator's order; a record's RECORD_ASSIGNED comes before its first resolved event, as the resolver publishes them. */
async function insightsData(persons: number, env: Env): Promise<InsightsData> {
  const data = generated(persons);
  const personOf = new Map(data.truth.records.map((r) => [recordOf(r), r.personId]));
  const codec = new AvroCodec(env.SCHEMA_REGISTRY_URL);
  const payloads: Payload[] = [];
  const assigned = new Set<string>();
  let purchases = 0;
  let resolvedEvents = 0;
  for (const e of canonicalOf(data)) {
    const record = recordOf(e);
    const profileId = `p_${personOf.get(record) ?? record}`;
    if (!assigned.has(record)) {
      assigned.add(record);
      const change: IdentityChange = {
        changeId: `bench:${record}:RECORD_ASSIGNED:${profileId}`,
        kind: 'RECORD_ASSIGNED',
        profileId,
        absorbedProfileIds: [],
        source: e.source,
        sourceRecordId: e.sourceRecordId,
        rule: null,
        matchedValues: [],
        partProfileIds: [],
        previousProfileId: null,
        score: null,
        householdId: null,
        causeEventId: e.eventId,
        occurredAt: e.ingestedAt,
      };
      payloads.push({ topic: Topics.identityChanges.name, key: profileId, value: await codec.encode(Topics.identityChanges, change) });
    }
    const resolved: CanonicalEvent = { ...e, profileId };
    if (e.purchase || e.purchaseReturn) purchases += 1;
    resolvedEvents += 1;
    payloads.push({
      topic: Topics.resolvedEvents.name,
      key: profileId,
      value: await codec.encode(Topics.resolvedEvents, resolved),
      headers: { [Headers.eventId]: e.eventId, [Headers.ingestedAt]: String(e.ingestedAt) },
    });
  }
  return {
    payloads,
    resolvedEvents,
    identityChanges: assigned.size,
    purchases,
    profiles: new Set([...assigned].map((r) => personOf.get(r))).size,
  };
}

interface InsightsRun {
  readonly eventsPerS: number;
  readonly rssMb: number;
  readonly purchasesStored: number;
  readonly profilesWithInsights: number;
  readonly insightsPublished: number;
}

async function insightsRun(options: Options, payloads: readonly Payload[]): Promise<InsightsRun> {
  const kafka = benchKafka(options.env);
  const alone = await startAlone(options, 'insights', [Topics.resolvedEvents.name, Topics.identityChanges.name], { database: true });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const before = await topicTotal(admin, [Topics.insights.name]);
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const ends = await endsAfter(admin, payloads);
    const ms = await drain(admin, alone.groupId, ends, () => produceAll(kafka, payloads));
    const rssMb = rssOf(alone.service.process.pid!);
    // Proof of work, not only consumption: the facts stored and the insights published.
    const [counts] = await query<{ purchases: number; profiles: number }>(
      alone.databaseUrl!,
      `SELECT (SELECT count(*)::int FROM insights.purchases) AS purchases, (SELECT count(*)::int FROM insights.profile_insights) AS profiles`,
    );
    return {
      eventsPerS: (payloads.length / ms) * 1000,
      rssMb,
      purchasesStored: counts?.purchases ?? 0,
      profilesWithInsights: counts?.profiles ?? 0,
      insightsPublished: (await topicTotal(admin, [Topics.insights.name])) - before,
    };
  } finally {
    await alone.stop();
    await admin.disconnect();
  }
}

export async function insightsScenario(options: Options): Promise<ScenarioResult> {
  const data = await insightsData(options.quick ? 2000 : 10000, options.env);
  const runs: InsightsRun[] = [];
  const pass: number[] = [];
  for (let i = 0; i < (options.quick ? 1 : 3); i++) {
    pass.push(await passthroughRun(options, data.payloads, true));
    runs.push(await insightsRun(options, data.payloads));
  }
  const m = median(runs.map((r) => r.eventsPerS));
  const b = median(pass);
  const notes = [
    'the insights service as its own process on a fresh database, fed Avro resolved events (profileId = p_<true person>) and one RECORD_ASSIGNED identity change per record, keyed by profile, in the generator order; events_per_s counts both topics',
    'passthrough: consume → Avro decode → encode (each topic its schema) → produce → commit over the same payloads, interleaved',
    'insights stores purchases and returns only (other events are consumed and skipped) and acts on PROFILES_MERGED only, so most messages cost a decode',
  ];
  const short = runs.filter((r) => r.purchasesStored !== data.purchases);
  if (short.length > 0)
    notes.push(`WARNING: ${short.length} run(s) stored a different number of purchase facts than the ${data.purchases} sent`);
  return {
    scenario: 'insights',
    metrics: { events_per_s: Math.round(m) },
    baseline: { events_per_s: Math.round(b) },
    ratio: Number((m / b).toFixed(3)),
    config: {
      messages: data.payloads.length,
      resolved_events: data.resolvedEvents,
      identity_changes: data.identityChanges,
      purchases_sent: data.purchases,
      profiles: data.profiles,
      insights_runs: runs.map((r) => Math.round(r.eventsPerS)),
      passthrough_runs: pass.map(Math.round),
      purchases_stored: runs.map((r) => r.purchasesStored),
      profiles_with_insights: runs.map((r) => r.profilesWithInsights),
      insights_published: runs.map((r) => r.insightsPublished),
      rss_mb: runs.map((r) => r.rssMb),
      partitions: PARTITIONS,
      instances: 1,
    },
    notes,
  };
}
