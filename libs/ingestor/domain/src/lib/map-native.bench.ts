// The per-payload cost of mapNative on every sample: `npx vitest bench --project unit --run libs/ingestor`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { mapNative } from './map-native';
import { CONTEXT, loadMapping, SAMPLES_DIR } from './samples/sample-harness';

const samples = readdirSync(SAMPLES_DIR).flatMap((source) =>
  readdirSync(join(SAMPLES_DIR, source)).map((file) => ({
    name: `${source}/${file}`,
    mapping: loadMapping(source),
    bytes: readFileSync(join(SAMPLES_DIR, source, file)),
  })),
);

describe('mapNative', () => {
  bench(`all ${samples.length} samples, one after another`, () => {
    for (const s of samples) mapNative(s.mapping, s.bytes, CONTEXT);
  });
  for (const s of samples) {
    bench(s.name, () => {
      mapNative(s.mapping, s.bytes, CONTEXT);
    });
  }
});
