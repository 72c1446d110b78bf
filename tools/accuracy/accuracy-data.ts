// The accuracy harness's input: the generator's data set run through the ingestor's real mappings,
// as the resolver will receive it. Every intact payload becomes a canonical event (rejected ones are
// left out, as the pipeline dead-letters them; a redelivered payload is left out by its event id, as
// the resolver's idempotence does), each tagged with its source record and the record's true person
// and household. Pure and in-process: no Kafka, no database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CanonicalEvent } from '@c360/schemas';
import { SOURCES, generate, type GeneratedDataSet, type GeneratorOptions, type SourceName } from '@c360/generator';
import { mapNative, parseSourceMapping, type SourceMapping } from '@c360/ingestor-domain';

const ROOT = join(__dirname, '../..');

/** One event as the resolver sees it: which record it is about and what that record now says. */
export interface ArrivingEvent {
  /** Position in the source's time order (the generator's message index). */
  readonly index: number;
  readonly at: number;
  /** 'source:sourceRecordId', as the ground truth and the scorer name records. */
  readonly record: string;
  readonly eventType: CanonicalEvent['eventType'];
  readonly party: CanonicalEvent['party'];
}

export interface TrueRecord {
  readonly record: string;
  readonly source: SourceName;
  readonly personId: string;
  readonly householdId: string;
  readonly label: string;
}

export interface AccuracyDataSet {
  readonly persons: number;
  readonly seed: number;
  /** Accepted events in time order. */
  readonly events: readonly ArrivingEvent[];
  /** The truth of every record that some accepted event carries. */
  readonly records: ReadonlyMap<string, TrueRecord>;
  readonly generated: GeneratedDataSet;
  /** Milliseconds spent generating and mapping. */
  readonly timings: { readonly generate: number; readonly map: number };
}

export function rateTable(): { reportingCurrency: string; rates: Record<string, number> } {
  return JSON.parse(readFileSync(join(ROOT, 'apps/ingestor/config/rates.json'), 'utf8')) as {
    reportingCurrency: string;
    rates: Record<string, number>;
  };
}

function mappings(): Map<SourceName, SourceMapping> {
  return new Map(
    SOURCES.map((source) => {
      const file = join(ROOT, 'apps/ingestor/mappings', `${source}.json`);
      return [source, parseSourceMapping(JSON.parse(readFileSync(file, 'utf8')), file)];
    }),
  );
}

/** Generates `persons` persons (default noise and behaviour unless given) and maps every payload. */
export function accuracyDataSet(
  options: { persons: number; seed: number } & Pick<GeneratorOptions, 'noise' | 'behaviour'>,
): AccuracyDataSet {
  const rates = rateTable();
  const t0 = performance.now();
  const generated = generate({ ...options, rates: rates.rates, reportingCurrency: rates.reportingCurrency });
  const t1 = performance.now();
  const byKey = mappings();
  const ctx = { ...rates, ingestedAt: Date.UTC(2026, 10, 1) };
  const truth = new Map(generated.truth.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r]));
  const events: ArrivingEvent[] = [];
  const seenEvents = new Set<string>();
  const records = new Map<string, TrueRecord>();
  generated.messages.forEach((m, index) => {
    const result = mapNative(byKey.get(m.source)!, Buffer.from(m.value), ctx);
    if (!result.ok || seenEvents.has(result.event.eventId)) return;
    seenEvents.add(result.event.eventId);
    const record = `${result.event.source}:${result.event.sourceRecordId}`;
    const t = truth.get(record);
    if (!t) throw new Error(`${record}: mapped, but not in the ground truth`);
    if (!records.has(record))
      records.set(record, { record, source: t.source, personId: t.personId, householdId: t.householdId, label: t.label });
    events.push({ index, at: m.at, record, eventType: result.event.eventType, party: result.event.party });
  });
  return {
    persons: options.persons,
    seed: options.seed,
    events,
    records,
    generated,
    timings: { generate: t1 - t0, map: performance.now() - t1 },
  };
}
