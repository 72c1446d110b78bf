// Scores a clustering of source records against the ground truth: pairwise and B-cubed
// precision, recall and F1, and the worst false merges and missed links for debugging.

export interface PRF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface FalseMerge {
  /** The predicted cluster that joins records of several true persons. */
  readonly cluster: string;
  /** True person → its records in that cluster. */
  readonly persons: Readonly<Record<string, readonly string[]>>;
  /** Pairs in the cluster that belong to different persons. */
  readonly wrongPairs: number;
}

export interface MissedLink {
  /** The true person whose records are spread over several predicted clusters. */
  readonly person: string;
  /** Predicted cluster → the person's records in it. */
  readonly clusters: Readonly<Record<string, readonly string[]>>;
  /** Pairs of the person's records that are not in one cluster. */
  readonly missedPairs: number;
}

export interface ClusterScores {
  readonly records: number;
  readonly pairwise: PRF;
  readonly bcubed: PRF;
  readonly worstFalseMerges: readonly FalseMerge[];
  readonly worstMissedLinks: readonly MissedLink[];
}

const pairs = (n: number): number => (n * (n - 1)) / 2;
const f1 = (precision: number, recall: number): number => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
const prf = (precision: number, recall: number): PRF => ({ precision, recall, f1: f1(precision, recall) });

function groupBy(assignment: ReadonlyMap<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [record, cluster] of assignment) {
    const members = groups.get(cluster);
    if (members) members.push(record);
    else groups.set(cluster, [record]);
  }
  return groups;
}

/**
 * @param predicted record → predicted cluster (a record missing here counts as a cluster of its own)
 * @param truth record → true person; only records in the truth are scored
 */
export function scoreClusters(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>, worst = 10): ClusterScores {
  const pred = new Map<string, string>();
  for (const record of truth.keys()) pred.set(record, predicted.get(record) ?? `\u0000singleton:${record}`);
  const predGroups = groupBy(pred);
  const trueGroups = groupBy(truth);

  // Contingency cells: (predicted cluster, true person) → records.
  const cells = new Map<string, Map<string, string[]>>();
  for (const [record, cluster] of pred) {
    const person = truth.get(record)!;
    let row = cells.get(cluster);
    if (!row) cells.set(cluster, (row = new Map<string, string[]>()));
    const cell = row.get(person);
    if (cell) cell.push(record);
    else row.set(person, [record]);
  }

  let truePositive = 0;
  for (const row of cells.values()) for (const cell of row.values()) truePositive += pairs(cell.length);
  const predictedPairs = [...predGroups.values()].reduce((s, g) => s + pairs(g.length), 0);
  const actualPairs = [...trueGroups.values()].reduce((s, g) => s + pairs(g.length), 0);

  let bPrecision = 0;
  let bRecall = 0;
  for (const [record, cluster] of pred) {
    const overlap = cells.get(cluster)!.get(truth.get(record)!)!.length;
    bPrecision += overlap / predGroups.get(cluster)!.length;
    bRecall += overlap / trueGroups.get(truth.get(record)!)!.length;
  }
  const n = pred.size;

  // A predicted cluster split over several persons is a false merge; a person split over several
  // clusters is a missed link. Both are the same computation, from either side of the cells.
  const byPerson = new Map<string, Map<string, string[]>>();
  for (const [cluster, row] of cells) {
    for (const [person, records] of row) {
      let clusters = byPerson.get(person);
      if (!clusters) byPerson.set(person, (clusters = new Map<string, string[]>()));
      clusters.set(cluster, records);
    }
  }
  const falseMerges: FalseMerge[] = worstSplits(cells, predGroups, worst).map(({ key, parts, pairsAcross }) => ({
    cluster: key,
    persons: parts,
    wrongPairs: pairsAcross,
  }));
  const missedLinks: MissedLink[] = worstSplits(byPerson, trueGroups, worst).map(({ key, parts, pairsAcross }) => ({
    person: key,
    clusters: parts,
    missedPairs: pairsAcross,
  }));

  return {
    records: n,
    pairwise: prf(predictedPairs === 0 ? 1 : truePositive / predictedPairs, actualPairs === 0 ? 1 : truePositive / actualPairs),
    bcubed: prf(n === 0 ? 1 : bPrecision / n, n === 0 ? 1 : bRecall / n),
    worstFalseMerges: falseMerges,
    worstMissedLinks: missedLinks,
  };
}

/** Groups whose records fall into more than one part, with the pairs across parts, most first. */
function worstSplits(splits: Map<string, Map<string, string[]>>, groups: Map<string, string[]>, worst: number) {
  return [...splits]
    .filter(([, parts]) => parts.size > 1)
    .map(([key, parts]) => {
      const within = [...parts.values()].reduce((s, c) => s + pairs(c.length), 0);
      return { key, parts: Object.fromEntries(parts), pairsAcross: pairs(groups.get(key)!.length) - within };
    })
    .sort((a, b) => b.pairsAcross - a.pairsAcross || a.key.localeCompare(b.key))
    .slice(0, worst);
}

export interface RunScores extends ClusterScores {
  /** Pairwise precision, recall and F1 of predicted households (or profiles) against the true households. */
  readonly household: PRF;
  /** Predicted records the truth does not know (other runs, other sources), left out of the scores. */
  readonly unknownRecords: number;
}

export interface TruthForScoring {
  readonly records: readonly {
    readonly source: string;
    readonly sourceRecordId: string;
    readonly personId: string;
    readonly householdId: string;
  }[];
}

export const recordKey = (source: string, sourceRecordId: string): string => `${source}:${sourceRecordId}`;

/**
 * Scores a resolver run against the ground truth. `predicted`: record ('source:sourceRecordId')
 * → profile id. `predictedHouseholds`: record → household, when the resolver groups profiles into
 * households; without it each profile counts as its own household, so household recall then
 * measures how many household members were (wrongly or not) put in one profile.
 */
export function scoreRun(
  predicted: ReadonlyMap<string, string>,
  truth: TruthForScoring,
  options: { readonly predictedHouseholds?: ReadonlyMap<string, string>; readonly worst?: number } = {},
): RunScores {
  const persons = new Map<string, string>();
  const households = new Map<string, string>();
  for (const r of truth.records) {
    const key = recordKey(r.source, r.sourceRecordId);
    persons.set(key, r.personId);
    households.set(key, r.householdId);
  }
  let unknownRecords = 0;
  for (const record of predicted.keys()) if (!persons.has(record)) unknownRecords += 1;
  const scores = scoreClusters(predicted, persons, options.worst ?? 10);
  const household = scoreClusters(options.predictedHouseholds ?? predicted, households, 0).pairwise;
  return { ...scores, household, unknownRecords };
}

/** The scores as text, with what each record of the worst errors says, for debugging a resolver. */
export function formatScores(
  scores: RunScores,
  truth: {
    readonly records: readonly { readonly source: string; readonly sourceRecordId: string; readonly label: string }[];
    readonly persons: readonly { readonly personId: string; readonly name: string }[];
  },
  options: { readonly worst?: number; readonly householdsPredicted?: boolean } = {},
): string {
  const worst = options.worst ?? 5;
  const labels = new Map(truth.records.map((r) => [recordKey(r.source, r.sourceRecordId), r.label]));
  const names = new Map(truth.persons.map((p) => [p.personId, p.name]));
  const f = (x: number) => x.toFixed(4);
  const prf = (s: PRF) => `precision ${f(s.precision)}  recall ${f(s.recall)}  F1 ${f(s.f1)}`;
  const record = (r: string) => `      ${r}  ${labels.get(r) ?? ''}`.trimEnd();
  const lines = [
    `records scored: ${scores.records}${scores.unknownRecords > 0 ? ` (${scores.unknownRecords} predicted records not in the truth left out)` : ''}`,
    `pairwise    ${prf(scores.pairwise)}`,
    `B-cubed     ${prf(scores.bcubed)}`,
    `households  ${prf(scores.household)}  (${options.householdsPredicted ? 'predicted households' : 'profiles'} against true households)`,
  ];
  if (scores.worstFalseMerges.length > 0) lines.push('', `worst false merges (profiles joining several persons):`);
  for (const m of scores.worstFalseMerges.slice(0, worst)) {
    lines.push(`  profile ${m.cluster}: ${m.wrongPairs} wrong pairs`);
    for (const [person, records] of Object.entries(m.persons))
      lines.push(`    ${person} ${names.get(person) ?? ''}`, ...records.map(record));
  }
  if (scores.worstMissedLinks.length > 0) lines.push('', `worst missed links (persons split over several profiles):`);
  for (const m of scores.worstMissedLinks.slice(0, worst)) {
    lines.push(`  ${m.person} ${names.get(m.person) ?? ''}: ${m.missedPairs} missed pairs`);
    for (const [cluster, records] of Object.entries(m.clusters))
      lines.push(`    ${cluster.startsWith('\u0000') ? 'not resolved' : `profile ${cluster}`}`, ...records.map(record));
  }
  return lines.join('\n');
}
