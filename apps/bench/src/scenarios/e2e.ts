// `e2e`: the four services as their own processes, the generator's native payloads produced at once.
import { KafkaTestClient, createTestDatabase, freePort, startService, type RunningService, type ServiceName } from '@c360/testing';
import { sourceTopic, Topics } from '@c360/schemas';
import { dataSet, readMappings } from '../data-sets';
import { benchKafka, passthroughRun, produceAll, PARTITIONS, type Payload } from '../kafka';
import { logDirOf, median, serviceEnv, suffix, type Options, type ScenarioResult } from '../scenario';

export interface Pipeline {
  readonly groups: readonly { readonly name: ServiceName; readonly groupId: string; readonly topics: readonly string[] }[];
  readonly running: readonly RunningService[];
  readonly client: KafkaTestClient;
  /** Stops the services, drops the database and closes the client. */
  stop(): Promise<void>;
}

/**
 * The four services as their own processes (one instance each) on one fresh database, each group
 * starting at the end of its topics. `activationEnv`: extra settings for activation (SEGMENTS_DIR).
 */
export async function startPipeline(options: Options, activationEnv: Record<string, string> = {}): Promise<Pipeline> {
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const id = `${options.runId}-${suffix()}`;
  const sources = [...readMappings().keys()];
  const groups = [
    { name: 'ingestor' as const, topics: sources.map((s) => sourceTopic(s).name) },
    { name: 'resolver' as const, topics: [Topics.canonicalEvents.name] },
    { name: 'insights' as const, topics: [Topics.resolvedEvents.name, Topics.identityChanges.name] },
    { name: 'activation' as const, topics: [Topics.insights.name] },
  ].map((s) => ({ ...s, groupId: `c360-bench-e2e-${s.name}-${id}` }));
  await client.ensureTopics(sources.map(sourceTopic));
  await client.startGroupsAtEnd(groups.map((s) => ({ groupId: s.groupId, topics: s.topics })));
  const db = await createTestDatabase(options.env.DATABASE_URL, 'c360_bench');
  const running = await Promise.all(
    groups.map(async (s) =>
      startService(s.name, {
        port: await freePort(),
        logDir: logDirOf(options),
        env: { ...serviceEnv(options, s.groupId, db.url), ...(s.name === 'activation' ? activationEnv : {}) },
      }),
    ),
  );
  return {
    groups,
    running,
    client,
    async stop() {
      await Promise.all(running.map((r) => r.stop('SIGTERM')));
      await client.close();
      await db.drop();
    },
  };
}

/** Waits for each group in turn until it has nothing left; returns the seconds since `started` when each was drained. */
export async function drainedAfter(pipeline: Pipeline, started: number, timeoutMs = 30 * 60_000): Promise<Record<string, number>> {
  const drainedS: Record<string, number> = {};
  for (const g of pipeline.groups) {
    while ((await pipeline.client.groupLag(g.groupId, g.topics)) > 0) {
      if (performance.now() - started > timeoutMs) throw new Error(`${g.name} still behind after ${Math.round(timeoutMs / 1000)} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    drainedS[g.name] = Number(((performance.now() - started) / 1000).toFixed(1));
  }
  return drainedS;
}

async function e2eRun(options: Options, payloads: readonly Payload[]): Promise<{ eventsPerS: number; drainedS: Record<string, number> }> {
  const kafka = benchKafka(options.env);
  const pipeline = await startPipeline(options);
  try {
    await new Promise((r) => setTimeout(r, 3000)); // joined and assigned
    const started = performance.now();
    await produceAll(kafka, payloads);
    // Each service in turn until its group has nothing left: the last one drained is the pipeline's end.
    const drainedS = await drainedAfter(pipeline, started);
    return { eventsPerS: (payloads.length / (performance.now() - started)) * 1000, drainedS };
  } finally {
    await pipeline.stop();
  }
}

export async function e2eScenario(options: Options): Promise<ScenarioResult> {
  const payloads = dataSet(options.quick ? 1000 : 5000);
  const e2e: number[] = [];
  const pass: number[] = [];
  const drained: Record<string, number>[] = [];
  for (let i = 0; i < (options.quick ? 1 : 3); i++) {
    pass.push(await passthroughRun(options, payloads));
    const r = await e2eRun(options, payloads);
    e2e.push(r.eventsPerS);
    drained.push(r.drainedS);
  }
  const m = median(e2e);
  const b = median(pass);
  return {
    scenario: 'e2e',
    metrics: { events_per_s: Math.round(m) },
    baseline: { events_per_s: Math.round(b) },
    ratio: Number((m / b).toFixed(3)),
    config: {
      messages: payloads.length,
      e2e_runs: e2e.map(Math.round),
      passthrough_runs: pass.map(Math.round),
      drained_after_s: drained,
      partitions: PARTITIONS,
      instances: 1,
    },
    notes: [
      'ingestor, resolver, insights and activation as their own processes (one instance each) on one fresh database; native payloads produced to the source topics as fast as the producer goes; events_per_s: payloads over the time from the first produced to the last service drained',
      'drained_after_s: when each service had consumed everything (they run concurrently; the last is the pipeline end); passthrough measured interleaved in the same run',
    ],
  };
}
