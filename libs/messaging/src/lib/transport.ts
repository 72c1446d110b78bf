// The small interface c360 needs from a Kafka client. kafkajs implements it today
// (kafkajs/kafkajs-transport.ts); another client can replace it without touching handlers.
import type { TopicSpec } from '@c360/schemas';

export interface RawMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: string;
}

export interface OutgoingMessage {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PartitionBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly RawMessage[];
  /** The partition's high watermark when the batch was fetched. */
  readonly highWatermark: string;
  heartbeat(): Promise<void>;
  /**
   * Commits `nextOffset` (the offset of the next message to read) for this partition. Works while
   * the consumer is stopping too, so the batch that finishes during a shutdown is committed.
   */
  commit(nextOffset: string): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
}

export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Partitions processed at once by one consumer. */
  readonly partitionsConsumedConcurrently?: number;
  readonly fromBeginning?: boolean;
  readonly maxBytesPerPartition?: number;
  readonly sessionTimeoutMs?: number;
}

export interface BatchConsumer {
  /** Starts fetching; resolves once the consumer has joined its group and runs. */
  run(onBatch: (batch: PartitionBatch) => Promise<void>): Promise<void>;
  /** Stops after the batch in progress and leaves the group. */
  disconnect(): Promise<void>;
  /** Called when the consumer has crashed for good (after the client's own restarts). */
  onCrash(listener: (error: Error) => void): void;
}

export interface Producer {
  connect(): Promise<void>;
  /** Resolves when every message is acknowledged by all in-sync replicas. */
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface TopicLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

export interface Admin {
  /** Creates the topics that do not exist yet, with their partitions and cleanup policy. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Messages not yet committed by a consumer group, per partition. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<TopicLag[]>;
  /** Answers when the cluster is reachable. */
  ping(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface KafkaTransport {
  producer(): Producer;
  consumer(options: ConsumerOptions): BatchConsumer;
  admin(): Promise<Admin>;
}
