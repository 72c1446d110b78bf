#!/usr/bin/env node
// Entry point of `npm run demo`: builds the workspace, then runs the demo app (apps/demo), which
// starts the stack and the services if needed, streams generated customers through them and
// summarises what c360 made of them. `npm run demo -- stop` needs no build: it stops the
// services the demo started (pids in tmp/demo-logs/services.json), then the local stack.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pidFile = join(root, 'tmp', 'demo-logs', 'services.json');

async function stop() {
  if (existsSync(pidFile)) {
    const services = JSON.parse(readFileSync(pidFile, 'utf8')).filter(({ name, pid }) => alive(pid) && ours(name, pid));
    for (const { pid } of services) process.kill(pid, 'SIGTERM');
    // Each one finishes its batch in progress and commits it before it exits.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && services.some(({ pid }) => alive(pid))) await new Promise((r) => setTimeout(r, 100));
    for (const { name, pid } of services) console.log(`${alive(pid) ? 'still stopping' : 'stopped'} ${name} (pid ${pid})`);
    rmSync(pidFile);
  }
  const { stopStack } = await import(join(root, 'tools/stack/stack.mjs'));
  await stopStack();
}

/** The pid still runs that service (not another process that got the pid after a reboot). */
function ours(name, pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(join('dist', 'apps', name));
  } catch {
    return process.platform !== 'linux';
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[2] === 'stop') {
  await stop();
  process.exit(0);
}
process.env.C360_DEMO_LAUNCHED_AT = String(Date.now());
(await import(join(root, 'tools/build.mjs'))).buildWorkspace();
process.env.C360_ROOT = root;
createRequire(import.meta.url)(join(root, 'dist', 'apps', 'demo', 'src', 'main.js'));
