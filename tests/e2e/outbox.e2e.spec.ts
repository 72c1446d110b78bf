// The transactional outbox against the real Postgres, schema registry and Kafka: what every
// service's outputs rely on. Rows of several topics, interleaved as activation writes them, reach
// each topic in the order they were added (per key, so per partition), all of them, once; a
// publish that fails half-way loses nothing (the rows stay and the next flush sends them again).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DataSource } from 'typeorm';
import { segmentTopic, type AvroTopic, type SegmentMembershipChange } from '@c360/schemas';
import { AvroCodec, KafkajsTransport, Publisher, type OutgoingMessage, type Outgoing, type Producer } from '@c360/messaging';
import { Outbox, outboxMigration } from '@c360/persistence';
import { createTestDatabase, type ReceivedMessage, KafkaTestClient } from '@c360/testing';

const SCHEMA = 'outbox_test';

describe('outbox (Postgres → Kafka)', () => {
  const stack = inject('stack');
  const run = Date.now().toString(36);
  const topics = ['a', 'b', 'c'].map((t) => segmentTopic(`outbox-test-${t}-${run}`));
  const kafka = new KafkaTestClient(stack.KAFKA_BROKERS, stack.SCHEMA_REGISTRY_URL);
  const transport = new KafkajsTransport({ brokers: stack.KAFKA_BROKERS.split(','), clientId: 'c360-outbox-test' });
  const codec = new AvroCodec(stack.SCHEMA_REGISTRY_URL);
  let producer: Producer;
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    await kafka.ensureTopics(topics);
    producer = transport.producer();
    await producer.connect();
    db = await createTestDatabase(stack.DATABASE_URL, 'c360_outbox');
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ds.query(`CREATE SCHEMA ${SCHEMA}`);
    await ds.transaction((em) => new (outboxMigration(SCHEMA))().up(em.queryRunner!));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await kafka.close();
    await ds?.destroy();
    await db?.drop();
  });

  const change = (topic: AvroTopic<SegmentMembershipChange>, profileId: string, n: number): Outgoing<SegmentMembershipChange> => ({
    key: profileId,
    value: {
      changeId: `${topic.name}:${profileId}:${n}`,
      segmentId: topic.name,
      profileId,
      change: n % 2 === 0 ? 'ENTERED' : 'EXITED',
      reason: `change ${n}`,
      triggerEventId: null,
      triggerIngestedAt: null,
      evaluatedAt: n,
    },
  });

  /** Changes for 4 profiles on the three topics, alternating topics row by row as activation's do. */
  const interleaved = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const topic = topics[n % topics.length]!;
      return { topic, message: change(topic, `p${n % 4}`, n) };
    });

  const pending = async () => Number((await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${SCHEMA}.outbox`))[0]!.n);

  /** What each topic received, as evaluatedAt per profile in arrival order (Kafka's order within a partition). */
  const perKey = (received: readonly ReceivedMessage<SegmentMembershipChange>[]) => {
    const out: Record<string, number[]> = {};
    for (const m of [...received].sort((x, y) => x.partition - y.partition || Number(BigInt(x.offset) - BigInt(y.offset)))) {
      (out[m.key!] ??= []).push(Number(m.value.evaluatedAt));
    }
    return out;
  };
  const expected = (entries: ReturnType<typeof interleaved>, topic: AvroTopic<SegmentMembershipChange>) => {
    const out: Record<string, number[]> = {};
    for (const e of entries) if (e.topic === topic) (out[e.message.key!] ??= []).push(e.message.value.evaluatedAt);
    return out;
  };

  /** The test's producer, running `before` ahead of each produce request (it may delay or refuse it). */
  const sendingAfter = (before: (topic: string) => Promise<void>): Producer => ({
    connect: () => producer.connect(),
    disconnect: async () => undefined,
    send: async (topic: string, messages: readonly OutgoingMessage[]) => {
      await before(topic);
      await producer.send(topic, messages);
    },
  });

  it('publishes interleaved rows of several topics in order within each, all of them, and empties itself', async () => {
    const outbox = new Outbox(SCHEMA, new Publisher(producer, codec));
    const subs = await Promise.all(topics.map((t) => kafka.subscribe<SegmentMembershipChange>(t.name)));
    const entries = interleaved(0, 300);
    // Two transactions, and flushed in rounds of 70 rows: each round groups its rows by topic.
    await ds.transaction((em) => outbox.addAll(em, entries.slice(0, 150)));
    await ds.transaction((em) => outbox.addAll(em, entries.slice(150)));
    expect(await pending()).toBe(300);

    expect(await outbox.flush(ds, 70)).toBe(300);

    expect(await pending()).toBe(0);
    for (const [i, topic] of topics.entries()) {
      const received = await subs[i]!.waitFor(() => true, 100);
      await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
      expect(subs[i]!.received).toHaveLength(100);
      expect(perKey(received)).toEqual(expected(entries, topic));
    }
  });

  it('keeps every row when a publish fails half-way, and sends them all on the next flush', async () => {
    // The broker refusing the second topic's request, after the first was acknowledged.
    let failNext = true;
    const flaky = sendingAfter(async (topic) => {
      if (failNext && topic === topics[1]!.name) {
        failNext = false;
        throw new Error('not enough in-sync replicas');
      }
    });
    const outbox = new Outbox(SCHEMA, new Publisher(flaky, codec));
    const subs = await Promise.all(topics.map((t) => kafka.subscribe<SegmentMembershipChange>(t.name)));
    const entries = interleaved(1_200, 30); // its first row is for topic a, so a goes out before b fails
    await ds.transaction((em) => outbox.addAll(em, entries));

    await expect(outbox.flush(ds)).rejects.toThrow('not enough in-sync replicas');
    expect(await pending()).toBe(30);

    expect(await outbox.flush(ds)).toBe(30);
    expect(await pending()).toBe(0);
    for (const i of topics.keys()) await subs[i]!.waitFor(() => true, i === 0 ? 20 : 10);
    await new Promise((r) => setTimeout(r, 500));
    // The first topic's rows went out twice (at least once, in order each time); the others once.
    const first = perKey(subs[0]!.received);
    const once = expected(entries, topics[0]!);
    expect(first).toEqual(Object.fromEntries(Object.entries(once).map(([k, v]) => [k, [...v, ...v]])));
    for (const i of [1, 2]) expect(perKey(subs[i]!.received)).toEqual(expected(entries, topics[i]!));
  });

  it('keeps each key in order when two relays flush at once', async () => {
    // The first relay's first produce request takes a while (a slow broker); the second starts meanwhile.
    let slowNext = true;
    const slow = sendingAfter(async () => {
      if (slowNext) {
        slowNext = false;
        await new Promise((r) => setTimeout(r, 700));
      }
    });
    const first = new Outbox(SCHEMA, new Publisher(slow, codec));
    const second = new Outbox(SCHEMA, new Publisher(producer, codec));
    const topic = topics[2]!;
    const sub = await kafka.subscribe<SegmentMembershipChange>(topic.name);
    const messages = Array.from({ length: 60 }, (_, i) => change(topic, `p${i % 4}`, 2_000 + i));
    await ds.transaction((em) => first.add(em, topic, messages));

    const flushes = [first.flush(ds, 20), new Promise((r) => setTimeout(r, 200)).then(() => second.flush(ds, 20))];
    const sent = await Promise.all(flushes);

    expect(sent[0]! + sent[1]!).toBe(60);
    expect(await pending()).toBe(0);
    await sub.waitFor(() => true, 60);
    await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
    expect(sub.received).toHaveLength(60);
    expect(perKey(sub.received)).toEqual(expected(messages.map((message) => ({ topic, message })), topic));
  });

  it('stores each value byte for byte, and tombstones as null, in the order added', async () => {
    const publisher = new Publisher(producer, codec);
    const outbox = new Outbox(SCHEMA, publisher);
    const messages = Array.from({ length: 40 }, (_, n) => change(topics[0]!, `p${n % 7}`, n));
    await ds.transaction(async (em) => {
      await outbox.add(em, topics[0]!, messages.slice(0, 20));
      await outbox.addTombstones(em, topics[1]!, ['gone-1', 'gone-2']);
      await outbox.add(em, topics[0]!, messages.slice(20));
    });
    const rows = await ds.query<{ topic: string; key: string | null; value: Buffer | null }[]>(`SELECT topic, key, value FROM ${SCHEMA}.outbox ORDER BY id`);
    const bytes = (await publisher.encode(topics[0]!, messages)).map((m) => m.value);
    const row = (topic: AvroTopic<SegmentMembershipChange>, key: string, value: Buffer | null) => ({ topic: topic.name, key, value });
    expect(rows).toEqual([
      ...messages.slice(0, 20).map((m, i) => row(topics[0]!, m.key!, bytes[i]!)),
      row(topics[1]!, 'gone-1', null),
      row(topics[1]!, 'gone-2', null),
      ...messages.slice(20).map((m, i) => row(topics[0]!, m.key!, bytes[20 + i]!)),
    ]);
    await ds.query(`DELETE FROM ${SCHEMA}.outbox`);
  });
});
