// The demo's arithmetic, pure: quantiles, the lifetime values checked against the ground truth,
// the event-to-activation latency, and number formatting. No I/O, so it is unit-tested.

/** Nearest-rank quantile of an ascending array; NaN when it is empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const ascending = (values: Iterable<number>): number[] => [...values].sort((a, b) => a - b);

export interface LtvCheck {
  /** Profiles holding at least one of this run's source records. */
  readonly profiles: number;
  /** Of those, profiles whose records all belong to one true person (and to this run). */
  readonly onePerson: number;
  /** Of those, profiles whose lifetime value is exactly the person's true one. */
  readonly exact: number;
  /** The same two counts for persons who bought something (a zero matching a zero proves little). */
  readonly onePersonBuyers: number;
  readonly exactBuyers: number;
}

/**
 * Compares each profile's lifetime value with the true lifetime value of its person, where the
 * profile holds the records of exactly one person. A person split over several profiles leaves
 * each with part of the value, so splits count against it as they should.
 *
 * @param profileOf every record the resolver holds ('source:sourceRecordId') → its profile
 * @param personOf this run's records → true person
 * @param ltvOf profile → lifetime value in minor units (missing: no purchase, 0)
 * @param trueLtvOf person → true lifetime value in minor units
 */
export function checkLifetimeValues(
  profileOf: ReadonlyMap<string, string>,
  personOf: ReadonlyMap<string, string>,
  ltvOf: ReadonlyMap<string, number>,
  trueLtvOf: ReadonlyMap<string, number>,
  boughtSomething: ReadonlySet<string>,
): LtvCheck {
  const ours = new Set<string>();
  for (const record of personOf.keys()) {
    const profile = profileOf.get(record);
    if (profile !== undefined) ours.add(profile);
  }
  // A profile's persons, with null standing for a record that is not this run's.
  const persons = new Map<string, Set<string | null>>();
  for (const [record, profile] of profileOf) {
    if (!ours.has(profile)) continue;
    let set = persons.get(profile);
    if (!set) persons.set(profile, (set = new Set()));
    set.add(personOf.get(record) ?? null);
  }
  let onePerson = 0;
  let exact = 0;
  let onePersonBuyers = 0;
  let exactBuyers = 0;
  for (const [profile, set] of persons) {
    if (set.size !== 1) continue;
    const [person] = set;
    if (person === null || person === undefined) continue;
    const match = (ltvOf.get(profile) ?? 0) === (trueLtvOf.get(person) ?? 0);
    onePerson += 1;
    if (match) exact += 1;
    if (boughtSomething.has(person)) {
      onePersonBuyers += 1;
      if (match) exactBuyers += 1;
    }
  }
  return { profiles: ours.size, onePerson, exact, onePersonBuyers, exactBuyers };
}

export interface LatencyStats {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Event-to-activation latency: for each segment change whose triggering event is one of the
 * timed source events, its arrival minus that event's production. A change caused by a duplicate
 * delivery of an event counts from the event's first production.
 */
export function latencies(
  changes: readonly { readonly triggerEventId: string | null; readonly arrivedAt: number }[],
  producedAt: ReadonlyMap<string, number>,
): LatencyStats {
  const values: number[] = [];
  for (const c of changes) {
    if (c.triggerEventId === null) continue;
    const sent = producedAt.get(c.triggerEventId);
    if (sent !== undefined && Number.isFinite(sent)) values.push(Math.max(0, c.arrivedAt - sent));
  }
  const sorted = ascending(values);
  return { samples: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

/** Counts by key, largest first. */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

export const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
export const pct = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : 'n/a');
export const secs = (ms: number): string =>
  Number.isFinite(ms) ? (ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`) : 'n/a';

/** Whole units of a currency from minor units, e.g. 'EUR 1,235'. */
export const money = (minor: number, currency: string, digits = 2): string =>
  Number.isFinite(minor) ? `${currency} ${Math.round(minor / 10 ** digits).toLocaleString('en-US')}` : 'n/a';

/** Short thousands for the progress line: 950, 12.3k, 1.2M. */
export function compact(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}
