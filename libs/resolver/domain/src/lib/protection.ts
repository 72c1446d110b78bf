// Merge protection beyond the junk lists (which evidence applies): values carried by several
// distinct persons (a household landline, a family email) or by too many records (the store's own
// number), and merges that would glue too many records into one profile.
import { type RecordEvidence, identifierTypeOf } from './evidence';
import { type MatchingConfig, maxRecordsPerValue, sharedValueLimit } from './matching-config';
import { conflicts, givenNamesAgree } from './rules';

/** usable: links on its own; shared: links only with name corroboration; over-frequent: links nothing. */
export type ValueStatus = 'usable' | 'shared' | 'over-frequent';

export interface ValueAssessment {
  readonly key: string;
  readonly status: ValueStatus;
  readonly records: number;
  /** Distinct persons among the holders examined (at most MAX_HOLDERS_EXAMINED). */
  readonly distinctPersons: number;
}

/** Holders beyond this are not examined for distinct persons: the frequency cap deals with such values. */
export const MAX_HOLDERS_EXAMINED = 100;

/**
 * How many distinct persons a set of records holds: the fewest groups such that no group holds two
 * records that clearly conflict (different given names, dates of birth, accounts), found greedily.
 * A given-name conflict that a third record explains away does not count: 'Bob' and 'Rbert' (a
 * typo) conflict, but 'Robert' agrees with both, so they are one person. Dates of birth are never
 * explained away (a father and son both called Robert stay two). Records without names or dates
 * conflict with nothing, so nameless receipts never make a value shared by themselves. The result
 * does not depend on the order of the holders.
 */
export function distinctPersons(holders: readonly RecordEvidence[], config: MatchingConfig): number {
  const examined = [...holders.slice(0, MAX_HOLDERS_EXAMINED)].map((evidence) => ({ evidence, order: JSON.stringify(evidence) }));
  examined.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const records = examined.map((e) => e.evidence);
  const n = records.length;
  const conflict: boolean[][] = records.map(() => new Array<boolean>(n).fill(false));
  const named: { i: number; j: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const found = conflicts(records[i]!, records[j]!, config);
      if (!found) continue;
      if (found.field === 'given-name') named.push({ i, j });
      conflict[i]![j] = conflict[j]![i] = true;
    }
  }
  if (named.length > 0) {
    // Which records positively agree on the given name, computed once (n² name comparisons at most).
    const agree: boolean[][] = records.map(() => new Array<boolean>(n).fill(false));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (!conflict[i]![j] && givenNamesAgree(records[i]!, records[j]!, config)) agree[i]![j] = agree[j]![i] = true;
      }
    }
    for (const { i, j } of named) {
      if (agree[i]!.some((agreesWithI, k) => agreesWithI && agree[j]![k])) conflict[i]![j] = conflict[j]![i] = false;
    }
  }
  // Greedy colouring, most conflicting records first.
  const degree = conflict.map((row) => row.filter(Boolean).length);
  const order = records.map((_, i) => i).sort((a, b) => degree[b]! - degree[a]! || a - b);
  const groupOf = new Array<number>(n).fill(-1);
  let groups = 0;
  for (const i of order) {
    let g = 0;
    while (order.some((j) => groupOf[j] === g && conflict[i]![j])) g++;
    groupOf[i] = g;
    groups = Math.max(groups, g + 1);
  }
  return groups;
}

/** What the resolver knows about the records carrying one identifier value. */
export interface ValueHolders {
  /** Evidence of the records carrying the value (a bounded sample will do). */
  readonly holders: readonly RecordEvidence[];
  /** How many records carry it, when `holders` is only a sample. */
  readonly recordCount?: number;
  /**
   * For a household value (protection.householdValues: a landline): evidence of the other records
   * at the holders' addresses. A landline is shared as soon as several persons live there, even if
   * only one of them ever gave it with a name.
   */
  readonly cohabitants?: readonly RecordEvidence[];
}

/**
 * The status of an identifier value. The resolver keeps it per value, re-assesses it when the
 * value's holders (or, for a household value, their cohabitants) change, and passes the shared and
 * over-frequent keys to `match` as context.
 */
export function assessValue(
  key: string,
  { holders, recordCount = holders.length, cohabitants = [] }: ValueHolders,
  config: MatchingConfig,
): ValueAssessment {
  const type = identifierTypeOf(key);
  if (recordCount > maxRecordsPerValue(config, type))
    return { key, status: 'over-frequent', records: recordCount, distinctPersons: Number.NaN };
  const household = householdValueKind(key, holders, config);
  const persons = distinctPersons(household ? [...holders, ...cohabitants] : holders, config);
  const shared = household === 'by-pattern' || persons > sharedValueLimit(config, type);
  return { key, status: shared ? 'shared' : 'usable', records: recordCount, distinctPersons: persons };
}

/** Whether a value belongs to a whole household (protection.householdValues), so its holders' cohabitants count. */
export function isHouseholdValue(key: string, holders: readonly RecordEvidence[], config: MatchingConfig): boolean {
  return householdValueKind(key, holders, config) !== null;
}

/**
 * 'by-pattern': the value looks like a household's (a family mailbox) and is shared from the start;
 * 'by-type': its kind is a household's (a landline), shared when several persons live at its holders'
 * addresses; null: a personal value.
 */
function householdValueKind(key: string, holders: readonly RecordEvidence[], config: MatchingConfig): 'by-pattern' | 'by-type' | null {
  const type = identifierTypeOf(key);
  let kind: 'by-pattern' | 'by-type' | null = null;
  for (const h of config.householdValues) {
    if (h.type !== type) continue;
    if (h.lineTypes) {
      const line = holders.map((e) => e.phoneLines[key]).find((l) => l !== undefined) ?? 'UNKNOWN';
      if (!h.lineTypes.has(line)) continue;
    }
    if (!h.patterns) kind ??= 'by-type';
    else if (h.patterns.some((p) => p.test(key.slice(type.length + 1)))) return 'by-pattern';
  }
  return kind;
}

/** A merge into a profile of this many records is quarantined for a steward instead of applied. */
export function exceedsClusterSize(recordCount: number, config: MatchingConfig): boolean {
  return recordCount > config.file.protection.maxClusterSize;
}
