import type { AvroTopic } from '@c360/schemas';
import type { AvroCodec } from './avro-codec';
import type { MessagingMetrics } from './messaging-metrics';
import type { OutgoingMessage, Producer } from './transport';

export interface Outgoing<T> {
  readonly key: string | null;
  readonly value: T;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Produces typed values as Avro (Confluent wire format) with the idempotent producer. */
export class Publisher {
  constructor(
    private readonly producer: Producer,
    private readonly codec: AvroCodec,
    private readonly metrics?: MessagingMetrics,
  ) {}

  /** Encodes without sending: for an outbox that stores the exact bytes to publish later. */
  async encode<T>(topic: AvroTopic<T>, messages: readonly Outgoing<T>[]): Promise<OutgoingMessage[]> {
    return Promise.all(
      messages.map(async (m) => ({ key: m.key, value: await this.codec.encode(topic, m.value), headers: m.headers })),
    );
  }

  async publish<T>(topic: AvroTopic<T>, messages: readonly Outgoing<T>[]): Promise<void> {
    await this.sendEncoded(topic.name, await this.encode(topic, messages));
  }

  /** A tombstone: deletes the key from a compacted topic. */
  async tombstone(topic: AvroTopic<unknown>, keys: readonly string[]): Promise<void> {
    await this.sendEncoded(topic.name, keys.map((key) => ({ key, value: null })));
  }

  async sendEncoded(topicName: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send(topicName, messages);
    this.metrics?.produced.inc({ topic: topicName }, messages.length);
  }
}
