// Avro in the Confluent wire format (magic byte, 4-byte schema id, Avro body) through a
// Confluent-compatible schema registry. Subjects follow the TopicNameStrategy: `<topic>-value`.
import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Type } from 'avsc';
import type { AvroTopic } from '@c360/schemas';

/** How to read one writer schema into a topic's current schema. */
interface Reader {
  readonly type: Type;
  /** Absent when the writer's schema is the reader's. */
  readonly resolver?: ReturnType<Type['createResolver']>;
}

/** A topic's registered schema id and its schema as avsc builds it. */
interface Writer {
  readonly id: number;
  readonly type: Type;
}

/**
 * How to replace one field in a message of one writer schema, re-published on a topic of the same
 * schema: the fields before it (to find where it starts) and its own type (where it ends).
 */
interface Splice {
  readonly before: Type;
  readonly field: Type;
  readonly to: Writer;
}

export class AvroCodec {
  private readonly registry: SchemaRegistry;
  private readonly ids = new Map<string, Promise<number>>();
  /** Per topic and writer schema id: built once, as the client library would rebuild it for every message. */
  private readonly readers = new Map<string, Promise<Reader>>();
  private readonly writers = new Map<string, Promise<Writer>>();
  /** Per source topic, writer schema id, target topic and field; null where the bytes cannot be reused. */
  private readonly splices = new Map<string, Promise<Splice | null>>();
  /** Where values are encoded before they are copied out at their size (grows to the largest value). */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly registryUrl: string) {
    this.registry = new SchemaRegistry({ host: registryUrl, retry: { retries: 3 } });
  }

  /** Registers the topic's value schema (BACKWARD compatible within the topic version); returns its id. */
  register(topic: AvroTopic<unknown>): Promise<number> {
    let id = this.ids.get(topic.name);
    if (!id) {
      id = this.registerOnce(topic);
      id.catch(() => this.ids.delete(topic.name));
      this.ids.set(topic.name, id);
    }
    return id;
  }

  private async registerOnce(topic: AvroTopic<unknown>): Promise<number> {
    // Services starting together register the same subjects at once. The client sets BACKWARD on
    // a subject right after its first registration; a concurrent registrant that looks in between
    // sees the registry's default and refuses, or both set it and the second is told it exists.
    // Looking again shortly after settles it.
    for (let attempt = 0; ; attempt++) {
      try {
        const { id } = await this.registry.register(
          { type: SchemaType.AVRO, schema: JSON.stringify(topic.schema) },
          { subject: `${topic.name}-value`, compatibility: COMPATIBILITY.BACKWARD },
        );
        return id;
      } catch (error) {
        if (attempt >= 10 || !isRegistrationRace(error)) throw error;
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
        // Still not set after a while: the first registrant died before setting it; set it.
        if (attempt === 3) await this.setCompatibility(`${topic.name}-value`, 'BACKWARD');
      }
    }
  }

  private async setCompatibility(subject: string, compatibility: string): Promise<void> {
    const response = await fetch(`${this.registryUrl}/config/${encodeURIComponent(subject)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ compatibility }),
    });
    if (!response.ok) throw new Error(`could not set ${compatibility} on ${subject}: registry answered ${response.status}`);
  }

  /** The value in the Confluent wire format with the topic's registered schema. */
  async encode<T>(topic: AvroTopic<T>, value: T): Promise<Buffer> {
    return this.wire(await this.writer(topic), value);
  }

  /** Like `encode` for each value, with one wait for the schema rather than one per value. */
  async encodeAll<T>(topic: AvroTopic<T>, values: readonly T[]): Promise<Buffer[]> {
    const writer = await this.writer(topic);
    return values.map((v) => this.wire(writer, v));
  }

  /**
   * Each value (decoded from `bytes`, a message of `from`) with `field` set to `fieldValue`,
   * encoded for `to`. When `to` has the schema the bytes were written with, the bytes are reused
   * with the field's own bytes replaced, which is much cheaper than encoding the value again and
   * gives the same bytes; otherwise (an older writer schema, different schemas) it is encoded afresh.
   */
  async encodeAllWith<T, K extends keyof T & string>(
    from: AvroTopic<T>,
    to: AvroTopic<T>,
    field: K,
    messages: readonly { readonly bytes: Buffer; readonly value: T; readonly fieldValue: T[K] }[],
  ): Promise<Buffer[]> {
    const writerIdOf = (bytes: Buffer) => (bytes.length >= 5 && bytes[0] === 0 ? bytes.readInt32BE(1) : null);
    const splices = new Map<number, Splice | null>();
    for (const { bytes } of messages) {
      const id = writerIdOf(bytes);
      if (id !== null && !splices.has(id)) splices.set(id, await this.spliceFor(from, id, to, field));
    }
    const writer = await this.writer(to);
    return messages.map(({ bytes, value, fieldValue }) => {
      const id = writerIdOf(bytes);
      const splice = id === null ? null : splices.get(id)!;
      if (!splice) return this.wire(writer, { ...value, [field]: fieldValue });
      const start = splice.before.decode(bytes, 5).offset;
      const end = start < 0 ? -1 : splice.field.decode(bytes, start).offset;
      if (end < 0) throw new Error(`cannot find ${field} in a message of ${from.name}: the bytes are shorter than its schema says`);
      const fieldBytes = splice.field.toBuffer(fieldValue);
      const out = Buffer.allocUnsafe(start + fieldBytes.length + bytes.length - end);
      bytes.copy(out, 0, 0, start);
      out.writeInt32BE(splice.to.id, 1);
      fieldBytes.copy(out, start);
      bytes.copy(out, start + fieldBytes.length, end);
      return out;
    });
  }

  private spliceFor(from: AvroTopic<unknown>, writerId: number, to: AvroTopic<unknown>, field: string): Promise<Splice | null> {
    const key = `${from.name}\u0000${writerId}\u0000${to.name}\u0000${field}`;
    let splice = this.splices.get(key);
    if (!splice) {
      splice = (async () => {
        const [reader, writer] = await Promise.all([this.reader(from, writerId), this.writer(to)]);
        // The bytes are of `from`'s current schema, which is `to`'s: their layout is `to`'s.
        if (reader.resolver || !reader.type.equals(writer.type)) return null;
        const fields = (reader.type as unknown as { fields: { name: string; type: Type }[] }).fields;
        const at = fields.findIndex((f) => f.name === field);
        if (at < 0) return null;
        const before = Type.forSchema({ type: 'record', name: `Before_${field}`, fields: fields.slice(0, at).map((f) => ({ name: f.name, type: f.type })) } as never);
        return { before, field: fields[at]!.type, to: writer };
      })();
      splice.catch(() => this.splices.delete(key));
      this.splices.set(key, splice);
    }
    return splice;
  }

  private writer(topic: AvroTopic<unknown>): Promise<Writer> {
    let writer = this.writers.get(topic.name);
    if (!writer) {
      writer = this.register(topic).then((id) => ({ id, type: Type.forSchema(topic.schema as never) }));
      writer.catch(() => this.writers.delete(topic.name));
      this.writers.set(topic.name, writer);
    }
    return writer;
  }

  /** Magic byte, schema id, Avro body: written once into the scratch buffer and copied out at its size. */
  private wire({ id, type }: Writer, value: unknown): Buffer {
    for (;;) {
      let end: number;
      try {
        end = type.encode(value, this.scratch, 5);
      } catch (error) {
        throw invalid(type, value, error);
      }
      if (end >= 0) {
        const out = Buffer.allocUnsafe(end);
        this.scratch.copy(out, 0, 0, end);
        out[0] = 0;
        out.writeInt32BE(id, 1);
        return out;
      }
      // Too small by -end bytes.
      this.scratch = Buffer.allocUnsafe(Math.max(2 * this.scratch.length, this.scratch.length - end));
    }
  }

  /** Decodes with the writer's schema from the registry, read into the topic's current schema. */
  async decode<T>(topic: AvroTopic<T>, bytes: Buffer): Promise<T> {
    if (bytes.length < 5 || bytes[0] !== 0) throw new Error('not in the Confluent wire format (no magic byte)');
    const { type, resolver } = await this.reader(topic, bytes.readInt32BE(1));
    return type.fromBuffer(bytes.subarray(5), resolver) as T;
  }

  private reader(topic: AvroTopic<unknown>, writerId: number): Promise<Reader> {
    const key = `${topic.name}\u0000${writerId}`;
    let reader = this.readers.get(key);
    if (!reader) {
      reader = this.readerFor(topic, writerId);
      reader.catch(() => this.readers.delete(key));
      this.readers.set(key, reader);
    }
    return reader;
  }

  /**
   * The topic's schema as reader and a resolver from the writer's schema (fetched once per id).
   * The client's own decode with a reader schema parses both schemas and builds the resolver again
   * for every message, which costs more than everything else a service does with it.
   */
  private async readerFor(topic: AvroTopic<unknown>, writerId: number): Promise<Reader> {
    const writer = (await this.registry.getSchema(writerId)) as unknown as Type;
    const type = Type.forSchema(topic.schema as never);
    return type.equals(writer) ? { type } : { type, resolver: type.createResolver(writer) };
  }

  /** Answers when the registry is reachable. */
  async ping(): Promise<void> {
    const response = await fetch(`${this.registryUrl}/subjects`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) throw new Error(`schema registry answered ${response.status}`);
  }
}

/** The error for a value its schema cannot hold, naming the paths of the fields at fault (as the client library's did). */
function invalid(type: Type, value: unknown, error: unknown): Error {
  const paths: string[][] = [];
  type.isValid(value, { errorHook: (path: string[]) => paths.push(path) });
  const where = paths.map((p) => p.join('.') || '(the value)').join(', ');
  return new Error(`value is not valid for ${type.name ?? 'its schema'}${where ? ` at ${where}` : ''}: ${error instanceof Error ? error.message : String(error)}`);
}

function isRegistrationRace(error: unknown): boolean {
  const e = error as { name?: string; status?: number; message?: string };
  return e.name === 'ConfluentSchemaRegistryCompatibilityError' || (e.status === 409 && /already exists/i.test(e.message ?? ''));
}
