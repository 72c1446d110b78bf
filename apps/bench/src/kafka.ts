// The bench's own Kafka plumbing, plain kafkajs: producing a data set with known end offsets,
// timing a group until it has drained, and the passthrough every service is compared with.
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { allTopics, type AvroTopic } from '@c360/schemas';
import { AvroCodec } from '@c360/messaging';
import { KafkaTestClient, retriable } from '@c360/testing';
import type { Env, Options } from './scenario';
import { suffix } from './scenario';

export interface Payload {
  readonly topic: string;
  readonly key: string;
  readonly value: string | Buffer;
  readonly headers?: Record<string, string>;
}

export const PARTITIONS = 6;

/** Partitions chosen by the bench, so the ends a data set reaches are known before it is produced. */
export const partitionOf = (p: { readonly key: string }) => {
  let h = 0;
  for (const c of p.key) h = (h * 31 + c.charCodeAt(0)) | 0;
  return Math.abs(h) % PARTITIONS;
};

export const benchKafka = (env: Env) =>
  new Kafka({ clientId: 'c360-bench', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });

/** Time from the first message produced to the group having consumed everything. */
export async function drain(
  admin: Admin,
  groupId: string,
  targets: Map<string, Map<number, bigint>>,
  produce: () => Promise<void>,
): Promise<number> {
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
export async function endsAfter(admin: Admin, payloads: readonly Payload[]): Promise<Map<string, Map<number, bigint>>> {
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
export async function produceAll(kafka: Kafka, payloads: readonly Payload[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < payloads.length; i += 2000) {
    await sendBatch(producer, payloads.slice(i, i + 2000));
  }
  await producer.disconnect();
}

/** One produce request for `payloads`, grouped by topic, in their order within each partition. */
export async function sendBatch(producer: ReturnType<Kafka['producer']>, payloads: readonly Payload[]): Promise<void> {
  const topics = new Map<string, Payload[]>();
  for (const p of payloads) {
    const list = topics.get(p.topic);
    if (list) list.push(p);
    else topics.set(p.topic, [p]);
  }
  await producer.sendBatch({
    acks: -1,
    topicMessages: [...topics].map(([topic, ms]) => ({
      topic,
      messages: ms.map((m) => ({ key: m.key, value: m.value, partition: partitionOf(m), headers: m.headers })),
    })),
  });
}

/** Messages the topics hold in all (the sum of their end offsets); what a run adds is the difference of two calls. */
export async function topicTotal(admin: Admin, topics: readonly string[]): Promise<number> {
  let total = 0;
  for (const topic of topics) total += (await retriable(() => admin.fetchTopicOffsets(topic))).reduce((s, o) => s + Number(o.high), 0);
  return total;
}

const avroTopics = new Map(allTopics().flatMap((t) => (t.format === 'avro' ? [[t.name, t] as const] : [])));

/**
 * A plain kafkajs hop: consume, parse, serialise, produce, commit; the ceiling for any service.
 * With `avro`, each value is decoded and encoded again with its topic's schema (a catalog topic).
 */
export async function passthroughRun(options: Options, payloads: readonly Payload[], avro = false): Promise<number> {
  const kafka = benchKafka(options.env);
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const topics = [...new Set(payloads.map((p) => p.topic))];
  const groupId = `c360-bench-passthrough-${options.runId}-${suffix()}`;
  const out = `bench.passthrough.${options.runId}.v1`;
  const admin = kafka.admin();
  await admin.connect();
  // A fresh stack has none of the topics yet: the catalog's with their settings, source topics as the ingestor makes them.
  await client.ensureTopics();
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  await admin.createTopics({ waitForLeaders: true, topics: [out, ...missing].map((topic) => ({ topic, numPartitions: PARTITIONS })) });
  await client.startGroupsAtEnd([{ groupId, topics }]);
  const codec = new AvroCodec(options.env.SCHEMA_REGISTRY_URL);
  const topicOf = (name: string): AvroTopic<unknown> => {
    const topic = avroTopics.get(name);
    if (!topic) throw new Error(`${name} is not an Avro topic of the catalog`);
    return topic;
  };
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
            batch.messages.map(async (m) => ({
              key: m.key,
              value: await codec.encode(topicOf(batch.topic), await codec.decode(topicOf(batch.topic), m.value!)),
            })),
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
  const ends = await endsAfter(admin, payloads);
  const ms = await drain(admin, groupId, ends, () => produceAll(kafka, payloads));
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [out] }).catch(() => undefined);
  await admin.disconnect();
  await client.close();
  return (payloads.length / ms) * 1000;
}
