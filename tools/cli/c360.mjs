#!/usr/bin/env node
// Entry point of `npx c360`: builds the workspace once if needed, then runs the CLI app.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
// swc compiles the whole workspace in a second or two: always build, so the CLI is never stale.
if (!existsSync(main) || process.env.C360_NO_BUILD !== '1') {
  execFileSync(process.execPath, [join(root, 'node_modules/@swc/cli/bin/swc.js'), 'apps', 'libs', '-d', 'dist', '--quiet'], { cwd: root, stdio: 'inherit' });
}
process.env.C360_ROOT = root;
createRequire(import.meta.url)(main);
