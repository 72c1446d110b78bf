// Synthetic customers with ground truth. From a seed, creates persons across markets and their
// life across the channels, emits what each source system would send (its native JSON, with the
// noise real systems have, in time order across sources), and records which person and household
// is behind every source record, with the values the insights must find. Deterministic: the same
// options give the same bytes.
import { Converter } from './amounts';
import { Emitter } from './emitter';
import { live } from './journey';
import { DEFAULT_BEHAVIOUR, type BehaviourRates, type World } from './life';
import { MARKETS } from './markets';
import { DEFAULT_NOISE, parseRates, type NoiseRates } from './noise';
import { buildPopulation } from './population';
import { Random } from './random';
import { DAY } from './time';
import type { BadPayload, DuplicateDelivery, GroundTruth, SourceName } from './truth';

export interface GeneratorOptions {
  readonly persons: number;
  readonly seed: number;
  readonly noise?: Partial<NoiseRates>;
  readonly behaviour?: Partial<BehaviourRates>;
  /** Share of payloads deliberately broken (labelled in the ground truth); default 0.005. */
  readonly badRate?: number;
  /** Units of reporting currency per unit of each currency, as the ingestor's rate table. */
  readonly rates: Readonly<Record<string, number>>;
  readonly reportingCurrency: string;
  /** Events fall in the `days` days before `end` (epoch ms; default 2026-11-01T00:00Z, 365 days). */
  readonly end?: number;
  readonly days?: number;
}

export interface SourceMessage {
  readonly source: SourceName;
  /** The Kafka key: the source's own record id, or the receipt number when the till knew nobody. */
  readonly key: string;
  /** The native payload, exactly as the source sends it (JSON text, or broken bytes). */
  readonly value: string;
  /** When the source sends it, epoch ms; messages are in this order. */
  readonly at: number;
}

export interface GeneratedDataSet {
  readonly messages: readonly SourceMessage[];
  readonly truth: GroundTruth;
}

export const DEFAULT_END = Date.UTC(2026, 10, 1);

export const parseBehaviour = (text: string): Partial<BehaviourRates> => parseRates(text, DEFAULT_BEHAVIOUR, 'behaviour');

export function generate(options: GeneratorOptions): GeneratedDataSet {
  const noise: NoiseRates = { ...DEFAULT_NOISE, ...options.noise };
  const behaviour: BehaviourRates = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const badRate = options.badRate ?? 0.005;
  const end = options.end ?? DEFAULT_END;
  const days = options.days ?? 365;
  if (!Number.isInteger(options.persons) || options.persons < 1)
    throw new Error(`persons must be a positive integer, not ${options.persons}`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, not ${options.seed}`);
  if (!(days > 0)) throw new Error(`days must be positive, not ${days}`);
  for (const [name, rate] of [...Object.entries(noise), ...Object.entries(behaviour), ['badRate', badRate] as const]) {
    if (!(rate >= 0 && rate <= 1)) throw new Error(`rate ${name} must be from 0 to 1, not ${rate}`);
  }
  const converter = new Converter(options.rates, options.reportingCurrency);
  for (const m of MARKETS) converter.rate(m.currency);

  const start = end - days * DAY;
  // Separate random streams: changing the bad rate does not change who the persons are or what they do.
  const population = buildPopulation(
    { persons: options.persons, seed: options.seed, noise, start, end, wholesaleBuyers: behaviour.wholesaleBuyers },
    new Random(options.seed, 0),
  );
  const emitter = new Emitter(new Random(options.seed, 2), badRate, noise.duplicateDelivery, start, end);
  const world: World = {
    seed: options.seed,
    start,
    end,
    noise,
    behaviour,
    converter,
    emitter,
    r: new Random(options.seed, 1),
    stores: population.stores,
    counters: new Map(),
  };
  const persons = population.persons.map((p) => live(p, world));

  // Sources deliver in time order, not person by person (a stable sort: ties keep their order).
  const messages: readonly SourceMessage[] = emitter.messages.sort((a, b) => a.at - b.at);
  const lines = new Map<SourceName, number>();
  const positions = new Map<SourceMessage, { index: number; line: number }>();
  const bad: BadPayload[] = [];
  const duplicates: DuplicateDelivery[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const line = lines.get(m.source) ?? 0;
    lines.set(m.source, line + 1);
    const reason = emitter.bad.get(m);
    const original = emitter.duplicates.get(m);
    if (reason) bad.push({ source: m.source, key: m.key, index: i, line, reason });
    if (original) duplicates.push({ source: m.source, key: m.key, index: i, line, originalIndex: positions.get(original)!.index });
    // Only a duplicate's first delivery needs finding again.
    if (reason === undefined && original === undefined && emitter.duplicated.has(m)) positions.set(m, { index: i, line });
  }
  return {
    messages,
    truth: { reportingCurrency: options.reportingCurrency, records: [...emitter.records.values()], persons, bad, duplicates },
  };
}
