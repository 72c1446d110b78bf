import type { AvroTopic, DeadLetter, TopicSpec } from '@c360/schemas';
import type { RetryPolicy } from '../backoff';

export interface MessagingModuleOptions {
  readonly service: string;
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  /** Consumer group of the service; every instance of the service shares it. */
  readonly groupId: string;
  readonly deadLetterTopic: AvroTopic<DeadLetter>;
  /** Topics the service produces to: created if missing and their schemas registered at startup. */
  readonly produces: readonly TopicSpec[];
  /** Topics the service must consume; each needs exactly one @Consume handler. */
  readonly consumes: readonly TopicSpec[];
  readonly partitionsConsumedConcurrently?: number;
  /** The most bytes one fetch takes from a partition (the consumer's batch size when it is behind). */
  readonly maxBytesPerPartition?: number;
  readonly retry?: RetryPolicy;
  /** Seconds between consumer-lag refreshes from the broker. */
  readonly lagRefreshSeconds?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Something to run after a batch's handler and before the batch's offsets are committed. */
export interface CommitBarrier {
  beforeCommit(): Promise<void>;
}
export const COMMIT_BARRIERS = Symbol('COMMIT_BARRIERS');
