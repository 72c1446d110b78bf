// Every mapping file in apps/ingestor/mappings is valid and maps every sample of its source with
// the real rate table, so a broken mapping file fails the build, not the ingestor at boot.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapNative } from './map-native';
import { parseSourceMapping } from './mapping/source-mapping';
import { MAPPINGS_DIR, REPO_ROOT, SAMPLES_DIR } from './samples/sample-harness';

const rateTable = JSON.parse(readFileSync(join(REPO_ROOT, 'apps/ingestor/config/rates.json'), 'utf8')) as {
  reportingCurrency: string;
  rates: Record<string, number>;
};
const files = readdirSync(MAPPINGS_DIR).filter((f) => f.endsWith('.json'));

describe('the mapping files', () => {
  it('cover every source that has samples', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(expect.arrayContaining(readdirSync(SAMPLES_DIR).sort()));
  });

  it.each(files)('%s is valid and maps every sample of its source', (file) => {
    const path = join(MAPPINGS_DIR, file);
    const mapping = parseSourceMapping(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
    const dir = join(SAMPLES_DIR, mapping.source);
    const samples = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    expect(samples.length, `samples of ${mapping.source}`).toBeGreaterThan(0);
    const ctx = { ...rateTable, ingestedAt: Date.UTC(2026, 5, 1) };
    const rejected = samples.flatMap((sample) => {
      const result = mapNative(mapping, readFileSync(join(dir, sample)), ctx);
      return result.ok ? [] : [`${sample}: ${result.reasonCode} ${result.message}`];
    });
    expect(rejected).toEqual([]);
  });
});
