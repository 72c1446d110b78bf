// `npm run bench -- <scenario...> [--quick] [--json FILE]`: measures c360 on the real local stack
// with data from the generator, each figure beside a baseline measured in the same run.
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '@c360/generator';
import { KafkaTestClient, createTestDatabase, freePort, startService } from '@c360/testing';
import { sourceTopic, Topics, type CanonicalEvent } from '@c360/schemas';
import { AvroCodec } from '@c360/messaging';
import { mapNative, parseSourceMapping } from '@c360/ingestor-domain';
import { accumulateParty } from '@c360/resolver-domain';
import { Kafka, logLevel, type Admin } from 'kafkajs';

const ROOT = process.env.C360_ROOT ?? process.cwd();

interface Env {
  readonly KAFKA_BROKERS: string;
  readonly SCHEMA_REGISTRY_URL: string;
  readonly DATABASE_URL: string;
}

interface Options {
  readonly quick: boolean;
  readonly env: Env;
  readonly runId: string;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly metrics: Record<string, number>;
  readonly baseline: Record<string, number>;
  readonly ratio: number | null;
  readonly config: Record<string, unknown>;
  readonly notes: string[];
}

type Scenario = (options: Options) => Promise<ScenarioResult>;

interface Payload {
  readonly topic: string;
  readonly key: string;
  readonly value: string | Buffer;
}

function dataSet(persons: number): Payload[] {
  const table = JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/config/rates.json'), 'utf8')) as { reportingCurrency: string; rates: Record<string, number> };
  const data = generate({ persons, seed: 7, rates: table.rates, reportingCurrency: table.reportingCurrency, badRate: 0 });
  return data.messages.map((m) => ({ topic: sourceTopic(m.source).name, key: m.key, value: m.value }));
}

/** Time from the first message produced to the group having consumed everything. */
async function drain(admin: Admin, groupId: string, targets: Map<string, Map<number, bigint>>, produce: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await produce();
  for (;;) {
    let behind = false;
    for (const [topic, ends] of targets) {
      const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
      for (const p of committed[0]?.partitions ?? []) {
        const end = ends.get(p.partition) ?? 0n;
        if (BigInt(p.offset === '-1' ? '0' : p.offset) < end) behind = true;
      }
    }
    if (!behind) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The offsets each topic will have reached once `payloads` are produced. */
async function endsAfter(admin: Admin, payloads: readonly Payload[], partitionOf: (p: Payload) => number): Promise<Map<string, Map<number, bigint>>> {
  const ends = new Map<string, Map<number, bigint>>();
  for (const topic of new Set(payloads.map((p) => p.topic))) {
    ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)])));
  }
  for (const p of payloads) {
    const m = ends.get(p.topic)!;
    const partition = partitionOf(p);
    m.set(partition, (m.get(partition) ?? 0n) + 1n);
  }
  return ends;
}

/** Produces in batches the way a busy source does; partitions chosen explicitly so the ends are known. */
async function produceAll(kafka: Kafka, payloads: readonly Payload[], partitionOf: (p: Payload) => number): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < payloads.length; i += 2000) {
    const slice = payloads.slice(i, i + 2000);
    const topics = new Map<string, Payload[]>();
    for (const p of slice) {
      const list = topics.get(p.topic) ?? [];
      list.push(p);
      topics.set(p.topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...topics].map(([topic, ms]) => ({ topic, messages: ms.map((m) => ({ key: m.key, value: m.value, partition: partitionOf(m) })) })),
    });
  }
  await producer.disconnect();
}

const PARTITIONS = 6;
const partitionOf = (p: Payload) => {
  let h = 0;
  for (const c of p.key) h = (h * 31 + c.charCodeAt(0)) | 0;
  return Math.abs(h) % PARTITIONS;
};

/** A plain kafkajs hop: consume, parse, serialise, produce, commit; the ceiling for any service. */
async function passthroughRun(options: Options, payloads: readonly Payload[], avro = false): Promise<number> {
  const kafka = new Kafka({ clientId: 'c360-bench', brokers: options.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const topics = [...new Set(payloads.map((p) => p.topic))];
  const groupId = `c360-bench-passthrough-${options.runId}-${Math.random().toString(36).slice(2, 6)}`;
  const out = `bench.passthrough.${options.runId}.v1`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: out, numPartitions: PARTITIONS }] });
  await client.startGroupsAtEnd([{ groupId, topics }]);
  const codec = new AvroCodec(options.env.SCHEMA_REGISTRY_URL);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics });
  await consumer.run({
    partitionsConsumedConcurrently: 2,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const messages = avro
        ? await Promise.all(
            batch.messages.map(async (m) => ({ key: m.key, value: await codec.encode(Topics.canonicalEvents, await codec.decode(Topics.canonicalEvents, m.value!)) })),
          )
        : batch.messages.map((m) => {
            const value = JSON.parse(m.value!.toString('utf8')) as unknown;
            return { key: m.key, value: JSON.stringify(value) };
          });
      await producer.send({ topic: out, acks: -1, messages });
      payload.resolveOffset(batch.messages[batch.messages.length - 1]!.offset);
      await payload.commitOffsetsIfNecessary();
    },
  });
  await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
  const ends = await endsAfter(admin, payloads, partitionOf);
  const ms = await drain(admin, groupId, ends, () => produceAll(kafka, payloads, partitionOf));
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [out] }).catch(() => undefined);
  await admin.disconnect();
  await client.close();
  return (payloads.length / ms) * 1000;
}

async function ingestRun(options: Options, payloads: readonly Payload[]): Promise<number> {
  const kafka = new Kafka({ clientId: 'c360-bench', brokers: options.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const mapped = new Set(readdirMappings());
  const groupId = `c360-bench-ingestor-${options.runId}-${Math.random().toString(36).slice(2, 6)}`;
  await client.startGroupsAtEnd([{ groupId, topics: [...mapped].map((s) => sourceTopic(s).name) }]);
  const service = await startService('ingestor', {
    port: await freePort(),
    logDir: join(ROOT, 'tmp', 'bench-logs', options.runId),
    env: { KAFKA_BROKERS: options.env.KAFKA_BROKERS, SCHEMA_REGISTRY_URL: options.env.SCHEMA_REGISTRY_URL, KAFKA_GROUP_ID: groupId, LOG_LEVEL: 'warn' },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const ends = await endsAfter(admin, payloads, partitionOf);
    const ms = await drain(admin, groupId, ends, () => produceAll(kafka, payloads, partitionOf));
    return (payloads.length / ms) * 1000;
  } finally {
    await service.stop('SIGTERM');
    await admin.disconnect();
    await client.close();
  }
}

/** The generator's payloads mapped by the real mappings and Avro-encoded: what the ingestor would put on the canonical topic. */
function canonicalDataSet(persons: number, env: Env): Promise<{ payloads: Payload[]; records: number }> {
  return canonicalEvents(persons, 7, env, false);
}

/** Canonical events of generated persons: every event (a probe), or one RECORD_UPDATE per record with its whole party (a fill). */
async function canonicalEvents(persons: number, seed: number, env: Env, fill: boolean): Promise<{ payloads: Payload[]; records: number }> {
  const table = JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/config/rates.json'), 'utf8')) as { reportingCurrency: string; rates: Record<string, number> };
  const data = generate({ persons, seed, rates: table.rates, reportingCurrency: table.reportingCurrency, badRate: 0 });
  const dir = join(ROOT, 'apps/ingestor/mappings');
  const mappings = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const m = parseSourceMapping(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
        return [m.source, m] as const;
      }),
  );
  const codec = new AvroCodec(env.SCHEMA_REGISTRY_URL);
  const ctx = { ...table, ingestedAt: Date.now() };
  const events: CanonicalEvent[] = [];
  const last = new Map<string, CanonicalEvent>();
  const seen = new Set<string>();
  for (const m of data.messages) {
    const result = mapNative(mappings.get(m.source)!, Buffer.from(m.value), ctx);
    // Rejected payloads are dead-lettered by the ingestor, redeliveries dropped downstream.
    if (!result.ok || seen.has(result.event.eventId)) continue;
    seen.add(result.event.eventId);
    const key = `${result.event.source}:${result.event.sourceRecordId}`;
    if (!fill) events.push(result.event);
    const before = last.get(key);
    last.set(key, { ...result.event, eventType: 'RECORD_UPDATE', party: accumulateParty(before?.party ?? null, result.event) });
  }
  const chosen = fill ? [...last.values()].map((e) => ({ ...e, purchase: null, purchaseReturn: null, engagement: null, serviceCase: null, npsResponse: null, loyaltyChange: null, registerUpdate: null })) : events;
  const payloads: Payload[] = [];
  for (const e of chosen) payloads.push({ topic: Topics.canonicalEvents.name, key: `${e.source}:${e.sourceRecordId}`, value: await codec.encode<CanonicalEvent>(Topics.canonicalEvents, e) });
  return { payloads, records: last.size };
}

/**
 * The resolver's time per record as its graph grows: one resolver on a fresh database is filled to
 * each level (one event per record, whole parties, from persons of their own seeds), and at each
 * level the same-sized probe (every event of 1,000 new persons) is timed, with the process's RSS.
 */
async function scaleRun(options: Options, levels: readonly number[]): Promise<{ level: number; records: number; msPerRecord: number; msPerEvent: number; rssMb: number; fillRecordsPerS: number }[]> {
  const kafka = new Kafka({ clientId: 'c360-bench', brokers: options.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const groupId = `c360-bench-scale-${options.runId}`;
  await client.startGroupsAtEnd([{ groupId, topics: [Topics.canonicalEvents.name] }]);
  const db = await createTestDatabase(options.env.DATABASE_URL, 'c360_bench');
  const service = await startService('resolver', {
    port: await freePort(),
    logDir: join(ROOT, 'tmp', 'bench-logs', options.runId),
    env: { KAFKA_BROKERS: options.env.KAFKA_BROKERS, SCHEMA_REGISTRY_URL: options.env.SCHEMA_REGISTRY_URL, DATABASE_URL: db.url, KAFKA_GROUP_ID: groupId, LOG_LEVEL: 'warn' },
  });
  const admin = kafka.admin();
  await admin.connect();
  const out: { level: number; records: number; msPerRecord: number; msPerEvent: number; rssMb: number; fillRecordsPerS: number }[] = [];
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const run = async (payloads: Payload[]) => drain(admin, groupId, await endsAfter(admin, payloads, partitionOf), () => produceAll(kafka, payloads, partitionOf));
    let filled = 0;
    let seed = 1_000;
    for (const level of levels) {
      let fillMs = 0;
      let fillRecords = 0;
      // About 4.9 records a person; filled in chunks of at most 20,000 persons.
      while (filled < level) {
        const persons = Math.min(20_000, Math.max(200, Math.ceil((level - filled) / 4.9)));
        const { payloads, records } = await canonicalEvents(persons, seed++, options.env, true);
        fillMs += await run(payloads);
        filled += records;
        fillRecords += records;
      }
      const probe = await canonicalEvents(1_000, 900_000 + level, options.env, false);
      const ms = await run(probe.payloads);
      filled += probe.records;
      out.push({
        level,
        records: filled,
        msPerRecord: Number((ms / probe.records).toFixed(3)),
        msPerEvent: Number((ms / probe.payloads.length).toFixed(3)),
        rssMb: rssOf(service.process.pid!),
        fillRecordsPerS: fillMs > 0 ? Math.round((fillRecords / fillMs) * 1000) : 0,
      });
      console.error(`  ${JSON.stringify(out.at(-1))}`);
    }
    return out;
  } finally {
    await service.stop('SIGTERM');
    await admin.disconnect();
    await client.close();
    await db.drop();
  }
}

/** The resolver alone on the canonical topic, with a database of its own. */
async function resolveRun(options: Options, payloads: readonly Payload[]): Promise<{ eventsPerS: number; rssMb: number; phases: Record<string, number> }> {
  const kafka = new Kafka({ clientId: 'c360-bench', brokers: options.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const groupId = `c360-bench-resolver-${options.runId}-${Math.random().toString(36).slice(2, 6)}`;
  await client.startGroupsAtEnd([{ groupId, topics: [Topics.canonicalEvents.name] }]);
  const db = await createTestDatabase(options.env.DATABASE_URL, 'c360_bench');
  const service = await startService('resolver', {
    port: await freePort(),
    logDir: join(ROOT, 'tmp', 'bench-logs', options.runId),
    env: { KAFKA_BROKERS: options.env.KAFKA_BROKERS, SCHEMA_REGISTRY_URL: options.env.SCHEMA_REGISTRY_URL, DATABASE_URL: db.url, KAFKA_GROUP_ID: groupId, LOG_LEVEL: 'warn' },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const ends = await endsAfter(admin, payloads, partitionOf);
    const ms = await drain(admin, groupId, ends, () => produceAll(kafka, payloads, partitionOf));
    const rssMb = rssOf(service.process.pid!);
    return { eventsPerS: (payloads.length / ms) * 1000, rssMb, phases: await phaseSeconds(service.url) };
  } finally {
    await service.stop('SIGTERM');
    await admin.disconnect();
    await client.close();
    await db.drop();
  }
}

/** Seconds the resolver spent per batch phase (its c360_resolver_batch_seconds histogram), and its batch count. */
async function phaseSeconds(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^c360_resolver_batch_seconds_sum\{[^}]*phase="(\w+)"[^}]*\} ([\d.e+-]+)$/gm)) out[`${m[1]}_s`] = Number(Number(m[2]).toFixed(2));
  const batches = /^c360_resolver_batch_seconds_count\{[^}]*phase="engine"[^}]*\} (\d+)$/m.exec(text);
  if (batches) out['batches'] = Number(batches[1]);
  return out;
}

/** The four services as their own processes on one fresh database, each group starting at the end of its topics. */
async function e2eRun(options: Options, payloads: readonly Payload[]): Promise<{ eventsPerS: number; drainedS: Record<string, number> }> {
  const kafka = new Kafka({ clientId: 'c360-bench', brokers: options.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const id = `${options.runId}-${Math.random().toString(36).slice(2, 6)}`;
  const services = [
    { name: 'ingestor' as const, topics: readdirMappings().map((s) => sourceTopic(s).name) },
    { name: 'resolver' as const, topics: [Topics.canonicalEvents.name] },
    { name: 'insights' as const, topics: [Topics.resolvedEvents.name, Topics.identityChanges.name] },
    { name: 'activation' as const, topics: [Topics.insights.name] },
  ].map((s) => ({ ...s, groupId: `c360-bench-e2e-${s.name}-${id}` }));
  await client.startGroupsAtEnd(services.map((s) => ({ groupId: s.groupId, topics: s.topics })));
  const db = await createTestDatabase(options.env.DATABASE_URL, 'c360_bench');
  const running = await Promise.all(
    services.map(async (s) =>
      startService(s.name, {
        port: await freePort(),
        logDir: join(ROOT, 'tmp', 'bench-logs', options.runId),
        env: { KAFKA_BROKERS: options.env.KAFKA_BROKERS, SCHEMA_REGISTRY_URL: options.env.SCHEMA_REGISTRY_URL, DATABASE_URL: db.url, KAFKA_GROUP_ID: s.groupId, LOG_LEVEL: 'warn' },
      }),
    ),
  );
  const admin = kafka.admin();
  await admin.connect();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const started = performance.now();
    await produceAll(kafka, payloads, partitionOf);
    // Each service in turn until its group has nothing left: the last one drained is the pipeline's end.
    const drainedS: Record<string, number> = {};
    for (const s of services) {
      for (;;) {
        if ((await client.groupLag(s.groupId, s.topics)) === 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      drainedS[s.name] = Number(((performance.now() - started) / 1000).toFixed(1));
    }
    return { eventsPerS: (payloads.length / (performance.now() - started)) * 1000, drainedS };
  } finally {
    await Promise.all(running.map((r) => r.stop('SIGTERM')));
    await admin.disconnect();
    await client.close();
    await db.drop();
  }
}

/** Resident memory of a process, MB (Linux /proc). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function readdirMappings(): string[] {
  const dir = join(ROOT, 'apps/ingestor/mappings');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { source: string }).source);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const SCENARIOS: Record<string, Scenario> = {
  async e2e(options) {
    const payloads = dataSet(options.quick ? 1000 : 5000);
    const e2e: number[] = [];
    const pass: number[] = [];
    const drained: Record<string, number>[] = [];
    for (let i = 0; i < (options.quick ? 1 : 3); i++) {
      pass.push(await passthroughRun(options, payloads));
      const r = await e2eRun(options, payloads);
      e2e.push(r.eventsPerS);
      drained.push(r.drainedS);
    }
    const m = median(e2e);
    const b = median(pass);
    return {
      scenario: 'e2e',
      metrics: { events_per_s: Math.round(m) },
      baseline: { events_per_s: Math.round(b) },
      ratio: Number((m / b).toFixed(3)),
      config: { messages: payloads.length, e2e_runs: e2e.map(Math.round), passthrough_runs: pass.map(Math.round), drained_after_s: drained, partitions: PARTITIONS, instances: 1 },
      notes: [
        'ingestor, resolver, insights and activation as their own processes (one instance each) on one fresh database; native payloads produced to the source topics as fast as the producer goes; events_per_s: payloads over the time from the first produced to the last service drained',
        'drained_after_s: when each service had consumed everything (they run concurrently; the last is the pipeline end); passthrough measured interleaved in the same run',
      ],
    };
  },
  async scale(options) {
    const levels = options.quick ? [10_000, 50_000] : [10_000, 100_000, 1_000_000];
    const points = await scaleRun(options, levels);
    const first = points[0]!;
    const lastPoint = points.at(-1)!;
    return {
      scenario: 'scale',
      metrics: { ms_per_record: lastPoint.msPerRecord, rss_mb: lastPoint.rssMb, profiles_in_graph: lastPoint.records },
      baseline: { ms_per_record: first.msPerRecord, rss_mb: first.rssMb, profiles_in_graph: first.records },
      ratio: Number((lastPoint.msPerRecord / first.msPerRecord).toFixed(3)),
      config: { levels, points },
      notes: [
        'one resolver on a fresh database, filled to each level with one RECORD_UPDATE per source record (generated persons, default noise); at each level the probe (every event of 1,000 new persons) is timed',
        'profiles_in_graph counts source records in the graph (profiles are fewer: records of one person join); ratio: time per record at the last level over the first',
      ],
    };
  },
  async resolve(options) {
    const { payloads, records } = await canonicalDataSet(options.quick ? 2000 : 10000, options.env);
    const resolve: number[] = [];
    const rss: number[] = [];
    const pass: number[] = [];
    const phases: Record<string, number>[] = [];
    for (let i = 0; i < (options.quick ? 1 : 3); i++) {
      pass.push(await passthroughRun(options, payloads, true));
      const r = await resolveRun(options, payloads);
      resolve.push(r.eventsPerS);
      rss.push(r.rssMb);
      phases.push(r.phases);
    }
    const m = median(resolve);
    const b = median(pass);
    const recordsPerS = (m * records) / payloads.length;
    return {
      scenario: 'resolve',
      metrics: { events_per_s: Math.round(m), records_per_s: Math.round(recordsPerS), rss_mb: median(rss) },
      baseline: { events_per_s: Math.round(b) },
      ratio: Number((m / b).toFixed(3)),
      config: { events: payloads.length, records, resolve_runs: resolve.map(Math.round), passthrough_runs: pass.map(Math.round), partitions: PARTITIONS, instances: 1, phases },
      notes: [
        'the resolver as its own process on a fresh database, fed Avro canonical events mapped from generated data (default noise); passthrough: consume → Avro decode → encode → produce → commit over the same payloads, interleaved',
        'records_per_s: events_per_s times distinct source records over events (every event of a record resolves it; most change nothing)',
      ],
    };
  },
  async passthrough(options) {
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
  },
  async ingest(options) {
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
      config: { messages: payloads.length, ingest_runs: ingest.map(Math.round), passthrough_runs: pass.map(Math.round), partitions: PARTITIONS },
      notes: ['the ingestor as its own process, 6-partition source topics, one instance; passthrough measured interleaved in the same run'],
    };
  },
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { quick: { type: 'boolean', default: false }, json: { type: 'string' } } });
  const names = positionals.length > 0 ? positionals : Object.keys(SCENARIOS);
  const unknown = names.filter((n) => !(n in SCENARIOS));
  if (unknown.length > 0) {
    console.error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
    return 2;
  }
  const { ensureStack } = (await import(join(ROOT, 'tools/stack/stack.mjs'))) as { ensureStack: () => Promise<Env> };
  const env = await ensureStack();
  const machine = { cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  const started = Date.now();
  const results: ScenarioResult[] = [];
  for (const name of names) {
    console.error(`▶ ${name}${values.quick ? ' (quick)' : ''}`);
    results.push(await SCENARIOS[name]!({ quick: values.quick, env, runId: Date.now().toString(36) }));
  }
  const duration_s = Math.round((Date.now() - started) / 1000);
  console.log(`\nc360 bench, ${new Date().toISOString().slice(0, 10)}, ${machine.cores} cores, ${machine.memory_gb} GiB, ${machine.cpu}, node ${machine.node}; ${duration_s} s`);
  console.log('scenario      metric            value      baseline   ratio');
  for (const r of results) {
    for (const [k, v] of Object.entries(r.metrics)) {
      console.log(`${r.scenario.padEnd(14)}${k.padEnd(18)}${String(v).padStart(9)}  ${String(r.baseline[k] ?? '').padStart(9)}   ${r.ratio ?? ''}`);
    }
  }
  if (values.json) {
    mkdirSync(dirname(values.json), { recursive: true });
    writeFileSync(values.json, JSON.stringify({ date: new Date().toISOString(), machine, duration_s, quick: values.quick, results }, null, 2));
    console.log(`\nJSON written to ${values.json}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
