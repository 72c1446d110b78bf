// What every scenario shares: its options, the shape of its result, and small arithmetic.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = process.env.C360_ROOT ?? process.cwd();

export interface Env {
  readonly KAFKA_BROKERS: string;
  readonly SCHEMA_REGISTRY_URL: string;
  readonly DATABASE_URL: string;
}

export interface Options {
  readonly quick: boolean;
  readonly env: Env;
  readonly runId: string;
  /** Source events a second for the scenarios that stream at a steady rate (latency). */
  readonly rate: number;
  /** Resolver processes in the `resolve` scenario (one consumer group, one database). */
  readonly instances: number;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly metrics: Record<string, number>;
  readonly baseline: Record<string, number>;
  readonly ratio: number | null;
  readonly config: Record<string, unknown>;
  readonly notes: string[];
}

export type Scenario = (options: Options) => Promise<ScenarioResult>;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Nearest-rank quantile of an ascending array (as the demo's figures compute it); NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1]!;
}

/** Resident memory of a process now, MB (Linux /proc): one sample, low or high as the garbage collector last left it. */
export function rssOf(pid: number): number {
  return statusMb(pid, 'VmRSS');
}

/** The most resident memory a process has had since it started or since `resetPeakRss`, MB (VmHWM). */
export function peakRssOf(pid: number): number {
  return statusMb(pid, 'VmHWM');
}

/** Starts a process's peak resident memory again from its current size (Linux: `clear_refs` 5). */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * CPU seconds a process has used so far, user and system, its threads (the garbage collector's
 * helpers) included: what a run cost the process itself, which other load on a shared machine
 * changes far less than it changes wall time.
 */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Where the services a scenario starts write their logs. */
export const logDirOf = (options: Options) => join(ROOT, 'tmp', 'bench-logs', options.runId);

/** The environment every service process gets: the stack, its own group, quiet logs. */
export const serviceEnv = (options: Options, groupId: string, databaseUrl?: string): Record<string, string> => ({
  KAFKA_BROKERS: options.env.KAFKA_BROKERS,
  SCHEMA_REGISTRY_URL: options.env.SCHEMA_REGISTRY_URL,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  KAFKA_GROUP_ID: groupId,
  LOG_LEVEL: 'warn',
});

export const suffix = () => Math.random().toString(36).slice(2, 6);

export const round = (x: number, digits = 4) => Number(x.toFixed(digits));
