// The runner's decisions about failure, on a scripted partition batch: what is retried, what is
// isolated and dead-lettered, and when the offsets are committed. (Against a real broker, the
// e2e tier shows the same for dead letters and shutdowns.)
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { sourceTopic, Topics, type DeadLetter } from '@c360/schemas';
import type { AvroCodec } from './avro-codec';
import { ConsumerRunner, type InboundMessage } from './consumer-runner';
import { RejectedInputError, TransientError } from './errors';
import { MessagingMetrics } from './messaging-metrics';
import type { KafkaTransport, OutgoingMessage, PartitionBatch, Producer, RawMessage } from './transport';

const raw = (offset: number, value: string): RawMessage => ({
  topic: sourceTopic('pos').name, partition: 0, offset: String(offset), key: Buffer.from(`k${offset}`),
  value: Buffer.from(value), headers: {}, timestamp: '0',
});

function harness(handler: (values: string[]) => Promise<void | { rejected?: never[] }>) {
  const sent: { topic: string; messages: readonly OutgoingMessage[] }[] = [];
  const commits: string[] = [];
  const handled: string[][] = [];
  let onBatch: ((b: PartitionBatch) => Promise<void>) | undefined;
  const transport = {
    consumer: () => ({
      run: async (fn: (b: PartitionBatch) => Promise<void>) => void (onBatch = fn),
      disconnect: async () => undefined,
      onCrash: () => undefined,
    }),
  } as unknown as KafkaTransport;
  const producer: Producer = { connect: async () => undefined, disconnect: async () => undefined, send: async (topic, messages) => void sent.push({ topic, messages }) };
  const codec = { encode: async (_t: unknown, v: DeadLetter) => Buffer.from(JSON.stringify({ ...v, originalValue: v.originalValue?.toString() })) } as unknown as AvroCodec;
  const runner = new ConsumerRunner({
    service: 'test', groupId: 'g', transport, producer, codec,
    metrics: new MessagingMetrics(new Registry()),
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    deadLetterTopic: Topics.deadLetterIngestor,
    retry: { attempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
    onFatal: () => undefined,
    subscriptions: [{
      topic: sourceTopic('pos'), name: 'h',
      handler: (async (messages: InboundMessage<Buffer>[]) => {
        const values = messages.map((m) => m.value.toString());
        handled.push(values);
        return handler(values);
      }),
    }],
  });
  return {
    sent, commits, handled,
    async deliver(values: string[]) {
      await runner.start();
      await onBatch!({
        topic: sourceTopic('pos').name, partition: 0, highWatermark: String(values.length),
        messages: values.map((v, i) => raw(i, v)),
        heartbeat: async () => undefined, isRunning: () => true, isStale: () => false,
        commit: async (next) => void commits.push(next),
      });
    },
    letters: () => sent.filter((s) => s.topic === Topics.deadLetterIngestor.name).flatMap((s) => s.messages.map((m) => JSON.parse(m.value!.toString()) as DeadLetter)),
  };
}

describe('ConsumerRunner', () => {
  it('isolates the one message a handler fails on, dead-letters it, and commits the batch', async () => {
    const h = harness(async (values) => {
      if (values.includes('poison')) throw new Error('boom');
    });
    await h.deliver(['a', 'b', 'poison', 'c', 'd']);
    expect(h.letters()).toMatchObject([{ reasonCode: 'processing-failed', sourceOffset: 2, originalValue: 'poison' }]);
    expect(h.handled.filter((v) => !v.includes('poison')).flat().sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(h.commits).toEqual(['5']);
  });

  it('dead-letters input the handler rejects, with its reason and field', async () => {
    const h = harness(async (values) => {
      if (values.length === 1 && values[0] === 'bad') throw new RejectedInputError('invalid-field', 'nope', 'customer.email', 'pos');
      if (values.includes('bad')) throw new RejectedInputError('invalid-field', 'nope', 'customer.email', 'pos');
    });
    await h.deliver(['ok', 'bad']);
    expect(h.letters()).toMatchObject([{ reasonCode: 'invalid-field', field: 'customer.email', source: 'pos', sourceOffset: 1 }]);
    expect(h.commits).toEqual(['2']);
  });

  it('retries a transient failure and commits once it succeeds', async () => {
    let calls = 0;
    const h = harness(async () => {
      if (++calls < 3) throw new TransientError('database restarting');
    });
    await h.deliver(['a']);
    expect(calls).toBe(3);
    expect(h.letters()).toEqual([]);
    expect(h.commits).toEqual(['1']);
  });

  it('gives up on a persistent transient failure without committing or dead-lettering', async () => {
    const h = harness(async () => {
      throw new TransientError('database down');
    });
    await expect(h.deliver(['a', 'b'])).rejects.toThrow('database down');
    expect(h.commits).toEqual([]);
    expect(h.letters()).toEqual([]);
  });
});
