// Test helpers: a source's mapping file and sample payloads from the repository, mapped with a
// fixed rate table and ingestion time so expected events can be written out by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapNative, type Mapped, type MappingContext } from '../map-native';
import { parseSourceMapping, type SourceMapping } from '../mapping/source-mapping';

export const REPO_ROOT = join(__dirname, '../../../../../..');
export const MAPPINGS_DIR = join(REPO_ROOT, 'apps/ingestor/mappings');
export const SAMPLES_DIR = join(REPO_ROOT, 'apps/ingestor/samples');

export const INGESTED_AT = Date.UTC(2026, 5, 1);
/** Units of EUR per unit of each currency, as in a rate table. */
export const CONTEXT: MappingContext = {
  reportingCurrency: 'EUR',
  rates: { EUR: 1, GBP: 1.14, USD: 0.86, JPY: 0.0057 },
  ingestedAt: INGESTED_AT,
};

/** An Avro date: days since 1970-01-01. */
export const days = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

const mappings = new Map<string, SourceMapping>();

/** The source's mapping file, validated and compiled (once per test file). */
export function loadMapping(source: string): SourceMapping {
  let mapping = mappings.get(source);
  if (!mapping) {
    const file = join(MAPPINGS_DIR, `${source}.json`);
    mappings.set(source, (mapping = parseSourceMapping(JSON.parse(readFileSync(file, 'utf8')) as unknown, file)));
  }
  return mapping;
}

/** The sample payload's bytes. */
export function sampleBytes(source: string, file: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, source, file));
}

/** A sample payload mapped with its source's mapping; fails the test when it is rejected. */
export function mapSample(source: string, file: string): Mapped {
  const result = mapNative(loadMapping(source), sampleBytes(source, file), CONTEXT);
  if (!result.ok) throw new Error(`${source}/${file} was rejected: ${result.reasonCode} ${result.message}`);
  return result;
}
