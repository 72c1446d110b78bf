// A batch of large messages (dead letters carry the original bytes) must reach the broker in
// requests it accepts, in the order given, with nothing left out.
import { describe, expect, it } from 'vitest';
import { chunksBySize } from './kafkajs-transport';

const msg = (n: number, bytes: number) => ({ key: `k${n}`, value: Buffer.alloc(bytes), headers: { h: 'v' } });

describe('chunksBySize', () => {
  it('keeps every message, in order, in chunks under the limit', () => {
    const messages = Array.from({ length: 40 }, (_, i) => msg(i, 70 * 1024));
    const chunks = chunksBySize(messages, 512 * 1024);
    expect(chunks.flat()).toEqual(messages);
    expect(chunks.length).toBe(6);
    for (const c of chunks) expect(c.reduce((s, m) => s + (m.value?.length ?? 0), 0)).toBeLessThanOrEqual(512 * 1024);
  });

  it('sends a message larger than the limit on its own', () => {
    const chunks = chunksBySize([msg(1, 10), msg(2, 900 * 1024), msg(3, 10)], 512 * 1024);
    expect(chunks.map((c) => c.map((m) => m.key))).toEqual([['k1'], ['k2'], ['k3']]);
  });

  it('keeps small batches whole', () => {
    expect(chunksBySize([msg(1, 10), msg(2, 10)], 512 * 1024)).toHaveLength(1);
    expect(chunksBySize([], 512 * 1024)).toEqual([]);
  });
});
