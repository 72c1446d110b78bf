import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourceMapping, type MappingContext, type SourceMapping } from '@c360/ingestor-domain';

/** The source mappings and currency rates, read and validated once at boot. */
export class MappingRegistry {
  private readonly mappings: Map<string, SourceMapping>;
  private readonly rates: Record<string, number>;
  readonly reportingCurrency: string;

  constructor(mappingsDir: string, ratesFile: string) {
    this.mappings = new Map(
      readdirSync(mappingsDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => parseSourceMapping(JSON.parse(readFileSync(join(mappingsDir, f), 'utf8')), f))
        .map((m) => [m.source, m]),
    );
    const table = JSON.parse(readFileSync(ratesFile, 'utf8')) as { reportingCurrency: string; rates: Record<string, number> };
    this.rates = table.rates;
    this.reportingCurrency = table.reportingCurrency;
  }

  get(source: string): SourceMapping | undefined {
    return this.mappings.get(source);
  }

  context(ingestedAt: number): MappingContext {
    return { reportingCurrency: this.reportingCurrency, rates: this.rates, ingestedAt };
  }
}
