import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourceMapping, type MappingContext, type SourceMapping } from '@c360/ingestor-domain';
import { sourceTopic, type NativeTopic } from '@c360/schemas';

/**
 * The source mappings and currency rates, read and validated once at boot. Every mapping file
 * is a source: its topic (`src.<source>.v1`) is consumed and its HTTP collect path served.
 */
export class MappingRegistry {
  private readonly mappings: Map<string, SourceMapping>;
  private readonly byTopic: Map<string, SourceMapping>;
  private readonly rates: Record<string, number>;
  readonly reportingCurrency: string;

  constructor(mappingsDir: string, ratesFile: string) {
    const mappings = readdirSync(mappingsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => parseSourceMapping(JSON.parse(readFileSync(join(mappingsDir, f), 'utf8')), join(mappingsDir, f)));
    this.mappings = new Map();
    for (const m of mappings) {
      if (this.mappings.has(m.source)) throw new Error(`two mapping files for source ${m.source} in ${mappingsDir}`);
      this.mappings.set(m.source, m);
    }
    if (this.mappings.size === 0) throw new Error(`no mapping files in ${mappingsDir}`);
    this.byTopic = new Map(mappings.map((m) => [sourceTopic(m.source).name, m]));
    const table = JSON.parse(readFileSync(ratesFile, 'utf8')) as { reportingCurrency: string; rates: Record<string, number> };
    this.rates = table.rates;
    this.reportingCurrency = table.reportingCurrency;
  }

  get(source: string): SourceMapping | undefined {
    return this.mappings.get(source);
  }

  forTopic(topic: string): SourceMapping | undefined {
    return this.byTopic.get(topic);
  }

  topics(): NativeTopic[] {
    return [...this.mappings.keys()].map(sourceTopic);
  }

  context(ingestedAt: number): MappingContext {
    return { reportingCurrency: this.reportingCurrency, rates: this.rates, ingestedAt };
  }
}
