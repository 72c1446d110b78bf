// The test's own view of Kafka, as any outside tool would have it: plain kafkajs and the
// Confluent registry client, independent of the messaging runtime under test.
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { allTopics, type TopicSpec } from '@c360/schemas';

/** Retries a Kafka admin call while the broker answers with a retriable error (a new topic's leader). */
export async function retriable<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i + 1 >= attempts || (error as { retriable?: boolean }).retriable !== true) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export interface ReceivedMessage<T> {
  readonly key: string | null;
  readonly value: T;
  readonly headers: Record<string, string>;
  readonly partition: number;
  readonly offset: string;
}

export class KafkaTestClient {
  readonly kafka: Kafka;
  readonly registry: SchemaRegistry;
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];

  constructor(brokers: string, registryUrl: string) {
    this.kafka = new Kafka({ clientId: 'c360-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    this.registry = new SchemaRegistry({ host: registryUrl });
  }

  /** Creates every catalog topic (and the extra ones given) that does not exist yet. */
  async ensureTopics(extra: readonly TopicSpec[] = []): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...allTopics(), ...extra].filter((t) => !existing.has(t.name));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({
            topic: t.name,
            numPartitions: t.partitions,
            configEntries: [
              { name: 'cleanup.policy', value: t.cleanupPolicy },
              ...(t.maxMessageBytes ? [{ name: 'max.message.bytes', value: String(t.maxMessageBytes) }] : []),
            ],
          })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** Points each (new) consumer group at the current end of its topics, so a test sees only its own messages. */
  async startGroupsAtEnd(groups: readonly { groupId: string; topics: readonly string[] }[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await Promise.all(
        groups.map(async ({ groupId, topics }) => {
          const seeks = (await Promise.all(topics.map(async (topic) => (await retriable(() => admin.fetchTopicOffsets(topic))).map((o) => ({ topic, partition: o.partition, offset: o.high }))))).flat();
          await this.commitAsGroup(groupId, topics, seeks);
        }),
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** Messages on the topics that the group has not committed yet (its lag), summed over partitions. */
  async groupLag(groupId: string, topics: readonly string[]): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      let lag = 0;
      const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
      for (const topic of topics) {
        const ends = await retriable(() => admin.fetchTopicOffsets(topic));
        const ours = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const end of ends) {
          const offset = Number(ours.find((p) => p.partition === end.partition)?.offset ?? '-1');
          lag += Number(end.high) - Math.max(offset, Number(end.low));
        }
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * What kafkajs's admin.setOffsets does for one topic, for all of a group's topics in one join
   * (a join takes seconds): join paused, seek every partition, leave at the first fetch, which
   * commits the seeks.
   */
  private async commitAsGroup(groupId: string, topics: readonly string[], seeks: readonly { topic: string; partition: number; offset: string }[]): Promise<void> {
    const consumer = this.kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.FETCH, () => void consumer.stop().then(resolve, reject));
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => {} }).catch(reject);
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const seek of seeks) consumer.seek(seek);
    });
    await consumer.disconnect();
  }

  async produceRaw(topic: string, messages: readonly { key: string | null; value: Buffer | string | null; headers?: Record<string, string> }[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) });
  }

  async produceJson(topic: string, messages: readonly { key: string; value: unknown }[]): Promise<void> {
    await this.produceRaw(topic, messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value) })));
  }

  /**
   * Starts reading a topic from its current end and collects decoded messages (tombstones too,
   * as null values, with `tombstones`). Call before producing what should cause them.
   */
  async subscribe<T>(topic: string, options: { avro: boolean; tombstones?: boolean } = { avro: true }): Promise<Subscription<T>> {
    const consumer = this.kafka.consumer({ groupId: `c360-test-${topic}-${process.pid}-${Date.now()}-${Math.random()}` });
    this.consumers.push(consumer);
    await consumer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await retriable(() => admin.fetchTopicOffsets(topic));
    await admin.disconnect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: ReceivedMessage<T>[] = [];
    const joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        // A tombstone (null value) is collected as a null value only when asked for.
        if (!message.value && !options.tombstones) return;
        const value = (message.value === null ? null : options.avro ? await this.registry.decode(message.value) : message.value) as T;
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        received.push({ key: message.key?.toString() ?? null, value, headers, partition, offset: message.offset });
      },
    });
    for (const e of ends) consumer.seek({ topic, partition: e.partition, offset: e.high });
    await joined;
    return new Subscription(received);
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    await this.producer?.disconnect();
  }
}

export class Subscription<T> {
  constructor(readonly received: ReceivedMessage<T>[]) {}

  /** Waits until `count` messages match, or fails after the timeout with what was seen. */
  async waitFor(predicate: (m: ReceivedMessage<T>) => boolean, count = 1, timeoutMs = 60_000): Promise<ReceivedMessage<T>[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.received.filter(predicate);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} matching messages within ${timeoutMs} ms, got ${matching.length} of ${this.received.length} received`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
