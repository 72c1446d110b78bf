// Components: which of a profile's records still hold together through their links once the
// steward's never-links are taken out and force-links put in. When a source record changes or
// disappears, or a steward says two records are different persons, a profile may fall apart; the
// largest part keeps the profile id (ties: the part holding the oldest record), the others become
// new profiles.

export interface ComponentRecord {
  readonly recordId: string;
  /** Creation order: lower is older. */
  readonly seq: number;
}

/** A link between two records (the direction does not matter). */
export interface RecordLink {
  readonly a: string;
  readonly b: string;
}

export interface StewardDecisions {
  /** Records a steward said are different persons: a link between them is ignored. */
  readonly neverLinks?: readonly RecordLink[];
  /** Records a steward said are one person: linked whatever the rules say. */
  readonly forceLinks?: readonly RecordLink[];
}

export interface Part {
  /** The part's records, oldest first. */
  readonly recordIds: readonly string[];
  readonly oldestRecordId: string;
  readonly oldestSeq: number;
}

export interface Components {
  /** Largest first; among equal sizes, the one holding the oldest record first. */
  readonly parts: readonly Part[];
  /** Never-linked pairs that other links still hold in one part: the resolver cannot honour them alone (a steward decides). */
  readonly unresolvedNeverLinks: readonly RecordLink[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The connected parts of the records under their links (links to records not listed are ignored). */
export function connectedParts(
  records: readonly ComponentRecord[],
  links: readonly RecordLink[],
  decisions: StewardDecisions = {},
): Components {
  const index = new Map(records.map((r, i) => [r.recordId, i]));
  const parent = records.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: string, b: string) => {
    const x = index.get(a);
    const y = index.get(b);
    if (x === undefined || y === undefined) return;
    const [rx, ry] = [find(x), find(y)];
    if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
  };
  const never = new Set((decisions.neverLinks ?? []).map((l) => pairKey(l.a, l.b)));
  for (const link of links) if (!never.has(pairKey(link.a, link.b))) union(link.a, link.b);
  for (const link of decisions.forceLinks ?? []) union(link.a, link.b);

  const groups = new Map<number, ComponentRecord[]>();
  records.forEach((record, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(record);
    else groups.set(root, [record]);
  });
  const parts = [...groups.values()].map((members): Part => {
    const sorted = [...members].sort((x, y) => x.seq - y.seq || x.recordId.localeCompare(y.recordId));
    return { recordIds: sorted.map((r) => r.recordId), oldestRecordId: sorted[0]!.recordId, oldestSeq: sorted[0]!.seq };
  });
  parts.sort(
    (x, y) => y.recordIds.length - x.recordIds.length || x.oldestSeq - y.oldestSeq || x.oldestRecordId.localeCompare(y.oldestRecordId),
  );

  const partOf = new Map<string, number>();
  parts.forEach((p, i) => p.recordIds.forEach((id) => partOf.set(id, i)));
  const unresolvedNeverLinks = (decisions.neverLinks ?? []).filter((l) => partOf.has(l.a) && partOf.get(l.a) === partOf.get(l.b));
  return { parts, unresolvedNeverLinks };
}

export type SplitDecision =
  | { readonly kind: 'intact' }
  | {
      readonly kind: 'split';
      /** Stays with the profile's id. */
      readonly keep: Part;
      /** Each becomes a new profile (its id derived from its oldest record). */
      readonly split: readonly Part[];
    };

/** Whether a profile still holds together; if not, which part keeps the id and which leave. */
export function splitProfile(
  records: readonly ComponentRecord[],
  links: readonly RecordLink[],
  decisions: StewardDecisions = {},
): SplitDecision & { readonly unresolvedNeverLinks: readonly RecordLink[] } {
  const { parts, unresolvedNeverLinks } = connectedParts(records, links, decisions);
  const [keep, ...split] = parts;
  if (!keep || split.length === 0) return { kind: 'intact', unresolvedNeverLinks };
  return { kind: 'split', keep, split, unresolvedNeverLinks };
}
