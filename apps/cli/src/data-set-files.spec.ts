import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES, generate } from '@c360/generator';
import { readTruth, writeMessages, writeTruth } from './data-set-files';

const root = join(__dirname, '../../..');
const table = JSON.parse(readFileSync(join(root, 'apps/ingestor/config/rates.json'), 'utf8')) as {
  reportingCurrency: string;
  rates: Record<string, number>;
};

describe('data set files', () => {
  const data = generate({ persons: 300, seed: 5, rates: table.rates, reportingCurrency: table.reportingCurrency, badRate: 0.05 });
  const write = () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-data-set-'));
    writeMessages(dir, data);
    writeTruth(dir, data.truth);
    return dir;
  };

  it('writes the same bytes for the same data set', () => {
    const [a, b] = [write(), write()];
    expect(readdirSync(a).sort()).toEqual([...SOURCES.map((s) => `${s}.jsonl`), 'truth.json'].sort());
    for (const file of readdirSync(a)) expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file)))).toBe(true);
  });

  it('gives back every payload byte for byte, in time order per source, and the truth as generated', () => {
    const dir = write();
    for (const source of SOURCES) {
      const lines = readFileSync(join(dir, `${source}.jsonl`), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { at: number; key: string; value: unknown });
      const messages = data.messages.filter((m) => m.source === source);
      expect(lines.map((l) => [l.at, l.key, typeof l.value === 'string' ? l.value : JSON.stringify(l.value)])).toEqual(
        messages.map((m) => [m.at, m.key, m.value]),
      );
    }
    expect(readTruth(dir)).toEqual(JSON.parse(JSON.stringify(data.truth)));
  });
});
