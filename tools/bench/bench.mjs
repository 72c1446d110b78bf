#!/usr/bin/env node
// Entry point of `npm run bench`: builds the workspace, then runs the benchmark app.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
(await import(join(root, 'tools/build.mjs'))).buildWorkspace();
process.env.C360_ROOT = root;
createRequire(import.meta.url)(join(root, 'dist', 'apps', 'bench', 'src', 'main.js'));
