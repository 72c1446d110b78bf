#!/usr/bin/env node
// Builds the workspace with swc into dist/ (a second or two). A fresh tree every time, swapped in
// whole: a file deleted from the sources must not live on in dist/ and shadow its replacement
// (`normalise.js` beside a new `normalise/` folder), and services already running from dist/
// keep the modules they loaded.
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function buildWorkspace() {
  const next = join(root, `dist.next-${process.pid}`);
  const old = join(root, `dist.old-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules/@swc/cli/bin/swc.js'), 'apps', 'libs', '-d', next, '--quiet'], { cwd: root, stdio: 'inherit' });
  const dist = join(root, 'dist');
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildWorkspace();
