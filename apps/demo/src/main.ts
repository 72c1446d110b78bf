// `npm run demo [-- --persons N --rate EVENTS_PER_S --seed S]`: the local stack (started if none
// runs), the four services as processes (started if they do not answer), generated customers
// streamed through the source topics with live progress, then a summary of what c360 made of
// them, measured against the ground truth. `npm run demo -- consume <segment>` prints a segment
// topic decoded. (`npm run demo -- stop` is handled by tools/demo/demo.mjs, without a build.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreRun, type GeneratedDataSet } from '@c360/generator';
import { sourceTopic, Topics, type SegmentMembershipChange } from '@c360/schemas';
import { KafkaTestClient, type ServiceName } from '@c360/testing';
import { ascending, checkLifetimeValues, countBy, int, latencies, secs } from './figures';
import { generateDataSet, readMappings, readRates, timedEventIds } from './data-set';
import { launchServices, listening, SERVICES, waitReady } from './services';
import { readState } from './state';
import { MAX_QUEUED, stream, type StreamResult } from './stream';
import { renderSummary, type PhaseSummary, type Summary } from './summary';
import { exploreHints } from './explore';
import { lagOf, topicTotals, Watcher, type GroupSpec } from './watch';

const ROOT = process.env.C360_ROOT ?? process.cwd();
const LOG_DIR = join(ROOT, 'tmp', 'demo-logs');
const PID_FILE = join(LOG_DIR, 'services.json');
/** About this many source messages get their event id computed for the latency (see timedEventIds). */
const TIMED_EVENTS = 40_000;
/**
 * The latest events are held back and sent after the pipeline has caught up, slowly, so the
 * latency is also measured with no backlog in front of them.
 */
const AT_REST_EVENTS = 1_000;
const AT_REST_RATE = 50;
const MAX_BULK_MS = 120 * 60_000;
/**
 * The issue's 20,000 persons (about 308,000 events). The resolver sets the pace: one graph writer,
 * each batch a transaction over the graph lock, with the four services, Kafka, the registry and
 * Postgres on the same two cores. With its graph kept in memory between batches (the warm store,
 * apps/demo/src/services.ts) it took 260.9 s here on 2026-12-07 (219.6 s streaming, 1,415 events/s
 * end to end); loading every batch from Postgres, 376 s (2026-12-06).
 */
const DEFAULT_PERSONS = 20_000;
const MAX_AT_REST_MS = 10 * 60_000;

const USAGE = `usage:
  npm run demo [-- --persons ${DEFAULT_PERSONS}] [--rate 5000] [--seed S]     stack, services, generated data streamed through, summary
  npm run demo -- consume <segment-id> [--from-beginning]      print a segment topic's changes, decoded (Ctrl-C stops)
  npm run demo -- stop                                         stop the demo's services and the local stack`;

interface Env {
  readonly KAFKA_BROKERS: string;
  readonly SCHEMA_REGISTRY_URL: string;
  readonly DATABASE_URL: string;
}

const step = (text: string) => console.log(`\n▶ ${text}`);
const note = (text: string) => console.log(`  ${text}`);

async function stackEnv(quiet = false): Promise<Env> {
  const { ensureStack } = (await import(join(ROOT, 'tools/stack/stack.mjs'))) as {
    ensureStack: (o?: { log?: (l: string) => void }) => Promise<Env>;
  };
  return ensureStack(quiet ? { log: () => undefined } : { log: (l) => note(l) });
}

/** Kafka's command-line tools in the stack's folder, fetched once (for the hints); null if Maven cannot. */
async function kafkaTools(): Promise<string | null> {
  try {
    const { ensureKafkaTools } = (await import(join(ROOT, 'tools/stack/stack.mjs'))) as {
      ensureKafkaTools: (o?: { log?: (l: string) => void }) => Promise<string>;
    };
    return await ensureKafkaTools({ log: () => undefined });
  } catch {
    return null;
  }
}

async function run(options: { persons: number; rate: number; seed: number }): Promise<number> {
  // Where the time goes, phase by phase (the build ran before this, in tools/demo/demo.mjs).
  const launched = Number(process.env['C360_DEMO_LAUNCHED_AT']);
  const fromLauncher = Number.isFinite(launched) && launched > 0 && launched <= Date.now();
  const started = fromLauncher ? launched : Date.now();
  const phases: [string, number][] = [];
  let lastMark = started;
  const mark = (label: string) => {
    phases.push([label, Date.now() - lastMark]);
    lastMark = Date.now();
  };
  if (fromLauncher) mark('build');
  const end = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  console.log(
    `c360 demo: ${int(options.persons)} persons (--persons N to change), streamed at up to ${int(options.rate)} events/s (seed ${options.seed})`,
  );

  step('Local stack: Kafka, schema registry, Postgres (started unless running)');
  const env = await stackEnv();
  note(`ready after ${secs(Date.now() - started)}`);
  mark('stack');
  const up = await Promise.all(SERVICES.map((s) => listening(s.port)));

  step('Services: ingestor, resolver, insights, activation, each its own process (started unless answering)');
  const mappings = readMappings(ROOT);
  const sources = [...mappings.keys()];
  const client = new KafkaTestClient(env.KAFKA_BROKERS, env.SCHEMA_REGISTRY_URL);
  const admin = client.kafka.admin();
  await admin.connect();
  await client.ensureTopics(sources.map((s) => sourceTopic(s)));
  const groups: GroupSpec[] = SERVICES.map(({ name }) => ({ service: name, groupId: `c360-${name}`, topics: consumedBy(name, sources) }));
  // Tests and benchmarks share the topics (with groups of their own), so a service group that was
  // not running can be millions of messages behind. A service the demo starts begins at the end.
  const down = groups.filter((_, i) => !up[i]);
  if (down.length > 0) {
    const skipped = await lagOf(admin, down);
    await client.startGroupsAtEnd(down.map((g) => ({ groupId: g.groupId, topics: g.topics })));
    const total = skipped.reduce((n, l) => n + l.lag, 0);
    if (total > 0)
      note(
        `${down.map((g) => g.groupId).join(', ')} start at the end of their topics: ${int(total)} older messages left there by other runs are skipped`,
      );
  }
  const { started: services, children } = await launchServices({
    root: ROOT,
    logDir: LOG_DIR,
    pidFile: PID_FILE,
    env: { ...env },
    sources,
  });

  // Kafka's console consumer for the hints at the end: fetched (once) while the services boot.
  const tools = kafkaTools();

  // Generating takes a few seconds of one core: done while the services boot.
  const rates = readRates(ROOT);
  const genStarted = Date.now();
  const data = generateDataSet({ persons: options.persons, seed: options.seed, end, rates });
  const n = data.messages.length;
  const held = Math.min(AT_REST_EVENTS, Math.ceil(n * 0.02));
  const bulkEnd = n - held;
  const sampleStep = Math.max(1, Math.ceil(bulkEnd / TIMED_EVENTS));
  const sampled = Array.from({ length: Math.ceil(bulkEnd / sampleStep) }, (_, k) => k * sampleStep);
  const timedBulk = timedEventIds(data, mappings, rates, sampled);
  const timedAtRest = timedEventIds(
    data,
    mappings,
    rates,
    Array.from({ length: held }, (_, k) => bulkEnd + k),
  );
  const genMs = Date.now() - genStarted;

  await waitReady(services, children);
  for (const s of services) {
    note(
      `${s.name.padEnd(11)}http://127.0.0.1:${s.port}  ${s.pid === null ? 'already running' : `started, pid ${s.pid}`}, log ${s.logFile.slice(ROOT.length + 1)}`,
    );
  }
  note(`all ready after ${secs(Date.now() - started)}`);
  mark('services and data');

  step('Data: synthetic customers with ground truth (@c360/generator)');
  note(
    `${int(options.persons)} persons, ${int(data.messages.length)} source messages (${countBy(data.messages, (m) => m.source)
      .map(([s, n]) => `${s} ${int(n)}`)
      .join(', ')})`,
  );
  note(`${int(data.truth.records.length)} source records; generated in ${secs(genMs)}, up to ${new Date(end).toISOString().slice(0, 10)}`);

  const runId = `${Date.now().toString(36)}-${process.pid}`;
  const watcher = new Watcher(client);
  const segmentTopics = await watcher.start(admin, runId);
  const reported = [
    ...sources.map((s) => sourceTopic(s).name),
    ...groups.slice(1).flatMap((g) => g.topics),
    ...downstreamOnly(),
    ...segmentTopics,
  ];
  const before = await topicTotals(admin, [...new Set(reported)]);

  step(`Streaming ${int(bulkEnd)} events to src.<source>.v1 at up to ${int(options.rate)}/s, until every service has caught up`);
  note(
    `(it waits whenever more than ${int(MAX_QUEUED)} messages, or 5 s of the slowest service's work if that is more, are queued in the services: it runs at the pace of the slowest)`,
  );
  const producedAt = new Float64Array(n).fill(Number.NaN);
  const exited = () => {
    for (const [name, child] of children) {
      if (child.exitCode !== null || child.signalCode !== null)
        return `${name} exited (${child.exitCode ?? child.signalCode}); see ${LOG_DIR.slice(ROOT.length + 1)}/${name}.log`;
    }
    return null;
  };
  const common = { kafka: client.kafka, admin, messages: data.messages, producedAt, groups, exited };
  const bulk = await stream({ ...common, label: 'stream', from: 0, to: bulkEnd, rate: options.rate, maxMs: MAX_BULK_MS });
  mark('streaming');
  let atRest: StreamResult | null = null;
  if (bulk.gaveUp === null) {
    step(`Then the latest ${int(held)} events at ${AT_REST_RATE}/s, to time the pipeline with nothing queued in front`);
    atRest = await stream({ ...common, label: 'at rest', from: bulkEnd, to: n, rate: AT_REST_RATE, maxMs: MAX_AT_REST_MS });
    mark('the latest events');
  }
  // The last segment changes may still be on their way from activation's outbox.
  for (let last = -1, i = 0; i < 20 && last !== watcher.changes.length; i++) {
    last = watcher.changes.length;
    await new Promise((r) => setTimeout(r, 500));
  }
  const after = await topicTotals(admin, [...new Set(reported)]);

  step('What c360 made of it');
  const summary = await summarise({
    data,
    env,
    options,
    timedBulk,
    timedAtRest,
    sampleStep,
    producedAt,
    watcher,
    bulk,
    atRest,
    before,
    after,
    end,
  });
  for (const line of renderSummary(summary.summary)) console.log(line);

  mkdirSync(LOG_DIR, { recursive: true });
  writeFileSync(join(LOG_DIR, 'truth.json'), JSON.stringify(data.truth));
  step('Where to look next (the stack and the services keep running)');
  const toolsDir = await tools;
  for (const line of await exploreHints({
    env,
    data,
    profileOf: summary.profileOf,
    segmentTopics,
    sources,
    logDir: LOG_DIR.slice(ROOT.length + 1),
    stackDir: process.env['C360_STACK_DIR'] ?? '.stack',
    kafkaToolsDir: toolsDir === null ? null : toolsDir.startsWith(`${ROOT}/`) ? toolsDir.slice(ROOT.length + 1) : toolsDir,
  }))
    console.log(line);
  mark('summary');
  console.log(`\nDone in ${secs(Date.now() - started)}: ${phases.map(([label, ms]) => `${label} ${secs(ms)}`).join(', ')}.`);

  await watcher.stop();
  await admin.disconnect();
  await client.close();
  return bulk.gaveUp === null && atRest?.gaveUp === null ? 0 : 1;
}

/** The topics each service's group consumes (as its app module declares them). */
function consumedBy(service: ServiceName, sources: readonly string[]): string[] {
  switch (service) {
    case 'ingestor':
      return sources.map((s) => sourceTopic(s).name);
    case 'resolver':
      return [Topics.canonicalEvents.name];
    case 'insights':
      return [Topics.resolvedEvents.name, Topics.identityChanges.name];
    case 'activation':
      return [Topics.insights.name];
  }
}

const downstreamOnly = () => [
  Topics.profiles.name,
  Topics.quality.name,
  Topics.deadLetterIngestor.name,
  Topics.deadLetterResolver.name,
  Topics.deadLetterInsights.name,
  Topics.deadLetterActivation.name,
];

function phase(r: StreamResult, rate: number, timed: number): PhaseSummary {
  return {
    events: r.events,
    rate,
    produceMs: r.producedBy - r.startedAt,
    pipelineMs: r.caughtUpAt === null ? null : r.caughtUpAt - r.startedAt,
    gaveUp: r.gaveUp,
    stillBehind: r.lastLag.filter((l) => l.lag > 0),
    queueLimit: r.queueLimit,
    lagTally: r.lagTally,
    timedEvents: timed,
  };
}

async function summarise(input: {
  data: GeneratedDataSet;
  env: Env;
  options: { persons: number; rate: number; seed: number };
  timedBulk: Map<string, number>;
  timedAtRest: Map<string, number>;
  sampleStep: number;
  producedAt: Float64Array;
  watcher: Watcher;
  bulk: StreamResult;
  atRest: StreamResult | null;
  before: Map<string, number>;
  after: Map<string, number>;
  end: number;
}): Promise<{ summary: Summary; profileOf: Map<string, string> }> {
  const { data, bulk, watcher } = input;
  const { truth } = data;
  const personOf = new Map(truth.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r.personId]));
  const state = await readState(input.env.DATABASE_URL, (profileOf) => {
    const ours = new Set<string>();
    for (const record of personOf.keys()) {
      const p = profileOf.get(record);
      if (p) ours.add(p);
    }
    return [...ours];
  });
  const ours = new Set<string>();
  let resolverRecords = 0;
  for (const record of personOf.keys()) {
    const p = state.profileOf.get(record);
    if (p === undefined) continue;
    resolverRecords += 1;
    ours.add(p);
  }
  // Every split and merge, not only the worst few: their counts go in the summary.
  const scores = scoreRun(state.profileOf, truth, { worst: Number.MAX_SAFE_INTEGER, predictedHouseholds: state.householdOf });
  const bought = new Set(truth.persons.filter((p) => p.orderCount > 0).map((p) => p.personId));
  const ltvCheck = checkLifetimeValues(
    state.profileOf,
    personOf,
    state.ltvOf,
    new Map(truth.persons.map((p) => [p.personId, p.lifetimeValueMinor])),
    bought,
  );
  const timesOf = (timed: Map<string, number>) => new Map([...timed].map(([eventId, index]) => [eventId, input.producedAt[index]!]));
  const ourKeys = new Set(data.messages.map((m) => m.key));
  const changes = countBy(watcher.changes, (c) => `${c.segmentId}\u0000${c.change}`);
  const changeCount = (segment: string, change: SegmentMembershipChange['change']) =>
    changes.find(([k]) => k === `${segment}\u0000${change}`)?.[1] ?? 0;
  const segmentIds = [...new Set([...state.segments.keys(), ...watcher.changes.map((c) => c.segmentId)])].sort();
  const summary: Summary = {
    persons: input.options.persons,
    seed: input.options.seed,
    end: new Date(input.end).toISOString().slice(0, 10),
    messages: data.messages.length,
    sources: new Set(data.messages.map((m) => m.source)).size,
    bad: truth.bad.length,
    duplicates: truth.duplicates.length,
    bulk: phase(bulk, input.options.rate, input.timedBulk.size),
    atRest: input.atRest ? phase(input.atRest, AT_REST_RATE, input.timedAtRest.size) : null,
    truthRecords: truth.records.length,
    resolverRecords,
    profiles: ours.size,
    scores,
    linkRules: state.linkRules,
    households: state.households,
    trueHouseholds: countBy(truth.persons, (p) => p.householdId).filter(([, n]) => n > 1).length,
    currency: truth.reportingCurrency,
    ltvProfiles: ascending([...state.ltvOf.values()]),
    ltvPersons: ascending(truth.persons.filter((p) => p.orderCount > 0).map((p) => p.lifetimeValueMinor)),
    ltvCheck,
    churnColumns: state.churnColumns,
    churnedPersons: truth.persons.filter((p) => p.churnedAt !== null).length,
    segments: segmentIds.map((id) => ({
      id,
      members: state.segments.get(id)?.ours ?? 0,
      membersAll: state.segments.get(id)?.all ?? 0,
      entered: changeCount(id, 'ENTERED'),
      exited: changeCount(id, 'EXITED'),
    })),
    changesArrived: watcher.changes.length,
    latencyBulk: latencies(watcher.changes, timesOf(input.timedBulk)),
    latencyAtRest: input.atRest ? latencies(watcher.changes, timesOf(input.timedAtRest)) : null,
    sampleStep: input.sampleStep,
    deadLetters: countBy(
      watcher.deadLetters.filter((d) => d.key !== null && ourKeys.has(d.key)),
      (d) => d.reason,
    ),
    badByReason: countBy(truth.bad, (b) => b.reason),
    topicsAdded: [...input.after]
      .map(([topic, n]): [string, number] => [topic, n - (input.before.get(topic) ?? 0)])
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  };
  return { summary, profileOf: state.profileOf };
}

async function consume(segmentId: string, fromBeginning: boolean): Promise<number> {
  const env = await stackEnv(true);
  const client = new KafkaTestClient(env.KAFKA_BROKERS, env.SCHEMA_REGISTRY_URL);
  const topic = `c360.segment.${segmentId}.v1`;
  const consumer = client.kafka.consumer({ groupId: `c360-demo-consume-${Date.now().toString(36)}-${process.pid}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning });
  console.error(`reading ${topic}${fromBeginning ? ' from the beginning' : ' (new changes only; --from-beginning for all)'}; Ctrl-C stops`);
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message }) => {
      if (message.value) console.log(JSON.stringify(await client.registry.decode(message.value)));
    },
  });
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await consumer.disconnect();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      persons: { type: 'string', default: String(DEFAULT_PERSONS) },
      rate: { type: 'string', default: '5000' },
      seed: { type: 'string' },
      'from-beginning': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] === 'consume' && positionals[1]) return consume(positionals[1], values['from-beginning']);
  const persons = Number(values.persons);
  const rate = Number(values.rate);
  // A fresh seed per run by default: the ids in the data carry it, so a second run is new
  // customers, not a replay the services would (rightly) find nothing new in.
  const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
  const problems = [
    positionals.length > 0 ? `unknown command ${positionals.join(' ')}` : null,
    !Number.isInteger(persons) || persons <= 0 ? '--persons must be a positive whole number' : null,
    !(rate > 0) ? '--rate must be a positive number of events per second' : null,
    !Number.isInteger(seed) ? '--seed must be a whole number' : null,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  return run({ persons, rate, seed });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
