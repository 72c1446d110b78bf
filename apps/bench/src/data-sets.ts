// The bench's data: the generator's persons as native payloads (what the sources send), as the
// canonical events the ingestor's real mappings make of them, and Avro-encoded for a topic.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type GeneratedDataSet } from '@c360/generator';
import { mapNative, parseSourceMapping, type SourceMapping } from '@c360/ingestor-domain';
import { accumulateParty } from '@c360/resolver-domain';
import { AvroCodec } from '@c360/messaging';
import { sourceTopic, Topics, type AvroTopic, type CanonicalEvent } from '@c360/schemas';
import type { Payload } from './kafka';
import { ROOT, type Env } from './scenario';

export interface RatesTable {
  readonly reportingCurrency: string;
  readonly rates: Record<string, number>;
}

export const readRates = (): RatesTable => JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/config/rates.json'), 'utf8')) as RatesTable;

/** The ingestor's mappings, one per source, as it loads them at boot. */
export function readMappings(): Map<string, SourceMapping> {
  const dir = join(ROOT, 'apps/ingestor/mappings');
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const m = parseSourceMapping(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
        return [m.source, m] as const;
      }),
  );
}

/** The source topics the ingestor consumes (one per mapping file). */
export const mappedSourceTopics = (): string[] => [...readMappings().keys()].map((s) => sourceTopic(s).name);

/** Generated persons (no deliberately bad payloads), up to `end` (the generator's default end if not given). */
export function generated(persons: number, seed = 7, end?: number): GeneratedDataSet {
  const table = readRates();
  return generate({ persons, seed, rates: table.rates, reportingCurrency: table.reportingCurrency, badRate: 0, ...(end ? { end } : {}) });
}

/** The generator's native payloads, as the sources would produce them. */
export function nativePayloads(data: GeneratedDataSet): Payload[] {
  return data.messages.map((m) => ({ topic: sourceTopic(m.source).name, key: m.key, value: m.value }));
}

export const dataSet = (persons: number): Payload[] => nativePayloads(generated(persons));

/**
 * Every payload through the ingestor's real mapping: the canonical events in the generator's
 * order, first deliveries only (a redelivery has the same event id; the services downstream drop it).
 */
export function canonicalOf(data: GeneratedDataSet): CanonicalEvent[] {
  const mappings = readMappings();
  const ctx = { ...readRates(), ingestedAt: Date.now() };
  const events: CanonicalEvent[] = [];
  const seen = new Set<string>();
  for (const m of data.messages) {
    const result = mapNative(mappings.get(m.source)!, Buffer.from(m.value), ctx);
    // Rejected payloads are dead-lettered by the ingestor.
    if (!result.ok || seen.has(result.event.eventId)) continue;
    seen.add(result.event.eventId);
    events.push(result.event);
  }
  return events;
}

export const recordOf = (e: { readonly source: string; readonly sourceRecordId: string }) => `${e.source}:${e.sourceRecordId}`;

/** Avro-encodes values for one topic, registering its schema as the services do. */
export async function encodeFor<T>(
  env: Env,
  topic: AvroTopic<T>,
  items: readonly { key: string; value: T; headers?: Record<string, string> }[],
): Promise<Payload[]> {
  const codec = new AvroCodec(env.SCHEMA_REGISTRY_URL);
  const out: Payload[] = [];
  for (const i of items)
    out.push({ topic: topic.name, key: i.key, value: await codec.encode(topic, i.value), ...(i.headers ? { headers: i.headers } : {}) });
  return out;
}

/** The generator's payloads mapped by the real mappings and Avro-encoded: what the ingestor would put on the canonical topic. */
export function canonicalDataSet(persons: number, env: Env): Promise<{ payloads: Payload[]; records: number }> {
  return canonicalEvents(persons, 7, env, false);
}

/** Canonical events of generated persons: every event (a probe), or one RECORD_UPDATE per record with its whole party (a fill). */
export async function canonicalEvents(
  persons: number,
  seed: number,
  env: Env,
  fill: boolean,
): Promise<{ payloads: Payload[]; records: number }> {
  const events = canonicalOf(generated(persons, seed));
  const last = new Map<string, CanonicalEvent>();
  for (const e of events) {
    const before = last.get(recordOf(e));
    last.set(recordOf(e), { ...e, eventType: 'RECORD_UPDATE', party: accumulateParty(before?.party ?? null, e) });
  }
  const chosen = fill
    ? [...last.values()].map((e) => ({
        ...e,
        purchase: null,
        purchaseReturn: null,
        engagement: null,
        serviceCase: null,
        npsResponse: null,
        loyaltyChange: null,
        registerUpdate: null,
      }))
    : events;
  const payloads = await encodeFor(
    env,
    Topics.canonicalEvents,
    chosen.map((e) => ({ key: recordOf(e), value: e })),
  );
  return { payloads, records: last.size };
}
