// Blocking: the keys under which the resolver indexes a record and looks up its candidates. Every
// identifier value is a key (deterministic rules need nothing else); the configured fuzzy blocks
// each combine a few fields, and there are several of them so that a typo in any one field still
// leaves another block where the two records meet, while each key stays specific enough to hold
// only a handful of records.
import type { RecordEvidence } from './evidence';
import type { BlockPart, MatchingConfig } from './matching-config';
import type { MatchContext } from './rules';

/**
 * The record's blocking keys, each once: identifier keys as in the evidence ('EMAIL:a@b.c'),
 * then '<block>=<value>|<value>' per configured block ('name-phonetic+dob=MLR|5000'). Over-frequent
 * identifier values are left out. At most blocking.maxKeysPerBlock keys per block and
 * blocking.maxKeysPerRecord in all, identifiers first.
 */
export function blockingKeys(evidence: RecordEvidence, config: MatchingConfig, context: MatchContext = {}): string[] {
  const { blocking } = config.file;
  const keys = new Set<string>();
  if (blocking.identifiers) {
    for (const key of evidence.identifiers) if (!context.overFrequent?.has(key)) keys.add(key);
  }
  for (const block of blocking.blocks) {
    let combinations: string[] = [''];
    for (const part of block.parts) {
      const values = partValues(part, evidence);
      const next: string[] = [];
      for (const prefix of combinations) {
        for (const value of values) {
          if (next.length >= blocking.maxKeysPerBlock) break;
          next.push(prefix === '' ? value : `${prefix}|${value}`);
        }
      }
      combinations = next;
      if (combinations.length === 0) break;
    }
    for (const combination of combinations) keys.add(`${block.name}=${combination}`);
  }
  return [...keys].slice(0, blocking.maxKeysPerRecord);
}

function partValues(part: BlockPart, evidence: RecordEvidence): string[] {
  const values = new Set<string>();
  const names = evidence.names;
  switch (part) {
    case 'given-phonetic':
      for (const n of names) for (const c of n.given?.codes ?? []) values.add(c);
      break;
    case 'family-phonetic':
      for (const n of names) for (const c of n.family?.codes ?? []) values.add(c);
      break;
    case 'name-phonetic':
      // Both parts' codes: records with the names swapped, or a typo in one part, still share a key.
      for (const n of names) for (const c of [...(n.given?.codes ?? []), ...(n.family?.codes ?? [])]) values.add(c);
      break;
    case 'given-initial':
      for (const n of names) if (n.given) values.add(n.given.key[0]!);
      break;
    case 'given-key':
      for (const n of names) if (n.given) values.add(n.given.key);
      break;
    case 'family-key':
      for (const n of names) if (n.family) values.add(n.family.key);
      break;
    case 'date-of-birth':
      for (const d of evidence.birthDates) values.add(String(d));
      break;
    case 'birth-year':
      for (const d of evidence.birthDates) values.add(String(new Date(d * 86_400_000).getUTCFullYear()));
      break;
    case 'postcode':
      for (const p of evidence.postcodes) values.add(p);
      break;
    case 'address':
      for (const a of evidence.addresses) values.add(a);
      break;
    default: {
      const unreachable: never = part;
      throw new Error(`unknown block part ${String(unreachable)}`);
    }
  }
  return [...values].sort();
}
