// Every producer of a topic must put a key on the same partition (the Java client's rule), or a
// profile's messages would be consumed out of order and co-partitioned topics would not join.
import { describe, expect, it } from 'vitest';
import { Partitioners, type PartitionerArgs } from 'kafkajs';
import { keyPartitioner } from './kafkajs-transport';

const metadata = (n: number): PartitionerArgs['partitionMetadata'] =>
  Array.from({ length: n }, (_, partitionId) => ({ partitionId, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1], offlineReplicas: [] }));
const args = (message: PartitionerArgs['message'], partitions: number): PartitionerArgs => ({
  topic: 't',
  partitionMetadata: metadata(partitions),
  message,
});

describe('keyPartitioner', () => {
  it("hashes keys as the Java client's murmur2 does (its own test vectors)", () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2: murmur2 of these bytes, before the sign bit is cleared.
    const cases: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    const partition = keyPartitioner();
    for (const n of [6, 997, 1024])
      for (const [key, hash] of cases) expect(partition(args({ key, value: null }, n))).toBe((hash & 0x7fffffff) % n);
  });

  it("puts every key on the partition kafkajs's default partitioner chooses, for string and byte keys of any length", () => {
    const ours = keyPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    const keys: (string | Buffer)[] = [''];
    for (let i = 0; i < 3_000; i++) {
      const length = i % 41;
      const text = Array.from({ length }, (_, j) => String.fromCodePoint(32 + ((i * 7919 + j * 104_729) % (i % 3 === 0 ? 0x2fff : 95)))).join('');
      keys.push(i % 5 === 0 ? Buffer.from(text) : text);
    }
    for (const partitions of [1, 2, 6, 7, 12]) {
      const chosen = keys.map((key) => ours(args({ key, value: null }, partitions)));
      expect(chosen).toEqual(keys.map((key) => theirs(args({ key, value: null }, partitions))));
      if (partitions > 1) expect(new Set(chosen).size).toBe(partitions);
    }
  });

  it('keeps an explicit partition, and spreads messages without a key', () => {
    const partition = keyPartitioner();
    expect(partition(args({ key: 'k', value: null, partition: 4 }, 6))).toBe(4);
    const spread = new Set(Array.from({ length: 60 }, () => partition(args({ key: null, value: null }, 6))));
    expect(spread.size).toBe(6);
  });
});
