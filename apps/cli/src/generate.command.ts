// `c360 generate`: synthetic customers across the channels, to files (one JSON Lines file per
// source, the ground truth, a manifest) or straight to the source topics at a chosen rate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import {
  DEFAULT_BEHAVIOUR,
  DEFAULT_END,
  DEFAULT_NOISE,
  SOURCES,
  generate,
  parseBehaviour,
  parseNoise,
  type GeneratedDataSet,
  type SourceName,
} from '@c360/generator';
import { sourceTopic } from '@c360/schemas';
import { writeJson, writeMessages, writeTruth, type WrittenFile } from './data-set-files';

export const GENERATE_USAGE = `  c360 generate --persons N --seed S --out DIR [options]
  c360 generate --persons N --seed S --to-kafka [--rate MESSAGES_PER_S] [--truth-out DIR] [options]
      options: --bad-rate 0.005  --days 365  --end 2026-11-01
               --noise name=rate,...      (${Object.keys(DEFAULT_NOISE).length} rates, see docs/synthetic-data.md)
               --behaviour name=rate,...  (${Object.keys(DEFAULT_BEHAVIOUR).join(', ')})`;

interface Root {
  readonly root: string;
}

export async function generateCommand(args: string[], { root }: Root): Promise<number> {
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
      behaviour: { type: 'string', default: '' },
      days: { type: 'string', default: '365' },
      end: { type: 'string' },
    },
  });
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  const rate = Number(values.rate);
  const badRate = Number(values['bad-rate']);
  const days = Number(values.days);
  const end = values.end ? Date.parse(`${values.end}T00:00:00Z`) : DEFAULT_END;
  const problems = [
    !Number.isInteger(persons) || persons <= 0 ? '--persons must be a positive whole number' : null,
    !Number.isInteger(seed) ? '--seed must be a whole number' : null,
    !values.out && !values['to-kafka'] ? 'give --out DIR or --to-kafka' : null,
    values['to-kafka'] && !(rate > 0) ? '--rate must be positive' : null,
    !(badRate >= 0 && badRate <= 1) ? '--bad-rate must be from 0 to 1' : null,
    !(days > 0) ? '--days must be positive' : null,
    !Number.isFinite(end) ? '--end must be a date (YYYY-MM-DD)' : null,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\nusage:\n${GENERATE_USAGE}`);
    return 2;
  }
  const noise = parseNoise(values.noise ?? '');
  const behaviour = parseBehaviour(values.behaviour ?? '');
  const table = JSON.parse(readFileSync(join(root, 'apps/ingestor/config/rates.json'), 'utf8')) as {
    reportingCurrency: string;
    rates: Record<string, number>;
  };

  const started = Date.now();
  const data = generate({
    persons,
    seed,
    noise,
    behaviour,
    badRate,
    days,
    end,
    rates: table.rates,
    reportingCurrency: table.reportingCurrency,
  });
  console.error(
    `generated ${persons} persons: ${data.messages.length} messages (${data.truth.bad.length} deliberately bad, ${data.truth.duplicates.length} duplicated), ` +
      `${data.truth.records.length} source records, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const options = {
    persons,
    seed,
    days,
    end: new Date(end).toISOString(),
    badRate,
    noise: { ...DEFAULT_NOISE, ...noise },
    behaviour: { ...DEFAULT_BEHAVIOUR, ...behaviour },
  };
  const truthDir = values.out ?? values['truth-out'];
  let files: Record<SourceName, WrittenFile> | null = null;
  if (values.out) files = writeMessages(values.out, data);
  if (truthDir) {
    const truthBytes = writeTruth(truthDir, data.truth);
    writeJson(join(truthDir, 'manifest.json'), manifest(options, data, files, truthBytes, table.reportingCurrency));
    console.error(
      `wrote ${files ? `${SOURCES.map((s) => `${s}.jsonl`).join(', ')}, ` : ''}truth.json, manifest.json to ${truthDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  if (values['to-kafka']) await produce(data, rate);
  return 0;
}

function manifest(
  options: object,
  data: GeneratedDataSet,
  files: Record<SourceName, WrittenFile> | null,
  truthBytes: number,
  reportingCurrency: string,
) {
  const counts = new Map<SourceName, number>();
  for (const m of data.messages) counts.set(m.source, (counts.get(m.source) ?? 0) + 1);
  return {
    generator: options,
    reportingCurrency,
    messages: data.messages.length,
    records: data.truth.records.length,
    bad: data.truth.bad.length,
    duplicates: data.truth.duplicates.length,
    sources: Object.fromEntries(
      SOURCES.map((s) => [
        s,
        { topic: sourceTopic(s).name, messages: counts.get(s) ?? 0, ...(files ? { file: files[s].file, bytes: files[s].bytes } : {}) },
      ]),
    ),
    truth: { file: 'truth.json', bytes: truthBytes },
  };
}

/** Produces to the source topics in time order, paced to `rate` messages a second. */
async function produce(data: GeneratedDataSet, rate: number): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  const kafka = new Kafka({ clientId: 'c360-generator', brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  // Creating an existing topic is a no-op; a fresh cluster gets the topics the catalog describes.
  await admin.createTopics({
    waitForLeaders: true,
    topics: SOURCES.map((s) => ({ topic: sourceTopic(s).name, numPartitions: sourceTopic(s).partitions })),
  });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const topics = new Map(SOURCES.map((s) => [s, sourceTopic(s).name]));
  const bar = new SingleBar({ format: 'producing [{bar}] {value}/{total} messages | {eta}s left | {speed}/s' }, Presets.shades_classic);
  bar.start(data.messages.length, 0, { speed: 0 });
  const started = Date.now();
  const chunk = Math.max(1, Math.min(1000, Math.round(rate / 10)));
  try {
    for (let i = 0; i < data.messages.length; i += chunk) {
      const slice = data.messages.slice(i, i + chunk);
      const byTopic = new Map<string, { key: string; value: string }[]>();
      for (const m of slice) {
        const topic = topics.get(m.source)!;
        const list = byTopic.get(topic);
        if (list) list.push({ key: m.key, value: m.value });
        else byTopic.set(topic, [{ key: m.key, value: m.value }]);
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      const sent = i + slice.length;
      const due = started + (sent / rate) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      bar.update(sent, { speed: Math.round(sent / Math.max(0.001, (Date.now() - started) / 1000)) });
    }
  } finally {
    bar.stop();
    await producer.disconnect();
  }
}
