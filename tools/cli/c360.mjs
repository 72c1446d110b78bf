#!/usr/bin/env node
// Entry point of `npx c360`: builds the workspace once if needed, then runs the CLI app.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
// swc compiles the whole workspace in a second or two: always build, so the CLI is never stale.
if (!existsSync(main) || process.env.C360_NO_BUILD !== '1') {
  (await import(join(root, 'tools/build.mjs'))).buildWorkspace();
}
process.env.C360_ROOT = root;
createRequire(import.meta.url)(main);
