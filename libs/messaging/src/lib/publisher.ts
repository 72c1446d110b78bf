import type { AvroTopic } from '@c360/schemas';
import type { AvroCodec } from './avro-codec';
import type { MessagingMetrics } from './messaging-metrics';
import type { OutgoingMessage, Producer } from './transport';

export interface Outgoing<T> {
  readonly key: string | null;
  readonly value: T;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A consumed message to publish again with one field set: its bytes, what they decode to, and the field's new value. */
export interface Republished<T, K extends keyof T> {
  readonly key: string | null;
  readonly bytes: Buffer;
  readonly value: T;
  readonly fieldValue: T[K];
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
    const values = await this.codec.encodeAll(topic, messages.map((m) => m.value));
    return messages.map((m, i) => ({ key: m.key, value: values[i]!, headers: m.headers }));
  }

  /** Publishes messages consumed from `from` on `topic` with `field` set: mostly their own bytes with the field's replaced (AvroCodec.encodeAllWith). */
  async republish<T, K extends keyof T & string>(from: AvroTopic<T>, topic: AvroTopic<T>, field: K, messages: readonly Republished<T, K>[]): Promise<void> {
    const values = await this.codec.encodeAllWith(from, topic, field, messages);
    const encoded = messages.map((m, i) => ({ key: m.key, value: values[i]!, headers: m.headers }));
    await this.sendEncoded(topic.name, encoded);
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
