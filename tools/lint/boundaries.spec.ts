// The architecture's rules hold because lint enforces them: a domain library that reaches for
// the framework, the database or Kafka fails. This runs the real lint config on probe files.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const probes: string[] = [];

async function lintProbe(dir: string, source: string): Promise<string[]> {
  const file = join(root, dir, `boundary-probe-${process.pid}-${probes.length}.ts`);
  probes.push(file);
  writeFileSync(file, source);
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('project boundaries', () => {
  // The boundary rule reads Nx's project graph; on a fresh clone it has not been computed yet.
  beforeAll(() => {
    execFileSync(process.execPath, [require.resolve('nx/bin/nx'), 'show', 'projects'], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  afterAll(() => probes.forEach((f) => rmSync(f, { force: true })));

  it('fails a domain library that imports @nestjs/core', async () => {
    const messages = await lintProbe('libs/resolver/domain/src/lib', `import { NestFactory } from '@nestjs/core';\nexport const f = NestFactory;\n`);
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  }, 120_000);

  it('fails a library of one service that imports another service\'s library', async () => {
    const messages = await lintProbe('libs/insights/domain/src/lib', `import { assign } from '@c360/resolver-domain';\nexport const f = assign;\n`);
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  }, 120_000);

  it('accepts a domain library that imports only contracts', async () => {
    const messages = await lintProbe('libs/resolver/domain/src/lib', `import type { CanonicalEvent } from '@c360/schemas';\nexport const f = (e: CanonicalEvent): string => e.eventId;\n`);
    expect(messages).toEqual([]);
  }, 120_000);
});
