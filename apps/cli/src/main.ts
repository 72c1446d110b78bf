// `c360`: the command line. generate: synthetic multi-channel data with ground truth, to files
// or to the source topics; score: the resolver's clusters against that ground truth.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { DEFAULT_NOISE, generate, scoreClusters, type GeneratedDataSet, type NoiseRates, type SourceName } from '@c360/generator';
import { Topics } from '@c360/schemas';

const SOURCE_TOPICS: Record<SourceName, string> = {
  ecommerce: Topics.sourceEcommerceOrders.name,
  pos: Topics.sourcePosReceipts.name,
};

const USAGE = `usage:
  c360 generate --persons N --seed S --out DIR [--bad-rate 0.005] [--noise household=0.3,storePhone=0.02,...]
  c360 generate --persons N --seed S --to-kafka [--rate EVENTS_PER_S] [--truth-out DIR]
  c360 score --truth DIR/truth.json [--clusters FILE.json | --database-url URL]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return generateCommand(rest);
    case 'score':
      return scoreCommand(rest);
    case undefined:
    default:
      console.error(USAGE);
      return 2;
  }
}

function ratesTable(): { reportingCurrency: string; rates: Record<string, number> } {
  return JSON.parse(readFileSync(join(process.env.C360_ROOT ?? process.cwd(), 'apps/ingestor/config/rates.json'), 'utf8')) as { reportingCurrency: string; rates: Record<string, number> };
}

async function generateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      persons: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'to-kafka': { type: 'boolean', default: false },
      rate: { type: 'string', default: '1000' },
      'bad-rate': { type: 'string', default: '0.005' },
      'truth-out': { type: 'string' },
      noise: { type: 'string', default: '' },
    },
  });
  const noise = Object.fromEntries(
    (values.noise ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const [k, v] = kv.split('=');
        if (!k || !(k in DEFAULT_NOISE) || !(Number(v) >= 0 && Number(v) <= 1)) throw new Error(`--noise ${kv}: use name=rate with a name of ${Object.keys(DEFAULT_NOISE).join(', ')}`);
        return [k, Number(v)];
      }),
  ) as Partial<NoiseRates>;
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  if (!Number.isInteger(persons) || persons <= 0 || !Number.isInteger(seed) || (!values.out && !values['to-kafka'])) {
    console.error(USAGE);
    return 2;
  }
  const table = ratesTable();
  const started = Date.now();
  const data = generate({ persons, seed, noise, rates: table.rates, reportingCurrency: table.reportingCurrency, badRate: Number(values['bad-rate']) });
  console.error(`generated ${persons} persons, ${data.messages.length} source messages (${data.truth.bad.length} deliberately bad) in ${Date.now() - started} ms`);
  const truthDir = values.out ?? values['truth-out'];
  if (truthDir) writeDataSet(truthDir, data, { persons, seed });
  if (values['to-kafka']) await produce(data, Number(values.rate));
  return 0;
}

function writeDataSet(dir: string, data: GeneratedDataSet, options: { persons: number; seed: number }): void {
  mkdirSync(dir, { recursive: true });
  for (const source of Object.keys(SOURCE_TOPICS) as SourceName[]) {
    const lines = data.messages.filter((m) => m.source === source).map((m) => JSON.stringify({ key: m.key, value: m.value }));
    writeFileSync(join(dir, `${source}.jsonl`), lines.join('\n') + '\n');
  }
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(data.truth));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ ...options, messages: data.messages.length, records: data.truth.records.length, bad: data.truth.bad.length, topics: SOURCE_TOPICS }, null, 2) + '\n',
  );
  console.error(`wrote ${dir}/{ecommerce,pos}.jsonl, truth.json, manifest.json`);
}

async function produce(data: GeneratedDataSet, rate: number): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  const kafka = new Kafka({ clientId: 'c360-generator', brokers, logLevel: logLevel.WARN });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const bar = new SingleBar({ format: 'producing [{bar}] {value}/{total} messages | {eta}s left | {rate}/s' }, Presets.shades_classic);
  bar.start(data.messages.length, 0, { rate: 0 });
  const started = Date.now();
  const chunk = Math.max(1, Math.min(500, Math.round(rate / 10)));
  for (let i = 0; i < data.messages.length; i += chunk) {
    const slice = data.messages.slice(i, i + chunk);
    const bySource = new Map<SourceName, { key: string; value: string }[]>();
    for (const m of slice) bySource.set(m.source, [...(bySource.get(m.source) ?? []), { key: m.key, value: m.value }]);
    await producer.sendBatch({ acks: -1, topicMessages: [...bySource].map(([source, messages]) => ({ topic: SOURCE_TOPICS[source], messages })) });
    const sent = i + slice.length;
    // Pace to the requested rate.
    const due = started + (sent / rate) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    bar.update(sent, { rate: Math.round(sent / Math.max(0.001, (Date.now() - started) / 1000)) });
  }
  bar.stop();
  await producer.disconnect();
}

async function scoreCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { truth: { type: 'string' }, clusters: { type: 'string' }, 'database-url': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.truth) {
    console.error(USAGE);
    return 2;
  }
  const truthFile = JSON.parse(readFileSync(values.truth, 'utf8')) as GeneratedDataSet['truth'];
  const truth = new Map(truthFile.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r.personId]));
  const households = new Map(truthFile.records.map((r) => [`${r.source}:${r.sourceRecordId}`, r.householdId]));
  const predicted = values.clusters
    ? new Map(Object.entries(JSON.parse(readFileSync(values.clusters, 'utf8')) as Record<string, string>))
    : await clustersFromResolver(values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://c360:c360@127.0.0.1:15432/c360');
  const scores = scoreClusters(predicted, truth);
  const householdScores = scoreClusters(predicted, households, 0);
  if (values.json) {
    console.log(JSON.stringify({ ...scores, household: householdScores.pairwise }, null, 2));
    return 0;
  }
  const f = (x: number) => x.toFixed(4);
  console.log(`records scored: ${scores.records}`);
  console.log(`pairwise   precision ${f(scores.pairwise.precision)}  recall ${f(scores.pairwise.recall)}  F1 ${f(scores.pairwise.f1)}`);
  console.log(`B-cubed    precision ${f(scores.bcubed.precision)}  recall ${f(scores.bcubed.recall)}  F1 ${f(scores.bcubed.f1)}`);
  console.log(`households pairwise F1 ${f(householdScores.pairwise.f1)} (profiles against true households)`);
  for (const m of scores.worstFalseMerges.slice(0, 5)) console.log(`false merge  ${m.cluster}: ${JSON.stringify(m.persons)} (${m.wrongPairs} wrong pairs)`);
  for (const m of scores.worstMissedLinks.slice(0, 5)) console.log(`missed link  ${m.person}: ${JSON.stringify(m.clusters)} (${m.missedPairs} missed pairs)`);
  return 0;
}

async function clustersFromResolver(url: string): Promise<Map<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ record: string; profile_id: string }>(
      `SELECT source || ':' || source_record_id AS record, profile_id FROM resolver.source_records`,
    );
    return new Map(rows.map((r) => [r.record, r.profile_id]));
  } finally {
    await client.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
