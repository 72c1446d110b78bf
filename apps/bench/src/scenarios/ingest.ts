// `passthrough` (the ceiling: plain kafkajs over the native payloads) and `ingest` (the ingestor alone).
import { readMappings, dataSet, mappedSourceTopics } from '../data-sets';
import { benchKafka, drain, endsAfter, passthroughRun, produceAll, PARTITIONS, type Payload } from '../kafka';
import { median, type Options, type ScenarioResult } from '../scenario';
import { startAlone } from '../services';
import { sourceTopic } from '@c360/schemas';

async function ingestRun(options: Options, payloads: readonly Payload[]): Promise<number> {
  const kafka = benchKafka(options.env);
  const alone = await startAlone(options, 'ingestor', mappedSourceTopics(), { ensure: [...readMappings().keys()].map(sourceTopic) });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const ends = await endsAfter(admin, payloads);
    const ms = await drain(admin, alone.groupId, ends, () => produceAll(kafka, payloads));
    return (payloads.length / ms) * 1000;
  } finally {
    await alone.stop();
    await admin.disconnect();
  }
}

export async function passthroughScenario(options: Options): Promise<ScenarioResult> {
  const payloads = dataSet(options.quick ? 3000 : 15000);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await passthroughRun(options, payloads));
  return {
    scenario: 'passthrough',
    metrics: { events_per_s: Math.round(median(runs)) },
    baseline: {},
    ratio: null,
    config: { messages: payloads.length, runs: runs.map(Math.round), partitions: PARTITIONS, partitions_consumed_concurrently: 2 },
    notes: ['plain kafkajs consume → JSON.parse → JSON.stringify → produce (acks=all, idempotent) → commit'],
  };
}

export async function ingestScenario(options: Options): Promise<ScenarioResult> {
  const payloads = dataSet(options.quick ? 3000 : 15000);
  const ingest: number[] = [];
  const pass: number[] = [];
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < 3; i++) {
    pass.push(await passthroughRun(options, payloads));
    ingest.push(await ingestRun(options, payloads));
  }
  const m = median(ingest);
  const b = median(pass);
  return {
    scenario: 'ingest',
    metrics: { events_per_s: Math.round(m) },
    baseline: { events_per_s: Math.round(b) },
    ratio: Number((m / b).toFixed(3)),
    config: {
      messages: payloads.length,
      ingest_runs: ingest.map(Math.round),
      passthrough_runs: pass.map(Math.round),
      partitions: PARTITIONS,
    },
    notes: ['the ingestor as its own process, 6-partition source topics, one instance; passthrough measured interleaved in the same run'],
  };
}
