// `latency`: the four services with 20 active segments, the generator's native payloads produced
// at a steady rate, and for every segment change the time from its triggering source event's
// production to the change's arrival on the segment topic. A change names its trigger by
// `triggerEventId`, the canonical event id the ingestor's mapping gives the source payload (as
// in the demo's figures): the payloads are mapped here with the same mappings to know each id.
import type { Consumer, Kafka } from 'kafkajs';
import type { KafkaTestClient } from '@c360/testing';
import { retriable } from '@c360/testing';
import { mapNative } from '@c360/ingestor-domain';
import type { SegmentMembershipChange } from '@c360/schemas';
import { generated, nativePayloads, readMappings, readRates } from '../data-sets';
import { benchKafka, sendBatch, type Payload } from '../kafka';
import { quantile, type Options, type ScenarioResult } from '../scenario';
import { BENCH_SEGMENTS, benchSegmentTopics, writeSegments } from '../segments';
import { drainedAfter, startPipeline } from './e2e';

interface Arrived {
  readonly segmentId: string;
  readonly change: SegmentMembershipChange['change'];
  readonly triggerEventId: string | null;
  readonly arrivedAt: number;
  /** When the ingestor took in the trigger, and when activation evaluated the change (the change's own fields). */
  readonly triggerIngestedAt: number | null;
  readonly evaluatedAt: number;
}

/** Reads the segment topics from their current ends, without committing; resolves once joined. */
async function watch(
  client: KafkaTestClient,
  topics: readonly string[],
  runId: string,
): Promise<{ arrived: Arrived[]; stop: () => Promise<void> }> {
  const arrived: Arrived[] = [];
  const admin = client.kafka.admin();
  await admin.connect();
  const ends = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await retriable(() => admin.fetchTopicOffsets(topic)) })));
  await admin.disconnect();
  const consumer: Consumer = client.kafka.consumer({ groupId: `c360-bench-watch-${runId}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  const joined = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => {
      off();
      resolve();
    });
  });
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: 4,
    eachBatch: async ({ batch }) => {
      const arrivedAt = Date.now();
      for (const m of batch.messages) {
        if (!m.value) continue;
        const value = (await client.registry.decode(m.value)) as SegmentMembershipChange;
        arrived.push({
          segmentId: value.segmentId,
          change: value.change,
          triggerEventId: value.triggerEventId,
          arrivedAt,
          triggerIngestedAt: value.triggerIngestedAt,
          evaluatedAt: value.evaluatedAt,
        });
      }
    },
  });
  for (const { topic, offsets } of ends) for (const o of offsets) consumer.seek({ topic, partition: o.partition, offset: o.high });
  await joined;
  return { arrived, stop: () => consumer.disconnect() };
}

/** Produces `payloads` in order at `rate` a second, in small sends every 50 ms; records when each was sent. */
async function produceSteadily(kafka: Kafka, payloads: readonly Payload[], rate: number, producedAt: Float64Array): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const chunk = Math.max(1, Math.round(rate / 20));
  const started = Date.now();
  try {
    for (let i = 0; i < payloads.length; i += chunk) {
      const end = Math.min(payloads.length, i + chunk);
      producedAt.fill(Date.now(), i, end);
      await sendBatch(producer, payloads.slice(i, end));
      const due = started + (end / rate) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
  } finally {
    await producer.disconnect();
  }
  return Date.now() - started;
}

export async function latencyScenario(options: Options): Promise<ScenarioResult> {
  const persons = options.quick ? 1000 : 5000;
  // Up to now, so daysSinceLastPurchase means what it says.
  const data = generated(persons, 7, Date.now());
  const payloads = nativePayloads(data);
  const mappings = readMappings();
  const ctx = { ...readRates(), ingestedAt: Date.now() };
  // Each event id → the first payload that carries it (a redelivery counts from the first production).
  const firstOf = new Map<string, number>();
  data.messages.forEach((m, i) => {
    const result = mapNative(mappings.get(m.source)!, Buffer.from(m.value), ctx);
    if (result.ok && !firstOf.has(result.event.eventId)) firstOf.set(result.event.eventId, i);
  });

  const segments = writeSegments();
  const kafka = benchKafka(options.env);
  const pipeline = await startPipeline(options, { SEGMENTS_DIR: segments.dir });
  const producedAt = new Float64Array(payloads.length).fill(Number.NaN);
  let watcher: Awaited<ReturnType<typeof watch>> | null = null;
  let produceMs = 0;
  let drained: Record<string, number> = {};
  try {
    watcher = await watch(pipeline.client, benchSegmentTopics(), options.runId);
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const started = performance.now();
    produceMs = await produceSteadily(kafka, payloads, options.rate, producedAt);
    drained = await drainedAfter(pipeline, started);
    await new Promise((r) => setTimeout(r, 2000)); // the last changes reach the watcher
  } finally {
    await watcher?.stop();
    await pipeline.stop();
    segments.remove();
  }

  const arrived = watcher.arrived;
  const values: number[] = [];
  for (const c of arrived) {
    const i = c.triggerEventId === null ? undefined : firstOf.get(c.triggerEventId);
    if (i !== undefined && Number.isFinite(producedAt[i]!)) values.push(Math.max(0, c.arrivedAt - producedAt[i]!));
  }
  values.sort((a, b) => a - b);
  // Where the time goes: produced → ingested, ingested → evaluated by activation (resolver, insights,
  // activation and the topics between), evaluated → on the segment topic (activation's outbox).
  const stage = (pick: (c: Arrived, producedAtOf: number) => number | null) => {
    const xs: number[] = [];
    for (const c of arrived) {
      const i = c.triggerEventId === null ? undefined : firstOf.get(c.triggerEventId);
      const x = i === undefined ? null : pick(c, producedAt[i]!);
      if (x !== null && Number.isFinite(x)) xs.push(x);
    }
    xs.sort((a, b) => a - b);
    return {
      p50: Math.round(quantile(xs, 0.5)),
      p95: Math.round(quantile(xs, 0.95)),
      p99: Math.round(quantile(xs, 0.99)),
      max: Math.round(xs.at(-1) ?? Number.NaN),
    };
  };
  const stagesMs = {
    produced_to_ingested: stage((c, sent) => (c.triggerIngestedAt === null ? null : c.triggerIngestedAt - sent)),
    ingested_to_evaluated: stage((c) => (c.triggerIngestedAt === null ? null : c.evaluatedAt - c.triggerIngestedAt)),
    evaluated_to_arrived: stage((c) => c.arrivedAt - c.evaluatedAt),
  };
  const perSegment = Object.fromEntries(BENCH_SEGMENTS.map((s) => [s.id, arrived.filter((c) => c.segmentId === s.id).length]));
  const silent = BENCH_SEGMENTS.filter((s) => perSegment[s.id] === 0).map((s) => s.id);
  const achieved = (payloads.length / produceMs) * 1000;
  // How long after the last payload the slowest service caught up: with a pipeline slower than the rate, the latencies include its queue.
  const behindS = Math.max(0, ...Object.values(drained)) - produceMs / 1000;
  return {
    scenario: 'latency',
    metrics: {
      p50_ms: Math.round(quantile(values, 0.5)),
      p95_ms: Math.round(quantile(values, 0.95)),
      p99_ms: Math.round(quantile(values, 0.99)),
      max_ms: Math.round(values.at(-1) ?? Number.NaN),
      changes: values.length,
    },
    baseline: {},
    ratio: null,
    config: {
      persons,
      messages: payloads.length,
      rate: options.rate,
      produced_per_s: Math.round(achieved),
      produce_s: Number((produceMs / 1000).toFixed(1)),
      drained_after_s: drained,
      caught_up_after_last_produce_s: Number(behindS.toFixed(1)),
      segments: BENCH_SEGMENTS.length,
      changes_received: arrived.length,
      changes_untraced: arrived.length - values.length,
      entered: arrived.filter((c) => c.change === 'ENTERED').length,
      exited: arrived.filter((c) => c.change === 'EXITED').length,
      changes_per_segment: perSegment,
      stages_ms: stagesMs,
    },
    notes: [
      `ingestor, resolver, insights and activation as their own processes on one fresh database, activation with ${BENCH_SEGMENTS.length} CEL segments (SEGMENTS_DIR); the generator's native payloads (persons up to now) produced in time order at --rate a second, in sends every 50 ms`,
      'latency: arrival of each segment change (a consumer on the segment topics) minus the production of the source payload its triggerEventId names; changes_untraced: changes with no trigger (a merged-away profile leaving) or one not produced here',
      `the last service caught up ${behindS.toFixed(1)} s after the last payload was produced${behindS > 2 ? ': the pipeline ran slower than the rate, so the latencies include the queue in front of the slowest service (see drained_after_s)' : ''}`,
      ...(silent.length > 0 ? [`segments that never changed: ${silent.join(', ')}`] : []),
    ],
  };
}
