// kafkajs behind the KafkaTransport interface. kafkajs is in maintenance mode; keeping it here
// alone means a change of client touches this file only.
import {
  CompressionTypes,
  Kafka,
  logLevel,
  Partitioners,
  type Consumer,
  type ICustomPartitioner,
  type IHeaders,
  type Producer as KProducer,
} from 'kafkajs';
import murmurhash from 'murmurhash';
import type { TopicSpec } from '@c360/schemas';
import type {
  Admin,
  BatchConsumer,
  ConsumerOptions,
  KafkaTransport,
  OutgoingMessage,
  PartitionBatch,
  Producer,
  RawMessage,
  TopicLag,
} from '../transport';

export interface KafkajsTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: { warn(message: string, context?: object): void; error(message: string, context?: object): void };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map((x) => x.toString()).join(',') : v.toString();
  }
  return out;
}

export class KafkajsTransport implements KafkaTransport {
  private readonly kafka: Kafka;

  constructor(private readonly options: KafkajsTransportOptions) {
    const log = options.logger;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 10_000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => {
        const { message, error } = entry.log as { message: string; error?: string };
        if (!log) return;
        const text = `kafkajs ${entry.namespace}: ${message}${error ? `: ${error}` : ''}`;
        // Connection-level error responses are retried by kafkajs itself (a coordinator still
        // loading, a leader moving); they are worth a warning, not an error.
        if (entry.level <= logLevel.ERROR && entry.namespace !== 'Connection') log.error(text);
        else if (entry.level <= logLevel.WARN) log.warn(text);
      },
    });
  }

  producer(): Producer {
    return new KafkajsProducer(
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // murmur2 on the key, as the Java client does: every producer puts a key on one partition.
        createPartitioner: keyPartitioner,
      }),
    );
  }

  consumer(options: ConsumerOptions): BatchConsumer {
    return new KafkajsConsumer(
      this.kafka.consumer({
        groupId: options.groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: options.sessionTimeoutMs ?? 30_000,
        maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
        retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
        // New partitions and topics are noticed within a minute, not the default five.
        metadataMaxAge: 60_000,
      }),
      options,
      () => this.waitForLeaders(options.topics),
    );
  }

  /**
   * Waits until every partition of the topics has a leader. A consumer that joins its group while
   * a just-created topic has no partitions in the metadata yet is assigned nothing, and would sit
   * idle until its next metadata refresh.
   */
  private async waitForLeaders(topics: readonly string[], timeoutMs = 60_000): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          const { topics: meta } = await admin.fetchTopicMetadata({ topics: [...topics] });
          if (meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
        } catch (error) {
          if ((error as { retriable?: boolean }).retriable !== true) throw error;
        }
        if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leaders after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await admin.disconnect();
    }
  }

  async admin(): Promise<Admin> {
    const admin = this.kafka.admin();
    await admin.connect();
    return {
      async ensureTopics(topics: readonly TopicSpec[]) {
        // Several services start at once and create shared topics concurrently: whoever loses a
        // race sees "already exists" or a not-yet-hosted partition, and simply checks again.
        for (let attempt = 0; ; attempt++) {
          const existing = new Set(await admin.listTopics());
          const missing = topics.filter((t) => !existing.has(t.name));
          if (missing.length === 0) return;
          try {
            await admin.createTopics({
              waitForLeaders: true,
              topics: missing.map((t) => ({
                topic: t.name,
                numPartitions: t.partitions,
                configEntries: topicConfig(t),
              })),
            });
          } catch (error) {
            const e = error as { type?: string; retriable?: boolean };
            if (attempt >= 10 || !(e.retriable || e.type === 'TOPIC_ALREADY_EXISTS')) throw error;
            await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
          }
        }
      },
      async consumerLag(groupId: string, topics: readonly string[]): Promise<TopicLag[]> {
        const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
        const lags: TopicLag[] = [];
        for (const { topic, partitions } of committed) {
          const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
          for (const p of partitions) {
            const end = ends.get(p.partition);
            if (!end) continue;
            const from = Number(p.offset) < 0 ? Number(end.low) : Number(p.offset);
            lags.push({ topic, partition: p.partition, lag: Math.max(0, Number(end.high) - from) });
          }
        }
        return lags;
      },
      async ping() {
        await admin.describeCluster();
      },
      disconnect: () => admin.disconnect(),
    };
  }
}

const SEND_CHUNK_BYTES = 512 * 1024;

/** The seed of the Java client's murmur2 (org.apache.kafka.common.utils.Utils.murmur2). */
const MURMUR2_SEED = 0x9747b28c;

/**
 * The partitioner of the Java client and of kafkajs's DefaultPartitioner: a keyed message goes to
 * murmur2(key bytes) with the sign bit cleared, modulo the topic's partition count. kafkajs
 * computes murmur2 in emulated 64-bit arithmetic, several objects per 4 bytes of key (about a
 * gigabyte of garbage per resolver benchmark run); this is the same hash in 32-bit integers.
 * Messages without a key, or with a partition, go to kafkajs's own partitioner.
 */
export const keyPartitioner: ICustomPartitioner = () => {
  const fallback = Partitioners.DefaultPartitioner();
  return (args) => {
    const { message, partitionMetadata } = args;
    if (typeof message.partition === 'number' || message.key === null || message.key === undefined) return fallback(args);
    return (murmurhash.v2(message.key, MURMUR2_SEED) & 0x7fffffff) % partitionMetadata.length;
  };
};

/** The topic-level settings a catalog entry asks for. */
export function topicConfig(t: TopicSpec): { name: string; value: string }[] {
  return [
    { name: 'cleanup.policy', value: t.cleanupPolicy },
    ...(t.maxMessageBytes ? [{ name: 'max.message.bytes', value: String(t.maxMessageBytes) }] : []),
  ];
}

/** Consecutive runs of messages whose keys, values and headers add up to at most `limit` bytes (a larger message goes alone). */
export function chunksBySize(messages: readonly OutgoingMessage[], limit: number): OutgoingMessage[][] {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    let size = 64 + (m.key ? Buffer.byteLength(m.key) : 0) + (m.value ? m.value.length : 0);
    for (const [k, v] of Object.entries(m.headers ?? {})) size += k.length + Buffer.byteLength(v);
    if (current.length > 0 && bytes + size > limit) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

class KafkajsProducer implements Producer {
  private connected?: Promise<void>;

  constructor(private readonly producer: KProducer) {}

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    // The broker refuses a record batch over its message.max.bytes (1 MiB by default), and kafkajs
    // sends each partition's messages of one call as one batch: send in chunks well under it, in
    // order, so a batch of large payloads (dead letters carry the original bytes) never fails whole.
    for (const chunk of chunksBySize(messages, SEND_CHUNK_BYTES)) {
      await this.producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: chunk.map((m) => ({ key: m.key, value: m.value, headers: { ...(m.headers ?? {}) } })),
      });
    }
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}

class KafkajsConsumer implements BatchConsumer {
  private readonly crashListeners: Array<(error: Error) => void> = [];

  constructor(
    private readonly consumer: Consumer,
    private readonly options: ConsumerOptions,
    private readonly topicsReady: () => Promise<void>,
  ) {
    consumer.on(consumer.events.CRASH, (event) => {
      // kafkajs restarts the consumer itself on retriable errors; only a final crash is reported.
      if (event.payload.restart) return;
      for (const listener of this.crashListeners) listener(event.payload.error);
    });
  }

  async run(onBatch: (batch: PartitionBatch) => Promise<void>): Promise<void> {
    await this.topicsReady();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
    const joined = new Promise<void>((resolve) => {
      const off = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const messages: RawMessage[] = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key,
          value: m.value,
          headers: headersToStrings(m.headers),
          timestamp: m.timestamp,
        }));
        await onBatch({
          topic: batch.topic,
          partition: batch.partition,
          messages,
          highWatermark: batch.highWatermark,
          heartbeat: () => payload.heartbeat(),
          // Unlike consumer.commitOffsets, this commits even after disconnect() has begun.
          commit: (nextOffset) =>
            payload.commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: nextOffset }] }] }),
          isRunning: () => payload.isRunning(),
          isStale: () => payload.isStale(),
        });
        // The batch is done (and committed by the runner): move kafkajs's fetch position past it.
        const last = batch.messages.at(-1);
        if (last) payload.resolveOffset(last.offset);
      },
    });
    await joined;
  }

  disconnect(): Promise<void> {
    return this.consumer.disconnect();
  }

  onCrash(listener: (error: Error) => void): void {
    this.crashListeners.push(listener);
  }
}
