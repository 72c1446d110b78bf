// Runs a c360 service as its own process, as in production, from the swc build in dist/.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export type ServiceName = 'ingestor' | 'resolver' | 'insights' | 'activation';

export interface RunningService {
  readonly name: ServiceName;
  readonly url: string;
  readonly process: ChildProcess;
  readonly logFile: string;
  /** Sends the signal and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  readonly env: Record<string, string>;
  readonly port: number;
  readonly logDir: string;
  readonly readyTimeoutMs?: number;
}

/** The workspace root (where nx.json is), whether this runs from the sources or from dist/. */
function workspaceRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${__dirname}`);
  }
}
const root = workspaceRoot();

export async function startService(name: ServiceName, options: StartOptions): Promise<RunningService> {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = join(options.logDir, `${name}-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, ...options.env, HTTP_PORT: String(options.port), HTTP_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the test process, whatever ends it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const service: RunningService = {
    name,
    url,
    process: child,
    logFile,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting; see ${logFile}`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return service;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await service.stop('SIGKILL');
  throw new Error(`${name} was not ready within ${options.readyTimeoutMs ?? 60_000} ms; see ${logFile}`);
}

/** A port nothing listens on right now, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
