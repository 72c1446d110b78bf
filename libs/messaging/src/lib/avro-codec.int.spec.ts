// The Avro codec against the real schema registry: what every service's messages rely on. A value
// goes out as the bytes the registry's schema gives it and comes back as it was; a consumed
// message re-published with one field set (the resolver's profileId) is byte for byte what
// encoding the changed value gives, whether its bytes are reused or it is encoded afresh.
import { describe, expect, inject, it } from 'vitest';
import { Type } from 'avsc';
import { Topics, type AvroTopic, type CanonicalEvent } from '@c360/schemas';
import { AvroCodec } from './avro-codec';

describe('AvroCodec (schema registry)', () => {
  const codec = new AvroCodec(inject('stack').SCHEMA_REGISTRY_URL);
  const run = Date.now().toString(36);
  const topic = (name: string, schema: object = Topics.canonicalEvents.schema): AvroTopic<CanonicalEvent> => ({ ...Topics.canonicalEvents, name: `codec-test-${name}-${run}`, schema });
  const from = topic('canonical');
  const to = topic('resolved');
  const type = Type.forSchema(Topics.canonicalEvents.schema as never);
  /** Random events of the canonical schema: every field, union branch and array length avsc picks. */
  const events = (n: number) => Array.from({ length: n }, () => type.random() as unknown as CanonicalEvent);

  it('encodes in the Confluent wire format with the registered schema id, and decodes back', async () => {
    const id = await codec.register(from);
    const values = events(50);
    const encoded = await codec.encodeAll(from, values);
    for (const [i, bytes] of encoded.entries()) {
      expect(bytes[0]).toBe(0);
      expect(bytes.readInt32BE(1)).toBe(id);
      expect(bytes.subarray(5)).toEqual(type.toBuffer(values[i]));
      expect(await codec.decode(from, bytes)).toEqual(values[i]);
    }
    expect(await codec.encode(from, values[0]!)).toEqual(encoded[0]);
  });

  it('re-publishes a message with one field set as exactly the bytes of the changed value', async () => {
    for (const [i, value] of events(200).entries()) {
      const bytes = await codec.encode(from, { ...value, profileId: null });
      const profileId = i % 3 === 0 ? null : `p_${'x'.repeat(i)}`;
      const [spliced] = await codec.encodeAllWith(from, to, 'profileId', [{ bytes, value, fieldValue: profileId }]);
      expect(spliced).toEqual(await codec.encode(to, { ...value, profileId }));
      expect(await codec.decode(to, spliced!)).toEqual({ ...value, profileId });
    }
  });

  it('encodes afresh when the target topic has another schema', async () => {
    const schema = Topics.canonicalEvents.schema as { fields: object[] };
    const wider = topic('wider', { ...schema, fields: [...schema.fields, { name: 'note', type: 'string', default: 'none' }] });
    const [value] = events(1);
    const bytes = await codec.encode(from, value!);
    const [out] = await codec.encodeAllWith(from, wider, 'profileId', [{ bytes, value: value!, fieldValue: 'p_1' }]);
    expect(out!.readInt32BE(1)).toBe(await codec.register(wider));
    expect(await codec.decode(wider, out!)).toEqual({ ...value, profileId: 'p_1', note: 'none' });
  });

  it('reports the fields a value its schema cannot hold gets wrong', async () => {
    const [value] = events(1);
    await expect(codec.encode(from, { ...value!, eventType: 'NOT_A_TYPE' as never })).rejects.toThrow(/eventType/);
  });
});
