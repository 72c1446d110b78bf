// The four services as long-lived processes of their own, for the demo and for exploring after
// it. Unlike the test harness's startService (which ties a service to the test process and pipes
// its output through it), these are detached and write straight to their log files, so they
// outlive `npm run demo`; `npm run demo -- stop` ends them by the pids kept in services.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import type { ServiceName } from '@c360/testing';

export interface ServiceSpec {
  readonly name: ServiceName;
  readonly port: number;
}

/**
 * The services' HTTP ports: C360_DEMO_PORT_BASE + 1 to + 4 (3101 to 3104 by default), so a second
 * checkout can run its own demo beside another one (with its own stack: C360_KAFKA_PORT, ...).
 */
export function demoPortBase(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['C360_DEMO_PORT_BASE'];
  if (raw === undefined || raw === '') return 3100;
  const base = Number(raw);
  if (!Number.isInteger(base) || base < 1 || base > 65_531)
    throw new Error(`C360_DEMO_PORT_BASE must be a port number up to 65531, got ${raw}`);
  return base;
}

const ORDER: readonly ServiceName[] = ['ingestor', 'resolver', 'insights', 'activation'];

export const servicesAt = (base: number): ServiceSpec[] => ORDER.map((name, i) => ({ name, port: base + i + 1 }));

export const SERVICES: readonly ServiceSpec[] = servicesAt(demoPortBase());

export const serviceUrl = (name: ServiceName): string => `http://127.0.0.1:${SERVICES.find((s) => s.name === name)!.port}`;

/** The HTTP collect key of each source on the ingestor the demo starts (local only). */
export const demoApiKey = (source: string): string => `demo-${source}-local-key`;
/**
 * The demo's resolver keeps the graph in memory between batches (the warm store,
 * docs/architecture.md "Concurrency"): a demo graph fits (20,000 persons are about 100,000
 * records, about 1 GB), and the resolver sets the demo's pace. Past it, batches load from Postgres.
 */
const DEMO_GRAPH_CACHE_RECORDS = 150_000;
/** The profile API key of the resolver the demo starts (local only). */
export const PROFILES_API_KEY = 'demo-profile-reader-key-local-only';

interface PidEntry {
  readonly name: string;
  readonly pid: number;
}

export interface Started {
  readonly name: ServiceName;
  readonly port: number;
  /** null: it already answered, the demo did not start it. */
  readonly pid: number | null;
  readonly logFile: string;
}

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Something listens on the port: a service that is there, even if too busy to say it is ready. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(1_000);
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Spawns each service that nothing listens for on its port yet and records its pid (keeping the
 * entries of earlier runs that are still alive). Returns at once; `waitReady` waits for them.
 */
export async function launchServices(options: {
  readonly root: string;
  readonly logDir: string;
  readonly pidFile: string;
  readonly env: Record<string, string>;
  readonly sources: readonly string[];
}): Promise<{ started: Started[]; children: Map<ServiceName, ChildProcess> }> {
  mkdirSync(options.logDir, { recursive: true });
  const started: Started[] = [];
  const children = new Map<ServiceName, ChildProcess>();
  const up = await Promise.all(SERVICES.map((s) => listening(s.port)));
  SERVICES.forEach(({ name, port }, i) => {
    const logFile = join(options.logDir, `${name}.log`);
    if (up[i]) {
      started.push({ name, port, pid: null, logFile });
      return;
    }
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [join(options.root, 'dist', 'apps', name, 'src', 'main.js')], {
      cwd: options.root,
      env: {
        ...process.env,
        ...options.env,
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        ...(name === 'ingestor' ? { SOURCE_API_KEYS: options.sources.map((s) => `${s}=${demoApiKey(s)}`).join(',') } : {}),
        ...(name === 'resolver' ? { API_KEYS: `demo:profiles.read+profiles.steward:${PROFILES_API_KEY}`, GRAPH_CACHE_RECORDS: String(DEMO_GRAPH_CACHE_RECORDS) } : {}),
      },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    closeSync(fd);
    child.unref();
    children.set(name, child);
    started.push({ name, port, pid: child.pid ?? null, logFile });
  });
  const previous: PidEntry[] = existsSync(options.pidFile) ? (JSON.parse(readFileSync(options.pidFile, 'utf8')) as PidEntry[]) : [];
  const kept = previous.filter((e) => alive(e.pid) && !children.has(e.name as ServiceName));
  const added = [...children].map(([name, child]) => ({ name, pid: child.pid! }));
  if (added.length > 0 || kept.length !== previous.length) writeFileSync(options.pidFile, JSON.stringify([...kept, ...added]));
  return { started, children };
}

/** Waits until every service answers /health/ready; a spawned one that exits fails with its log. */
export async function waitReady(
  started: readonly Started[],
  children: ReadonlyMap<ServiceName, ChildProcess>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(started.map((s) => s.name));
  while (pending.size > 0) {
    for (const s of started) {
      if (!pending.has(s.name)) continue;
      const child = children.get(s.name);
      if (child && child.exitCode !== null)
        throw new Error(`${s.name} exited with code ${child.exitCode} while starting; see ${s.logFile}`);
      if (await ready(s.port)) pending.delete(s.name);
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline)
      throw new Error(
        `${[...pending].join(', ')} not ready within ${timeoutMs / 1000} s; see ${started[0]!.logFile.replace(/[^/]+$/, '')}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
