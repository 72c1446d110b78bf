import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSegment, segmentDefinitionSchema, type CompiledSegment } from '@c360/activation-domain';
import { segmentTopic } from '@c360/schemas';

/** Reads and compiles the segment definitions once at boot; an invalid one stops the service. */
export function loadSegments(dir: string): CompiledSegment[] {
  const segments = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = segmentDefinitionSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`invalid segment file ${f}: ${parsed.error.message}`);
      return compileSegment(parsed.data);
    });
  const ids = new Set<string>();
  for (const s of segments) {
    if (ids.has(s.definition.id)) throw new Error(`segment id ${s.definition.id} is defined twice`);
    ids.add(s.definition.id);
  }
  return segments;
}

export const segmentTopics = (segments: readonly CompiledSegment[]) => segments.map((s) => segmentTopic(s.definition.id));
