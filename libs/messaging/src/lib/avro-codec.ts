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

export class AvroCodec {
  private readonly registry: SchemaRegistry;
  private readonly ids = new Map<string, Promise<number>>();
  /** Per topic and writer schema id: built once, as the client library would rebuild it for every message. */
  private readonly readers = new Map<string, Promise<Reader>>();

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

  async encode<T>(topic: AvroTopic<T>, value: T): Promise<Buffer> {
    return this.registry.encode(await this.register(topic), value);
  }

  /** Decodes with the writer's schema from the registry, read into the topic's current schema. */
  async decode<T>(topic: AvroTopic<T>, bytes: Buffer): Promise<T> {
    if (bytes.length < 5 || bytes[0] !== 0) throw new Error('not in the Confluent wire format (no magic byte)');
    const key = `${topic.name}\u0000${bytes.readInt32BE(1)}`;
    let reader = this.readers.get(key);
    if (!reader) {
      reader = this.readerFor(topic, bytes.readInt32BE(1));
      reader.catch(() => this.readers.delete(key));
      this.readers.set(key, reader);
    }
    const { type, resolver } = await reader;
    return type.fromBuffer(bytes.subarray(5), resolver) as T;
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

function isRegistrationRace(error: unknown): boolean {
  const e = error as { name?: string; status?: number; message?: string };
  return e.name === 'ConfluentSchemaRegistryCompatibilityError' || (e.status === 409 && /already exists/i.test(e.message ?? ''));
}
