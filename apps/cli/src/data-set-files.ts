// A generated data set on disk: one JSON Lines file per source, in time order, each line
// {"at": epoch ms, "key": Kafka key, "value": the native payload}; truth.json; manifest.json.
// The payload is embedded as JSON (JSON.stringify(value) gives back the exact bytes), or as a
// string when its bytes are not JSON (a deliberately truncated one). Written in buffered chunks,
// so a data set of any size never becomes one string in memory.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES, type GeneratedDataSet, type GroundTruth, type SourceName } from '@c360/generator';

class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    // Small chunks: the lines die young instead of filling the old generation.
    if (this.size > 1 << 16) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.bytes += writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

export interface WrittenFile {
  readonly file: string;
  readonly messages: number;
  readonly bytes: number;
}

/** Writes `<source>.jsonl` per source; returns what went where. */
export function writeMessages(dir: string, data: GeneratedDataSet): Record<SourceName, WrittenFile> {
  mkdirSync(dir, { recursive: true });
  const files = new Map(SOURCES.map((s) => [s, new BufferedFile(join(dir, `${s}.jsonl`))]));
  const counts = new Map<SourceName, number>();
  const notJson = new Set(data.truth.bad.filter((b) => b.reason === 'invalid-json').map((b) => b.index));
  data.messages.forEach((m, i) => {
    const value = notJson.has(i) ? JSON.stringify(m.value) : m.value;
    files.get(m.source)!.write(`{"at":${m.at},"key":${JSON.stringify(m.key)},"value":${value}}\n`);
    counts.set(m.source, (counts.get(m.source) ?? 0) + 1);
  });
  const written = {} as Record<SourceName, WrittenFile>;
  for (const [source, file] of files) {
    file.close();
    written[source] = { file: `${source}.jsonl`, messages: counts.get(source) ?? 0, bytes: file.bytes };
  }
  return written;
}

/** truth.json: one JSON document, one record or person per line. */
export function writeTruth(dir: string, truth: GroundTruth): number {
  mkdirSync(dir, { recursive: true });
  const file = new BufferedFile(join(dir, 'truth.json'));
  file.write(`{"reportingCurrency":${JSON.stringify(truth.reportingCurrency)}`);
  for (const key of ['records', 'persons', 'bad', 'duplicates'] as const) {
    file.write(`,\n"${key}":[`);
    truth[key].forEach((item, i) => file.write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`));
    file.write('\n]');
  }
  file.write('}\n');
  file.close();
  return file.bytes;
}

export function writeJson(path: string, value: unknown): void {
  const file = new BufferedFile(path);
  file.write(`${JSON.stringify(value, null, 2)}\n`);
  file.close();
}

/** Reads truth.json, given the file or the data set's directory. */
export function readTruth(path: string): GroundTruth {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'truth.json') : path;
  return JSON.parse(readFileSync(file, 'utf8')) as GroundTruth;
}
