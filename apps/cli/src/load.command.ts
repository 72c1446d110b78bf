// `c360 load`: backfills a file of native records (CSV or JSON Lines) through the ingestor's
// mapping path: the same mapNative, the same canonical topic, the same dead-letter contract.
// The mapping is a source's (by name, from apps/ingestor/mappings) or any mapping file (by path),
// so a legacy export with its own columns needs only its own mapping file.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse';
import { SingleBar, Presets } from 'cli-progress';
import { mapNative, parseSourceMapping, type SourceMapping } from '@c360/ingestor-domain';
import { AvroCodec, KafkajsTransport, Publisher, type Outgoing } from '@c360/messaging';
import { Headers, Topics, type CanonicalEvent, type DeadLetter } from '@c360/schemas';

export const LOAD_USAGE = `  c360 load --source NAME [--mapping NAME|FILE.json] FILE.csv|FILE.jsonl [--batch 500]
      (Kafka and the registry from KAFKA_BROKERS and SCHEMA_REGISTRY_URL, else the local stack)`;

export interface LoadSummary {
  read: number;
  accepted: number;
  deadLettered: Record<string, number>;
}

interface Root {
  readonly root: string;
}

export async function loadCommand(args: string[], { root }: Root): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { source: { type: 'string' }, mapping: { type: 'string' }, batch: { type: 'string', default: '500' } },
  });
  const file = positionals[0];
  if (!values.source || !file || !existsSync(file)) {
    console.error(`usage:\n${LOAD_USAGE}${file && !existsSync(file) ? `\nno such file: ${file}` : ''}`);
    return 2;
  }
  const mapping = readMapping(values.mapping ?? values.source, root);
  if (mapping.source !== values.source) {
    console.error(`mapping ${values.mapping} is for source ${mapping.source}, not ${values.source}`);
    return 2;
  }
  const rates = JSON.parse(readFileSync(join(root, 'apps/ingestor/config/rates.json'), 'utf8')) as { reportingCurrency: string; rates: Record<string, number> };
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  const transport = new KafkajsTransport({ brokers, clientId: 'c360-load' });
  const codec = new AvroCodec(process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:18081');
  const producer = transport.producer();
  const admin = await transport.admin();
  await admin.ensureTopics([Topics.canonicalEvents, Topics.deadLetterIngestor]);
  await admin.disconnect();
  await codec.register(Topics.canonicalEvents);
  await codec.register(Topics.deadLetterIngestor);
  await producer.connect();
  const publisher = new Publisher(producer, codec);

  const summary: LoadSummary = { read: 0, accepted: 0, deadLettered: {} };
  const bar = new SingleBar({ format: 'load {bar} {percentage}% | {value}/{total} bytes | {read} read, {accepted} accepted, {rejected} dead-lettered' }, Presets.shades_classic);
  const size = Math.max(1, (await import('node:fs')).statSync(file).size);
  bar.start(size, 0, { read: 0, accepted: 0, rejected: 0 });
  const batchSize = Math.max(1, Number(values.batch));
  let batch: { bytes: Buffer; line: number }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const ctx = { reportingCurrency: rates.reportingCurrency, rates: rates.rates, ingestedAt: Date.now() };
    const accepted: Outgoing<CanonicalEvent>[] = [];
    const letters: Outgoing<DeadLetter>[] = [];
    for (const { bytes, line } of batch) {
      const r = mapNative(mapping, bytes, ctx);
      if (r.ok) {
        accepted.push({ key: `${r.event.source}:${r.event.sourceRecordId}`, value: r.event, headers: { [Headers.eventId]: r.event.eventId, [Headers.ingestedAt]: String(r.event.ingestedAt) } });
      } else {
        summary.deadLettered[r.reasonCode] = (summary.deadLettered[r.reasonCode] ?? 0) + 1;
        letters.push({ key: null, value: deadLetter(mapping.source, file, line, r.reasonCode, r.message, r.field, bytes) });
      }
    }
    await publisher.publish(Topics.canonicalEvents, accepted);
    await publisher.publish(Topics.deadLetterIngestor, letters);
    summary.accepted += accepted.length;
    batch = [];
  };

  try {
    for await (const { bytes, line, position } of records(file)) {
      summary.read += 1;
      batch.push({ bytes, line });
      if (batch.length >= batchSize) {
        await flush();
        bar.update(position, { read: summary.read, accepted: summary.accepted, rejected: summary.read - summary.accepted - batch.length });
      }
    }
    await flush();
    bar.update(size, { read: summary.read, accepted: summary.accepted, rejected: summary.read - summary.accepted });
  } finally {
    bar.stop();
    await producer.disconnect();
  }
  const rejected = Object.entries(summary.deadLettered).sort(([, a], [, b]) => b - a);
  console.log(`read ${summary.read}, accepted ${summary.accepted}, dead-lettered ${summary.read - summary.accepted}${rejected.length ? ` (${rejected.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`);
  console.log(JSON.stringify(summary));
  return 0;
}

function readMapping(nameOrPath: string, root: string): SourceMapping {
  const path = nameOrPath.endsWith('.json') ? resolve(nameOrPath) : join(root, 'apps/ingestor/mappings', `${nameOrPath}.json`);
  if (!existsSync(path)) throw new Error(`no mapping ${nameOrPath} (looked for ${path})`);
  return parseSourceMapping(JSON.parse(readFileSync(path, 'utf8')), path);
}

/**
 * The file's records as the bytes a source would send: a JSON Lines line as it is, a CSV row as
 * a JSON object whose dotted headers (customer.email) become nested fields.
 */
async function* records(file: string): AsyncGenerator<{ bytes: Buffer; line: number; position: number }> {
  const stream = createReadStream(file);
  if (file.endsWith('.csv')) {
    const parser = stream.pipe(parseCsv({ columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, info: true }));
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { bytes: Buffer.from(JSON.stringify(nest(record))), line: info.lines, position: stream.bytesRead };
    }
    return;
  }
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    yield { bytes: Buffer.from(text), line, position: stream.bytesRead };
  }
}

/** {"customer.email": "a@b"} → {"customer": {"email": "a@b"}}; empty cells are left out, as a source omits a field. */
export function nest(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [header, value] of Object.entries(row)) {
    if (value === '') continue;
    const parts = header.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  return out;
}

function deadLetter(source: string, file: string, line: number, reasonCode: string, reason: string, field: string | undefined, bytes: Buffer): DeadLetter {
  return {
    service: 'ingestor',
    consumerGroup: 'bulk-load',
    sourceTopic: `file:${file}`,
    sourcePartition: -1,
    sourceOffset: line,
    reasonCode,
    reason,
    field: field ?? null,
    source,
    originalKey: null,
    originalValue: bytes,
    originalHeaders: {},
    failedAt: Date.now(),
  };
}
