// `resolve` (the resolver alone on a fresh database) and `scale` (its time per record as the graph grows).
import { Topics } from '@c360/schemas';
import { canonicalDataSet, canonicalEvents } from '../data-sets';
import { benchKafka, drain, endsAfter, passthroughRun, produceAll, PARTITIONS, type Payload } from '../kafka';
import { freePort, startService, type RunningService } from '@c360/testing';
import { cpuSecondsOf, logDirOf, median, peakRssOf, resetPeakRss, rssOf, serviceEnv, type Options, type ScenarioResult } from '../scenario';
import { startAlone } from '../services';

interface ScalePoint {
  level: number;
  records: number;
  msPerRecord: number;
  msPerEvent: number;
  /** One sample at the end of the probe. */
  rssMb: number;
  /** The most the process held while the level was filled and probed. */
  peakRssMb: number;
  fillRecordsPerS: number;
}

/**
 * The resolver's time per record as its graph grows: one resolver on a fresh database is filled to
 * each level (one event per record, whole parties, from persons of their own seeds), and at each
 * level the same-sized probe (every event of 1,000 new persons) is timed, with the process's RSS.
 */
async function scaleRun(options: Options, levels: readonly number[]): Promise<ScalePoint[]> {
  const kafka = benchKafka(options.env);
  const alone = await startAlone(options, 'resolver', [Topics.canonicalEvents.name], {
    database: true,
    group: `c360-bench-scale-${options.runId}`,
  });
  const admin = kafka.admin();
  await admin.connect();
  const out: ScalePoint[] = [];
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const run = async (payloads: Payload[]) =>
      drain(admin, alone.groupId, await endsAfter(admin, payloads), () => produceAll(kafka, payloads));
    let filled = 0;
    let seed = 1_000;
    for (const level of levels) {
      resetPeakRss(alone.service.process.pid!);
      let fillMs = 0;
      let fillRecords = 0;
      // About 4.9 records a person; filled in chunks of at most 20,000 persons.
      while (filled < level) {
        const persons = Math.min(20_000, Math.max(200, Math.ceil((level - filled) / 4.9)));
        const { payloads, records } = await canonicalEvents(persons, seed++, options.env, true);
        fillMs += await run(payloads);
        filled += records;
        fillRecords += records;
      }
      const probe = await canonicalEvents(1_000, 900_000 + level, options.env, false);
      const ms = await run(probe.payloads);
      filled += probe.records;
      out.push({
        level,
        records: filled,
        msPerRecord: Number((ms / probe.records).toFixed(3)),
        msPerEvent: Number((ms / probe.payloads.length).toFixed(3)),
        rssMb: rssOf(alone.service.process.pid!),
        peakRssMb: peakRssOf(alone.service.process.pid!),
        fillRecordsPerS: fillMs > 0 ? Math.round((fillRecords / fillMs) * 1000) : 0,
      });
      console.error(`  ${JSON.stringify(out.at(-1))}`);
    }
    return out;
  } finally {
    await alone.stop();
    await admin.disconnect();
  }
}

/** The resolver alone on the canonical topic, with a database of its own: `options.instances` processes in one group. */
async function resolveRun(
  options: Options,
  payloads: readonly Payload[],
): Promise<{ eventsPerS: number; cpuS: number; rssMb: number; phases: Record<string, number>; statements: Record<string, number> }> {
  const kafka = benchKafka(options.env);
  const alone = await startAlone(options, 'resolver', [Topics.canonicalEvents.name], { database: true });
  const others: RunningService[] = [];
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let i = 1; i < options.instances; i++) {
      others.push(await startService('resolver', { port: await freePort(), logDir: logDirOf(options), env: serviceEnv(options, alone.groupId, alone.databaseUrl!) }));
    }
    await new Promise((r) => setTimeout(r, 3000 + 2000 * others.length)); // joined and assigned
    const ends = await endsAfter(admin, payloads);
    const all = [alone.service, ...others];
    const cpu = () => all.reduce((sum, s) => sum + cpuSecondsOf(s.process.pid!), 0);
    const cpuBefore = cpu();
    for (const s of all) resetPeakRss(s.process.pid!);
    const ms = await drain(admin, alone.groupId, ends, () => produceAll(kafka, payloads));
    const cpuS = cpu() - cpuBefore;
    const rssMb = Math.max(...all.map((s) => peakRssOf(s.process.pid!)));
    const metrics = await Promise.all(all.map(async (s) => (await fetch(`${s.url}/metrics`)).text()));
    return {
      eventsPerS: (payloads.length / ms) * 1000,
      cpuS,
      rssMb,
      phases: sumPhases(metrics.map(phaseSeconds)),
      statements: sumPhases(metrics.map(statementSeconds)),
    };
  } finally {
    await Promise.all(others.map((s) => s.stop('SIGTERM')));
    await alone.stop();
    await admin.disconnect();
  }
}

/** The processes' phase seconds and batches added up. */
const sumPhases = (all: readonly Record<string, number>[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const p of all) for (const [k, v] of Object.entries(p)) out[k] = Number(((out[k] ?? 0) + v).toFixed(2));
  return out;
};

/** Seconds the resolver spent per batch phase (its c360_resolver_batch_seconds histogram), and its batch count, from its /metrics text. */
function phaseSeconds(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^c360_resolver_batch_seconds_sum\{[^}]*phase="(\w+)"[^}]*\} ([\d.e+-]+)$/gm))
    out[`${m[1]}_s`] = Number(Number(m[2]).toFixed(2));
  const batches = /^c360_resolver_batch_seconds_count\{[^}]*phase="engine"[^}]*\} (\d+)$/m.exec(text);
  if (batches) out['batches'] = Number(batches[1]);
  return out;
}

/** Seconds the resolver's graph store waited for Postgres per statement, largest first, from its /metrics text. */
function statementSeconds(text: string): Record<string, number> {
  const found = [...text.matchAll(/^c360_resolver_store_query_seconds_total\{[^}]*statement="([^"]+)"[^}]*\} ([\d.e+-]+)$/gm)];
  return Object.fromEntries(found.map((m) => [m[1]!, Number(Number(m[2]).toFixed(2))] as const).sort((a, b) => b[1] - a[1]));
}

export async function scaleScenario(options: Options): Promise<ScenarioResult> {
  const levels = options.quick ? [10_000, 50_000] : [10_000, 100_000, 1_000_000];
  const points = await scaleRun(options, levels);
  const first = points[0]!;
  const lastPoint = points.at(-1)!;
  return {
    scenario: 'scale',
    metrics: { ms_per_record: lastPoint.msPerRecord, rss_mb: lastPoint.rssMb, peak_rss_mb: lastPoint.peakRssMb, profiles_in_graph: lastPoint.records },
    baseline: { ms_per_record: first.msPerRecord, rss_mb: first.rssMb, peak_rss_mb: first.peakRssMb, profiles_in_graph: first.records },
    ratio: Number((lastPoint.msPerRecord / first.msPerRecord).toFixed(3)),
    config: { levels, points },
    notes: [
      'one resolver on a fresh database, filled to each level with one RECORD_UPDATE per source record (generated persons, default noise); at each level the probe (every event of 1,000 new persons) is timed',
      'profiles_in_graph counts source records in the graph (profiles are fewer: records of one person join); ratio: time per record at the last level over the first',
      'rss_mb: one sample at the end of the probe; peak_rss_mb: the most the resolver held while the level was filled and probed (VmHWM, reset per level)',
    ],
  };
}

export async function resolveScenario(options: Options): Promise<ScenarioResult> {
  const { payloads, records } = await canonicalDataSet(options.quick ? 2000 : 10000, options.env);
  const resolve: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  const pass: number[] = [];
  const phases: Record<string, number>[] = [];
  const statements: Record<string, number>[] = [];
  for (let i = 0; i < (options.quick ? 1 : 3); i++) {
    pass.push(await passthroughRun(options, payloads, true));
    const r = await resolveRun(options, payloads);
    resolve.push(r.eventsPerS);
    cpu.push(r.cpuS);
    rss.push(r.rssMb);
    phases.push(r.phases);
    statements.push(r.statements);
  }
  const m = median(resolve);
  const b = median(pass);
  const recordsPerS = (m * records) / payloads.length;
  return {
    scenario: 'resolve',
    metrics: {
      events_per_s: Math.round(m),
      records_per_s: Math.round(recordsPerS),
      cpu_ms_per_1000_events: Math.round((median(cpu) / payloads.length) * 1e6),
      rss_mb: median(rss), // the largest process's peak during the run (VmHWM)
    },
    baseline: { events_per_s: Math.round(b) },
    ratio: Number((m / b).toFixed(3)),
    config: {
      events: payloads.length,
      records,
      resolve_runs: resolve.map(Math.round),
      resolver_cpu_s: cpu.map((s) => Number(s.toFixed(1))),
      passthrough_runs: pass.map(Math.round),
      partitions: PARTITIONS,
      instances: options.instances,
      phases,
      statements,
    },
    notes: [
      `the resolver as ${options.instances === 1 ? 'its own process' : `${options.instances} processes in one consumer group`} on a fresh database, fed Avro canonical events mapped from generated data (default noise); passthrough: consume → Avro decode → encode → produce → commit over the same payloads, interleaved`,
      'records_per_s: events_per_s times distinct source records over events (every event of a record resolves it; most change nothing)',
      "cpu_ms_per_1000_events: the resolver processes' CPU seconds (user and system, all threads) while the events were produced and resolved, per event: less sensitive than wall time to other load on the machine",
    ],
  };
}
