// `npm run bench -- <scenario...> [--quick] [--rate N] [--instances N] [--json FILE]`: measures c360 on the real
// local stack with data from the generator, each figure beside a baseline measured in the same run.
// The scenarios live in ./scenarios, the Kafka plumbing in ./kafka, the data sets in ./data-sets.
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, type Env, type Scenario, type ScenarioResult } from './scenario';
import { ingestScenario, passthroughScenario } from './scenarios/ingest';
import { resolveScenario, scaleScenario } from './scenarios/resolve';
import { e2eScenario } from './scenarios/e2e';
import { insightsScenario } from './scenarios/insights';
import { activateScenario } from './scenarios/activate';
import { latencyScenario } from './scenarios/latency';
import { accuracyScenario } from './scenarios/accuracy';

export type { ScenarioResult } from './scenario';

/** In the order they run when none is named. */
const SCENARIOS: Record<string, Scenario> = {
  passthrough: passthroughScenario,
  ingest: ingestScenario,
  resolve: resolveScenario,
  insights: insightsScenario,
  activate: activateScenario,
  e2e: e2eScenario,
  latency: latencyScenario,
  accuracy: accuracyScenario,
  scale: scaleScenario,
};

const DEFAULT_RATE = 1000;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      rate: { type: 'string', default: String(DEFAULT_RATE) },
      instances: { type: 'string', default: '1' },
    },
  });
  const names = positionals.length > 0 ? positionals : Object.keys(SCENARIOS);
  const unknown = names.filter((n) => !(n in SCENARIOS));
  const rate = Number(values.rate);
  const instances = Number(values.instances);
  if (unknown.length > 0 || !(rate > 0) || !(Number.isInteger(instances) && instances >= 1)) {
    if (unknown.length > 0) console.error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
    else if (!(rate > 0)) console.error(`--rate must be a positive number of events a second, not ${values.rate}`);
    else console.error(`--instances must be a whole number of resolver processes, 1 or more, not ${values.instances}`);
    return 2;
  }
  const { ensureStack } = (await import(join(ROOT, 'tools/stack/stack.mjs'))) as { ensureStack: () => Promise<Env> };
  const env = await ensureStack();
  const machine = {
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
  };
  const started = Date.now();
  const results: ScenarioResult[] = [];
  for (const name of names) {
    console.error(`▶ ${name}${values.quick ? ' (quick)' : ''}`);
    results.push(await SCENARIOS[name]!({ quick: values.quick, env, runId: Date.now().toString(36), rate, instances }));
  }
  const duration_s = Math.round((Date.now() - started) / 1000);
  console.log(
    `\nc360 bench, ${new Date().toISOString().slice(0, 10)}, ${machine.cores} cores, ${machine.memory_gb} GiB, ${machine.cpu}, node ${machine.node}; ${duration_s} s`,
  );
  console.log('scenario      metric              value      baseline   ratio');
  for (const r of results) {
    for (const [k, v] of Object.entries(r.metrics)) {
      console.log(
        `${r.scenario.padEnd(14)}${k.padEnd(20)}${String(v).padStart(9)}  ${String(r.baseline[k] ?? '').padStart(9)}   ${r.ratio ?? ''}`,
      );
    }
  }
  if (values.json) {
    mkdirSync(dirname(values.json), { recursive: true });
    writeFileSync(
      values.json,
      JSON.stringify({ date: new Date().toISOString(), machine, duration_s, quick: values.quick, results }, null, 2),
    );
    console.log(`\nJSON written to ${values.json}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
