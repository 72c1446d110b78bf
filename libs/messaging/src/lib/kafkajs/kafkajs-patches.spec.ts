// The producer code of kafkajs that patches/kafkajs+2.2.4.patch rewrites (docs/architecture.md,
// "Patched dependencies") still writes what kafkajs's own decoder, and so the broker, reads: varints
// written in place, records and headers in encoders sized to them, messages grouped by partition
// in one pass.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// kafkajs's internals, untyped: what this test calls of them.
interface Encoder {
  writeVarInt(n: number): Encoder;
  readonly buffer: Buffer;
}
interface Decoder {
  readVarInt(): number;
  readVarIntBytes(): Buffer;
  canReadBytes(n: number): boolean;
}
interface DecodedRecord {
  key: Buffer;
  value: Buffer;
  offset: string;
  timestamp: string;
  headers: Record<string, Buffer>;
}
interface Message {
  key: string;
  value: string;
}
const require = createRequire(__filename);
const Encoder = require('kafkajs/src/protocol/encoder') as new (initialSize?: number) => Encoder;
const Decoder = require('kafkajs/src/protocol/decoder') as new (buffer: Buffer) => Decoder;
const encodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0') as (r: {
  offsetDelta: number;
  timestampDelta: number;
  key: string;
  value: Buffer;
  headers: Record<string, string | Buffer>;
}) => Encoder;
const decodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/decoder') as (d: Decoder, context: object) => DecodedRecord;
const groupMessagesPerPartition = require('kafkajs/src/producer/groupMessagesPerPartition') as (args: {
  topic: string;
  partitionMetadata: { partitionId: number; leader: number }[];
  messages: Message[];
  partitioner: (args: { message: Message }) => number;
}) => Record<string, Message[]>;

/** Zig-zag LEB128 of a 32-bit integer, as Kafka's ByteUtils.writeVarint writes it. */
const varint = (n: number): number[] => {
  let v = ((n << 1) ^ (n >> 31)) >>> 0;
  const out: number[] = [];
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
};

describe('kafkajs, as patched', () => {
  it('writes varints as Kafka does, at every width and sign', () => {
    const values = [
      0,
      1,
      -1,
      63,
      -64,
      64,
      127,
      128,
      8191,
      8192,
      -8193,
      1 << 20,
      2 ** 30,
      2 ** 31 - 1,
      -(2 ** 31),
      123_456_789,
      -987_654_321,
    ];
    for (const v of values) {
      const bytes = new Encoder().writeVarInt(v).buffer;
      expect([...bytes]).toEqual(varint(v));
      expect(new Decoder(bytes).readVarInt()).toBe(v);
    }
    // Many in a row, past the encoder's first buffer.
    const encoder = new Encoder(8);
    for (let i = -5000; i < 5000; i++) encoder.writeVarInt(i * 997);
    const decoder = new Decoder(encoder.buffer);
    for (let i = -5000; i < 5000; i++) expect(decoder.readVarInt()).toBe(i * 997);
  });

  it('encodes records of every size, with headers, as the record decoder reads them', () => {
    for (const size of [0, 1, 300, 511, 512, 513, 4000, 70_000]) {
      const value = Buffer.alloc(size, 7);
      const key = `p_${'a'.repeat(size % 50)}ü`;
      const headers = {
        'c360-event-id': `e-${size}-ünïcödé`,
        'c360-ingested-at': String(1_733_000_000_000 + size),
        empty: Buffer.alloc(0),
      };
      const encoded = encodeRecord({ offsetDelta: size % 7, timestampDelta: size, key, value, headers }).buffer;
      const outer = new Decoder(encoded);
      const record = decodeRecord(new Decoder(outer.readVarIntBytes()), { firstOffset: '0', firstTimestamp: 0 });
      expect(outer.canReadBytes(1)).toBe(false);
      expect(record.key.toString()).toBe(key);
      expect(Buffer.compare(record.value, value)).toBe(0);
      expect(record.offset).toBe(String(size % 7));
      expect(record.timestamp).toBe(String(size));
      expect(Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, v.toString()]))).toEqual({
        'c360-event-id': headers['c360-event-id'],
        'c360-ingested-at': headers['c360-ingested-at'],
        empty: '',
      });
    }
  });

  it('groups every message by its partition, in the order given', () => {
    const messages = Array.from({ length: 20_000 }, (_, i) => ({ key: `k${i % 37}`, value: String(i) }));
    const partitionMetadata = Array.from({ length: 6 }, (_, partitionId) => ({ partitionId, leader: 1 }));
    const grouped = groupMessagesPerPartition({
      topic: 't',
      partitionMetadata,
      messages,
      partitioner: ({ message }) => Number(message.key.slice(1)) % 6,
    });
    expect(Object.keys(grouped).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    for (const [partition, list] of Object.entries(grouped)) {
      expect(list).toEqual(messages.filter((m) => Number(m.key.slice(1)) % 6 === Number(partition)));
    }
    expect(groupMessagesPerPartition({ topic: 't', partitionMetadata: [], messages, partitioner: () => 0 })).toEqual({});
  });
});
