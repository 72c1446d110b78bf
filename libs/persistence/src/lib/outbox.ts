// Transactional outbox: a handler writes its output messages (already Avro-encoded) in the same
// Postgres transaction as its effects; the relay publishes them after the commit and deletes them.
// A crash between the commit and the publish leaves the rows for the next flush, so no output is
// lost; a crash between the publish and the delete republishes them, so consumers see duplicates
// with the same keys and ids, which they drop.
import type { EntityManager, DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { AvroTopic } from '@c360/schemas';
import type { Outgoing, Publisher } from '@c360/messaging';
import { pgArray } from './pg-array';

interface OutboxRow {
  id: string;
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export class Outbox {
  constructor(
    private readonly schema: string,
    private readonly publisher: Publisher,
  ) {}

  /** Adds messages to the outbox inside the caller's transaction. */
  async add<T>(em: EntityManager, topic: AvroTopic<T>, messages: readonly Outgoing<T>[]): Promise<void> {
    if (messages.length === 0) return;
    const encoded = await this.publisher.encode(topic, messages);
    await this.insert(
      em,
      topic.name,
      encoded.map((m) => ({
        key: m.key,
        value: m.value,
        headers: m.headers ?? {},
      })),
    );
  }

  /**
   * Adds messages for several topics inside the caller's transaction, in one statement; they are
   * published in the order given (so per key, within each topic).
   */
  async addAll<T>(em: EntityManager, entries: readonly { topic: AvroTopic<T>; message: Outgoing<T> }[]): Promise<void> {
    const rows = await Promise.all(
      entries.map(async ({ topic, message }) => {
        const [encoded] = await this.publisher.encode(topic, [message]);
        return { topic: topic.name, key: encoded!.key, value: encoded!.value, headers: encoded!.headers ?? {} };
      }),
    );
    await this.insertRows(em, rows);
  }

  /** Adds tombstones (null values) for keys of a compacted topic. */
  async addTombstones(em: EntityManager, topic: AvroTopic<unknown>, keys: readonly string[]): Promise<void> {
    await this.insert(
      em,
      topic.name,
      keys.map((key) => ({ key, value: null, headers: {} })),
    );
  }

  private async insert(
    em: EntityManager,
    topic: string,
    rows: {
      key: string | null;
      value: Buffer | null;
      headers: Readonly<Record<string, string>>;
    }[],
  ) {
    await this.insertRows(
      em,
      rows.map((r) => ({ topic, ...r })),
    );
  }

  private async insertRows(
    em: EntityManager,
    rows: readonly { topic: string; key: string | null; value: Buffer | null; headers: Readonly<Record<string, string>> }[],
  ) {
    if (rows.length === 0) return;
    // The values go as one bytea (a Buffer parameter is sent in binary) with each row's offset and
    // length (-1: null), not as a bytea[], which the driver writes as hex text for Postgres to parse.
    const offsets: number[] = [];
    const lengths: number[] = [];
    let at = 0;
    for (const r of rows) {
      offsets.push(at);
      lengths.push(r.value === null ? -1 : r.value.length);
      at += r.value?.length ?? 0;
    }
    const values = Buffer.concat(rows.flatMap((r) => (r.value === null ? [] : [r.value])), at);
    // The ids (and so the publishing order) follow the order of the arrays.
    await em.query(
      `INSERT INTO "${this.schema}".outbox (topic, key, value, headers)
       SELECT tp, k, CASE WHEN l >= 0 THEN substring($3::bytea FROM o + 1 FOR l) END, h::jsonb
       FROM unnest($1::text[], $2::text[], $4::int[], $5::int[], $6::text[]) WITH ORDINALITY AS t(tp, k, o, l, h, n) ORDER BY n`,
      [pgArray(rows.map((r) => r.topic)), pgArray(rows.map((r) => r.key)), values, pgArray(offsets), pgArray(lengths), pgArray(rows.map((r) => JSON.stringify(r.headers)))],
    );
  }

  /** Publishes every pending row, in insertion order within each topic, and deletes what was published. */
  async flush(dataSource: DataSource, batchSize = 2_000): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await dataSource.transaction(async (em) => {
        // One relay at a time per outbox, across processes: a second relay that skipped the rows
        // the first had locked would send the later rows of a key before the first sent its earlier
        // ones (a compacted topic would keep a stale value). The second waits, then takes what is left.
        await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`c360 outbox ${this.schema}`]);
        const rows = await em.query<OutboxRow[]>(`SELECT id, topic, key, value, headers FROM "${this.schema}".outbox ORDER BY id LIMIT $1`, [batchSize]);
        if (rows.length === 0) return 0;
        // One request per topic, in the order of the rows within it (and so per key); messages of
        // different topics have no order a consumer could see. Sending each run of one topic on
        // its own cost a round trip per row where rows alternate topics (activation's segments).
        const byTopic = new Map<string, OutboxRow[]>();
        for (const r of rows) {
          const run = byTopic.get(r.topic);
          if (run) run.push(r);
          else byTopic.set(r.topic, [r]);
        }
        for (const [topic, run] of byTopic) {
          await this.publisher.sendEncoded(
            topic,
            run.map((r) => ({
              key: r.key,
              value: r.value,
              headers: r.headers,
            })),
          );
        }
        await em.query(`DELETE FROM "${this.schema}".outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
        return rows.length;
      });
      total += sent;
      if (sent < batchSize) return total;
    }
  }
}

/** The outbox table, as the first migration of every service schema. */
export function outboxMigration(schema: string): new () => MigrationInterface {
  return class OutboxMigration implements MigrationInterface {
    name = `Outbox${schema[0]!.toUpperCase()}${schema.slice(1)}1732300000000`;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE IF NOT EXISTS "${schema}".outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key text,
        value bytea,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now())`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE IF EXISTS "${schema}".outbox`);
    }
  };
}
