// Consumes in batches per partition: decode, hand to the handler, dead-letter what cannot be
// used, retry what failed transiently, and commit the offsets only after the handler's effects
// (and the dead letters) are durable. A redelivered batch must be harmless: handlers are
// idempotent.
import { Headers, type AvroTopic, type DeadLetter, type TopicSpec } from '@c360/schemas';
import type { AvroCodec } from './avro-codec';
import { backoffDelay, DEFAULT_RETRY, sleep, type RetryPolicy } from './backoff';
import { describeError, isTransient, RejectedInputError } from './errors';
import type { MessagingMetrics } from './messaging-metrics';
import type { BatchConsumer, KafkaTransport, PartitionBatch, Producer, RawMessage } from './transport';

export interface InboundMessage<T> {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: T;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: string;
  readonly raw: RawMessage;
}

export interface Rejection {
  readonly message: InboundMessage<unknown>;
  readonly error: RejectedInputError;
}

/** What a handler may report: messages it rejected as bad input (the rest succeeded). */
export interface HandlerResult {
  readonly rejected?: readonly Rejection[];
}

export type BatchHandler<T> = (messages: InboundMessage<T>[]) => Promise<HandlerResult | void>;

export interface Subscription {
  readonly topic: TopicSpec;
  readonly name: string;
  /** Hand tombstones to the handler (value null) instead of skipping them. */
  readonly tombstones?: boolean;
  readonly handler: BatchHandler<never>;
}

/** Messages carry their details inline: structured loggers differ in what they do with extra arguments. */
export interface Logger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ConsumerRunnerOptions {
  readonly service: string;
  readonly groupId: string;
  readonly subscriptions: readonly Subscription[];
  readonly deadLetterTopic: AvroTopic<DeadLetter>;
  readonly transport: KafkaTransport;
  readonly producer: Producer;
  readonly codec: AvroCodec;
  readonly metrics: MessagingMetrics;
  readonly logger: Logger;
  readonly retry?: RetryPolicy;
  readonly partitionsConsumedConcurrently?: number;
  readonly maxBytesPerPartition?: number;
  /** Runs after a batch's handler succeeded and before its offsets are committed (e.g. an outbox flush). */
  readonly beforeCommit?: () => Promise<void>;
  /** Called when the consumer gives up for good; the service should exit so it is restarted. */
  readonly onFatal: (error: Error) => void;
}

export class ConsumerRunner {
  private consumer?: BatchConsumer;
  private readonly byTopic: Map<string, Subscription>;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: ConsumerRunnerOptions) {
    this.byTopic = new Map(options.subscriptions.map((s) => [s.topic.name, s]));
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async start(): Promise<void> {
    const { transport, groupId, partitionsConsumedConcurrently, maxBytesPerPartition } = this.options;
    this.consumer = transport.consumer({ groupId, topics: [...this.byTopic.keys()], partitionsConsumedConcurrently, maxBytesPerPartition });
    this.consumer.onCrash((error) => this.options.onFatal(error));
    await this.consumer.run((batch) => this.processBatch(batch));
  }

  /** Finishes the batch in progress, commits it, and leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async processBatch(batch: PartitionBatch): Promise<void> {
    const last = batch.messages.at(-1);
    if (!last) return;
    const subscription = this.byTopic.get(batch.topic);
    if (!subscription) throw new Error(`no handler for topic ${batch.topic}`); // checked at startup
    const labels = { topic: batch.topic, group: this.options.groupId };
    const timer = this.options.metrics.batchSeconds.startTimer(labels);

    const decoded: InboundMessage<unknown>[] = [];
    const rejections: Rejection[] = [];
    for (const raw of batch.messages) {
      const outcome = await this.decode(subscription, raw);
      if (outcome instanceof RejectedInputError) rejections.push({ message: this.inbound(raw, null), error: outcome });
      else if (outcome === TOMBSTONE) this.options.metrics.skipped.inc({ ...labels, reason: 'tombstone' });
      else decoded.push(outcome);
    }

    if (decoded.length > 0) rejections.push(...(await this.handleIsolating(subscription, decoded, batch)));
    await this.deadLetter(rejections);
    await this.options.beforeCommit?.();
    await batch.commit((BigInt(last.offset) + 1n).toString());

    this.options.metrics.consumed.inc(labels, batch.messages.length);
    this.options.metrics.lag.set(
      { ...labels, partition: String(batch.partition) },
      Math.max(0, Number(batch.highWatermark) - Number(last.offset) - 1),
    );
    timer();
    await batch.heartbeat();
  }

  private async decode({ topic, tombstones }: Subscription, raw: RawMessage): Promise<InboundMessage<unknown> | RejectedInputError | typeof TOMBSTONE> {
    if (raw.value === null) {
      if (topic.format !== 'avro') return new RejectedInputError('empty-value', 'the message has no value');
      return tombstones ? this.inbound(raw, null) : TOMBSTONE;
    }
    if (topic.format === 'native') return this.inbound(raw, raw.value);
    try {
      return this.inbound(raw, await this.options.codec.decode(topic, raw.value));
    } catch (error) {
      if (isTransient(error)) throw error; // the registry is unreachable: not the message's fault
      return new RejectedInputError('avro-decode-failed', `value is not Avro of ${topic.name}: ${describeError(error)}`);
    }
  }

  private inbound(raw: RawMessage, value: unknown): InboundMessage<unknown> {
    return {
      topic: raw.topic,
      partition: raw.partition,
      offset: raw.offset,
      key: raw.key?.toString('utf8') ?? null,
      value,
      headers: raw.headers,
      timestamp: raw.timestamp,
      raw,
    };
  }

  /**
   * Runs the handler; retries transient failures with backoff (and gives up by throwing, which
   * leaves the offsets uncommitted); splits the batch to isolate a message that fails for any
   * other reason, and rejects that message alone.
   */
  private async handleIsolating(subscription: Subscription, messages: InboundMessage<unknown>[], batch: PartitionBatch): Promise<Rejection[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await subscription.handler(messages as never[]);
        return [...(result?.rejected ?? [])];
      } catch (error) {
        if (isTransient(error)) {
          if (attempt + 1 >= this.retry.attempts || !batch.isRunning()) throw error;
          this.options.metrics.retries.inc({ topic: batch.topic, group: this.options.groupId });
          this.options.logger.warn(`transient failure in ${subscription.name} (attempt ${attempt + 1}), retrying: ${describeError(error)}`);
          await sleep(backoffDelay(this.retry, attempt));
          await batch.heartbeat();
          continue;
        }
        if (messages.length > 1) {
          const middle = Math.ceil(messages.length / 2);
          return [
            ...(await this.handleIsolating(subscription, messages.slice(0, middle), batch)),
            ...(await this.handleIsolating(subscription, messages.slice(middle), batch)),
          ];
        }
        const rejected =
          error instanceof RejectedInputError
            ? error
            : new RejectedInputError('processing-failed', `${subscription.name} failed: ${describeError(error)}`);
        if (!(error instanceof RejectedInputError)) {
          const { topic, partition, offset } = messages[0]!;
          this.options.logger.error(`handler ${subscription.name} failed on ${topic}/${partition}@${offset}; dead-lettering it: ${describeError(error)}`);
        }
        return [{ message: messages[0]!, error: rejected }];
      }
    }
  }

  private async deadLetter(rejections: readonly Rejection[]): Promise<void> {
    if (rejections.length === 0) return;
    const { codec, producer, deadLetterTopic, service, groupId, metrics } = this.options;
    const out = await Promise.all(
      rejections.map(async ({ message: { raw }, error }) => {
        const letter: DeadLetter = {
          service,
          consumerGroup: groupId,
          sourceTopic: raw.topic,
          sourcePartition: raw.partition,
          sourceOffset: Number(raw.offset),
          reasonCode: error.reasonCode,
          reason: error.message,
          field: error.field ?? null,
          source: error.source ?? null,
          originalKey: raw.key,
          originalValue: raw.value,
          originalHeaders: { ...raw.headers },
          failedAt: Date.now(),
        };
        metrics.deadLettered.inc({ topic: raw.topic, group: groupId, reason: error.reasonCode });
        return {
          key: raw.key?.toString('utf8') ?? null,
          value: await codec.encode(deadLetterTopic, letter),
          headers: {
            [Headers.dlqReason]: error.reasonCode,
            ...(error.field ? { [Headers.dlqField]: error.field } : {}),
            [Headers.dlqSourceTopic]: raw.topic,
            [Headers.dlqSourcePartition]: String(raw.partition),
            [Headers.dlqSourceOffset]: raw.offset,
          },
        };
      }),
    );
    await producer.send(deadLetterTopic.name, out);
    metrics.produced.inc({ topic: deadLetterTopic.name }, out.length);
  }
}

const TOMBSTONE = Symbol('tombstone');
