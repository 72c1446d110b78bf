// One accuracy measurement: the data set resolved in three arrival orders, scored and broken down,
// as plain figures (for assertions) and as text (for reading).
import type { PRF } from '@c360/generator';
import type { MatchingConfig } from '@c360/resolver-domain';
import type { AccuracyDataSet } from './accuracy-data';
import {
  type BlockingRecall,
  type ErrorBreakdown,
  type HouseholdPlaceability,
  type Placeability,
  blockingRecall,
  errorBreakdown,
  householdPlaceability,
  placeability,
} from './accuracy-analysis';
import { type ArrivalOrder, type RunResult, pairAgreement, runResolver } from './accuracy-run';

export interface AccuracyReport {
  readonly persons: number;
  readonly seed: number;
  readonly records: number;
  readonly events: number;
  /** The first order's run (time order). */
  readonly run: RunResult;
  readonly orders: readonly {
    readonly order: ArrivalOrder;
    readonly pairwise: PRF;
    readonly agreement: number;
    readonly usPerRecord: number;
  }[];
  readonly pairwise: PRF;
  readonly bcubed: PRF;
  /** Households over all records (each record in the household of its profile). */
  readonly household: PRF;
  readonly placeability: Placeability;
  /** Pairwise recall over the pairs some record data could join. */
  readonly placeableRecall: number;
  readonly breakdown: ErrorBreakdown;
  readonly households: HouseholdPlaceability;
  readonly blocking: BlockingRecall;
  /** Candidate records compared per (re)resolution, and per record. */
  readonly candidatesPerResolution: number;
  readonly candidatesPerRecord: number;
  /** Resolving time per record and per event (the median of the orders' runs), microseconds. */
  readonly usPerRecord: number;
  readonly usPerEvent: number;
  /** Links between two persons' records (in one profile) that rest on a value several persons carry, without similar names. */
  readonly sharedValueJoins: readonly string[];
  readonly timings: { readonly generate: number; readonly map: number };
}

export const ARRIVAL_ORDERS: readonly ArrivalOrder[] = ['time', 'reversed', 'shuffled'];

export async function measureAccuracy(
  data: AccuracyDataSet,
  config: MatchingConfig,
  orders: readonly ArrivalOrder[] = ARRIVAL_ORDERS,
): Promise<AccuracyReport> {
  const runs: RunResult[] = [];
  for (const order of orders) runs.push(await runResolver(data, config, order));
  const run = runs[0]!;
  const place = placeability(data, (r) => run.resolver.evidenceOf(r)!, config);
  const breakdown = errorBreakdown(data, run, place);
  return {
    persons: data.persons,
    seed: data.seed,
    records: run.records,
    events: run.events,
    run,
    orders: runs.map((r) => ({
      order: r.order,
      pairwise: r.pairwise,
      agreement: pairAgreement(run.profiles, r.profiles),
      usPerRecord: (1000 * r.resolveMs) / r.records,
    })),
    pairwise: run.pairwise,
    bcubed: run.bcubed,
    household: run.household,
    placeability: place,
    placeableRecall: breakdown.placeableRecall,
    breakdown,
    households: householdPlaceability(data, run, place),
    blocking: blockingRecall(data, run, place.groupOf),
    candidatesPerResolution: run.stats.candidates / Math.max(1, run.stats.resolutions),
    candidatesPerRecord: run.stats.candidates / Math.max(1, run.records),
    // The median order: the first run also pays for warming the code up.
    usPerRecord: median(runs.map((r) => (1000 * r.resolveMs) / r.records)),
    usPerEvent: median(runs.map((r) => (1000 * r.resolveMs) / r.events)),
    sharedValueJoins: sharedValueJoins(data, run, config),
    timings: data.timings,
  };
}

/**
 * Values several true persons carry (a household's landline, a family email, the store's number)
 * must never join them on their own: a link between records of two persons that rests on such a
 * value is a violation unless its rule also demanded similar given and family names (two members
 * of one household with the same full name, a mother and daughter both called Isabella Sauer, are
 * a name ambiguity, counted with the false merges, not a shared value joining persons). Junk values
 * never reach the evidence at all.
 */
function sharedValueJoins(data: AccuracyDataSet, run: RunResult, config: MatchingConfig): string[] {
  const personsOf = new Map<string, Set<string>>();
  for (const r of data.records.values()) {
    for (const key of run.resolver.evidenceOf(r.record)!.identifiers)
      (personsOf.get(key) ?? personsOf.set(key, new Set()).get(key)!).add(r.personId);
  }
  const corroborated = new Set(
    config.rules
      .filter((rule) => ['given-name', 'family-name'].every((kind) => rule.names.some((c) => c.kind === kind && c.test === 'similar')))
      .map((rule) => rule.name),
  );
  const problems: string[] = [];
  for (const link of run.resolver.links()) {
    const [a, b] = [data.records.get(link.a)!, data.records.get(link.b)!];
    if (a.personId === b.personId || run.profiles.get(link.a) !== run.profiles.get(link.b) || corroborated.has(link.rule)) continue;
    for (const key of link.values)
      if ((personsOf.get(key)?.size ?? 0) > 1) problems.push(`${key} joins ${a.personId} and ${b.personId} by ${link.rule}`);
  }
  return problems;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f4 = (x: number) => x.toFixed(4);
const prf = (s: PRF) => `P ${f4(s.precision)}  R ${f4(s.recall)}  F1 ${f4(s.f1)}`;
const table = (counts: Readonly<Record<string, number>>, limit = 12) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k, n]) => `    ${String(Math.round(n)).padStart(7)}  ${k}`);

export function formatAccuracyReport(r: AccuracyReport): string {
  const p = r.placeability;
  const b = r.breakdown;
  const h = r.households;
  return [
    `matching accuracy: ${r.persons} persons, seed ${r.seed}: ${r.records} records, ${r.events} events ` +
      `(generate ${(r.timings.generate / 1000).toFixed(1)} s, map ${(r.timings.map / 1000).toFixed(1)} s)`,
    `  pairwise        ${prf(r.pairwise)}   (${b.wrongPairs} wrong pairs)`,
    `  B-cubed         ${prf(r.bcubed)}`,
    `  households      ${prf(r.household)}   (records in the household of their profile)`,
    `  true pairs ${p.truePairs}, unplaceable ${p.unplaceablePairs} (${((100 * p.unplaceablePairs) / p.truePairs).toFixed(1)}%): ` +
      `recall over placeable pairs ${f4(r.placeableRecall)} (${b.placeableFound} of ${b.placeablePairs}; ${b.foundBeyondPlaceable} pairs found beyond)`,
    `  households over placeable records ${prf(h.scores)}; recall over household pairs that share an address, phone or email ` +
      `${f4(h.placeableRecall)} (${h.placeablePairs} of ${h.pairs} pairs)`,
    `  arrival orders  ${r.orders.map((o) => `${o.order}: R ${f4(o.pairwise.recall)} P ${f4(o.pairwise.precision)} agreement ${o.agreement.toFixed(5)} ${o.usPerRecord.toFixed(0)} µs/record`).join('; ')}`,
    `  blocking recall ${f4(r.blocking.recall)} of all pairs, ${f4(r.blocking.placeableRecall)} of placeable pairs; ` +
      `candidates ${r.candidatesPerResolution.toFixed(2)} per resolution (${r.candidatesPerRecord.toFixed(2)} per record); ` +
      `${r.usPerRecord.toFixed(0)} µs per record, ${r.usPerEvent.toFixed(0)} µs per event`,
    `  shared values joining persons: ${r.sharedValueJoins.length}`,
    `  unplaceable pairs by the record that cannot be placed:`,
    ...table(p.strayPairs),
    `  false merges (wrong pairs by the link across persons):`,
    ...table(b.falseMergeLinks),
    `  missed placeable pairs:`,
    ...table(b.missedPlaceable),
    `  missed household pairs:`,
    ...table(h.missed),
  ].join('\n');
}
