// The summary a person reads at a glance: every figure measured in this run, and where a service
// does not compute something yet, the summary says so rather than showing a number.
import type { RunScores } from '@c360/generator';
import { int, money, pct, secs, type LatencyStats, type LtvCheck } from './figures';
import { paceSetter } from './pace';

export interface Summary {
  readonly persons: number;
  readonly seed: number;
  readonly end: string;
  readonly messages: number;
  readonly sources: number;
  readonly bad: number;
  readonly duplicates: number;
  /** The data set but its latest events, at the chosen rate. */
  readonly bulk: PhaseSummary;
  /** The latest events, slowly, once the pipeline had caught up (null: it had not). */
  readonly atRest: PhaseSummary | null;
  readonly truthRecords: number;
  readonly resolverRecords: number;
  readonly profiles: number;
  readonly scores: RunScores;
  /** The resolver's links into this run's profiles by rule; null when it has none to read. */
  readonly linkRules: readonly (readonly [string, number])[] | null;
  /** Households of more than one profile the resolver found among this run's profiles. */
  readonly households: number;
  /** True households with more than one person. */
  readonly trueHouseholds: number;
  readonly currency: string;
  readonly ltvProfiles: readonly number[];
  readonly ltvPersons: readonly number[];
  readonly ltvCheck: LtvCheck;
  readonly churnColumns: readonly string[];
  readonly churnedPersons: number;
  readonly segments: readonly {
    readonly id: string;
    readonly members: number;
    readonly membersAll: number;
    readonly entered: number;
    readonly exited: number;
  }[];
  readonly changesArrived: number;
  readonly latencyBulk: LatencyStats;
  readonly latencyAtRest: LatencyStats | null;
  readonly sampleStep: number;
  readonly deadLetters: readonly [string, number][];
  readonly badByReason: readonly [string, number][];
  readonly topicsAdded: readonly [string, number][];
}

export interface PhaseSummary {
  readonly events: number;
  readonly rate: number;
  readonly produceMs: number;
  /** From the first event produced to every service caught up; null: it did not. */
  readonly pipelineMs: number | null;
  readonly gaveUp: string | null;
  readonly stillBehind: readonly { readonly service: string; readonly lag: number }[];
  /** The highest queue the stream allowed in front of the services. */
  readonly queueLimit: number;
  /** Each service's queue over the phase: time-weighted mean and highest lag. */
  readonly lagTally: readonly { readonly service: string; readonly mean: number; readonly peak: number }[];
  /** Events of the phase whose id is known, to trace segment changes back to them. */
  readonly timedEvents: number;
}

const QUANTILES: readonly [string, number][] = [
  ['p10', 0.1],
  ['p25', 0.25],
  ['median', 0.5],
  ['p75', 0.75],
  ['p90', 0.9],
  ['p99', 0.99],
];

function distribution(sorted: readonly number[], currency: string): string {
  if (sorted.length === 0) return 'none';
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return [...QUANTILES.map(([name, q]) => `${name} ${money(at(q), currency)}`), `max ${money(sorted.at(-1)!, currency)}`].join(' · ');
}

const f4 = (x: number) => x.toFixed(4);

export function renderSummary(s: Summary): string[] {
  const lines: string[] = [];
  const row = (label: string, ...text: string[]) => text.forEach((t, i) => lines.push(`  ${(i === 0 ? label : '').padEnd(13)}${t}`));

  if (s.bulk.pipelineMs === null) {
    const behind = s.bulk.stillBehind.map((l) => l.service);
    row(
      'PARTIAL',
      `the pipeline did not catch up (${s.bulk.gaveUp ?? 'gave up'}): the figures below are what the services had processed;`,
      `look at ${behind.map((b) => `tmp/demo-logs/${b}.log`).join(', ') || 'tmp/demo-logs/'}; \`npm run demo -- stop\` then \`npm run demo\` starts afresh`,
    );
  }

  row(
    'data',
    `${int(s.persons)} synthetic persons, their year across ${s.sources} source systems up to ${s.end} (seed ${s.seed})`,
    `${int(s.messages)} source messages: ${int(s.bad)} broken on purpose, ${int(s.duplicates)} delivered twice`,
  );
  const caughtUp = (p: PhaseSummary, count: number) =>
    p.pipelineMs === null
      ? `NOT caught up (${p.gaveUp ?? 'gave up'}): ${p.stillBehind.map((l) => `${l.service} ${int(l.lag)} behind`).join(', ')}`
      : `every service caught up ${secs(p.pipelineMs)} after the first (${int((count / p.pipelineMs) * 1000)} events/s end to end)`;
  const bulkEvents = s.bulk.events;
  const setter = paceSetter(s.bulk.lagTally);
  const perSecond = s.bulk.pipelineMs === null ? null : (bulkEvents / s.bulk.pipelineMs) * 1000;
  const reference = 20_000;
  const projected = perSecond === null || s.persons >= reference ? null : ((s.messages / s.persons) * reference) / perSecond;
  row(
    'stream',
    `${int(bulkEvents)} events produced in ${secs(s.bulk.produceMs)}, ${int((bulkEvents / s.bulk.produceMs) * 1000)}/s on average (--rate ${int(s.bulk.rate)}/s, held back while more than ${int(s.bulk.queueLimit)} were queued)`,
    `  ${caughtUp(s.bulk, bulkEvents)}`,
    `queued in front of each service, mean (highest): ${s.bulk.lagTally.map((l) => `${l.service} ${int(l.mean)} (${int(l.peak)})`).join(', ')}`,
    ...(setter === null ? [] : [`  the ${setter} set the pace: the queue waited in front of it`]),
    ...(projected === null
      ? []
      : [
          `  at this pace ${int(reference)} persons (about ${int((s.messages / s.persons) * reference)} events) would take about ${Math.ceil(projected / 60)} min`,
        ]),
    ...(s.atRest
      ? [
          `then the latest ${int(s.atRest.events)} at ${int(s.atRest.rate)}/s in ${secs(s.atRest.produceMs)}; ${caughtUp(s.atRest, s.atRest.events)}`,
        ]
      : ['the latest events were not sent: the pipeline had not caught up']),
  );

  const collapsed = s.resolverRecords - s.profiles;
  row(
    'identity',
    `${int(s.truthRecords)} raw source records in the ground truth, ${int(s.resolverRecords)} of them in resolver.records`,
    `→ ${int(s.profiles)} unified profiles: ${int(collapsed)} duplicates collapsed (${pct(collapsed, s.resolverRecords - s.persons)} of the ${int(s.resolverRecords - s.persons)} a perfect resolver would)`,
    s.linkRules === null
      ? 'links by rule: unknown (no resolver.links table this demo can read)'
      : `links inside profiles by rule: ${s.linkRules.map(([rule, n]) => `${rule} ${int(n)}`).join(', ') || 'none'}`,
    `the truth has ${int(s.persons)} persons: ${s.profiles >= s.persons ? `${int(s.profiles - s.persons)} profiles too many (persons split over several)` : `${int(s.persons - s.profiles)} too few`}`,
  );
  row(
    'accuracy',
    `pairwise  precision ${f4(s.scores.pairwise.precision)}  recall ${f4(s.scores.pairwise.recall)}  F1 ${f4(s.scores.pairwise.f1)}`,
    `B-cubed   precision ${f4(s.scores.bcubed.precision)}  recall ${f4(s.scores.bcubed.recall)}  F1 ${f4(s.scores.bcubed.f1)}`,
    `${int(s.scores.records)} records scored as \`npx c360 score\` does: ${int(s.scores.worstFalseMerges.length)} profiles join several persons, ${int(s.scores.worstMissedLinks.length)} persons are split`,
  );
  const household = `pairwise precision ${f4(s.scores.household.precision)}  recall ${f4(s.scores.household.recall)}  F1 ${f4(s.scores.household.f1)}`;
  row(
    'households',
    `${int(s.households)} households of several profiles found (edges between profiles, never merges); the truth has ${int(s.trueHouseholds)}`,
    `  records in the household of their profile: ${household}`,
  );
  row(
    'lifetime',
    `${int(s.ltvProfiles.length)} profiles with purchases (insights.profile_insights, ${s.currency}):`,
    `  ${distribution(s.ltvProfiles, s.currency)}`,
    `${int(s.ltvPersons.length)} persons who bought, by the ground truth:`,
    `  ${distribution(s.ltvPersons, s.currency)}`,
    `exactly the true value: ${int(s.ltvCheck.exactBuyers)} of ${int(s.ltvCheck.onePersonBuyers)} profiles that hold one buyer's records (${pct(s.ltvCheck.exactBuyers, s.ltvCheck.onePersonBuyers)});`,
    `  a person split over several profiles leaves each with part of the value`,
  );
  row(
    'churn',
    s.churnColumns.length === 0
      ? `not computed yet (insights issue); the ground truth has ${int(s.churnedPersons)} churners (${pct(s.churnedPersons, s.persons)})`
      : `insights have ${s.churnColumns.join(', ')}, which this demo does not read yet; the truth has ${int(s.churnedPersons)} churners`,
  );
  const width = Math.max(...s.segments.map((g) => g.id.length), 8);
  row(
    'segments',
    ...s.segments.map(
      (g) =>
        `${g.id.padEnd(width)} ${int(g.members).padStart(7)} members of this run's profiles (${int(g.membersAll)} in all); ${int(g.entered)} entered, ${int(g.exited)} exited during the run`,
    ),
  );
  const latency = (l: LatencyStats) => `p50 ${secs(l.p50)}, p99 ${secs(l.p99)}, max ${secs(l.max)} over ${int(l.samples)} segment changes`;
  row(
    'latency',
    "source event produced → its segment change received (matched by triggerEventId, the event's c360-event-id):",
    s.latencyBulk.samples === 0
      ? `while streaming: no samples (no segment change traced to one of the ${int(s.bulk.timedEvents)} timed events)`
      : `while streaming: ${latency(s.latencyBulk)} (events timed: ${s.sampleStep === 1 ? 'all' : `1 in ${s.sampleStep}`}, ${int(s.bulk.timedEvents)})`,
    `  (the stream runs at the pace of the slowest service, so these include up to ${int(s.bulk.queueLimit)} events queued in front)`,
    s.latencyAtRest === null || s.atRest === null
      ? 'at rest: not measured (the pipeline had not caught up)'
      : s.latencyAtRest.samples === 0
        ? `at rest: no samples (no segment change traced to the ${int(s.atRest.timedEvents)} latest events)`
        : `at rest: ${latency(s.latencyAtRest)} (the latest ${int(s.atRest.timedEvents)} events, all timed, at ${int(s.atRest.rate)}/s)`,
    `${int(s.changesArrived)} segment changes arrived in all`,
  );
  const dlTotal = s.deadLetters.reduce((n, [, c]) => n + c, 0);
  const badTotal = s.badByReason.reduce((n, [, c]) => n + c, 0);
  row(
    'dead letters',
    `${int(dlTotal)} of this run's payloads on c360.deadletter.ingestor.v1: ${s.deadLetters.map(([r, c]) => `${r} ${int(c)}`).join(', ') || 'none'}`,
    `the generator broke ${int(badTotal)} on purpose: ${s.badByReason.map(([r, c]) => `${r} ${int(c)}`).join(', ')}`,
  );
  row('topics', ...s.topicsAdded.map(([topic, n]) => `+${int(n).padStart(9)}  ${topic}`));
  return lines;
}
