// Before the e2e tier: build the services once (they run as processes from dist/) and make sure
// a real Kafka, schema registry and Postgres answer: the environment's, or the local stack,
// started on demand.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { KAFKA_BROKERS: string; SCHEMA_REGISTRY_URL: string; DATABASE_URL: string };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const root = join(__dirname, '..');
  const { buildWorkspace } = await import(join(root, 'tools/build.mjs'));
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call
  buildWorkspace();
  const started = Date.now();
  const { ensureStack } = await import(join(root, 'tools/stack/stack.mjs'));
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call
  const env = (await ensureStack()) as { KAFKA_BROKERS: string; SCHEMA_REGISTRY_URL: string; DATABASE_URL: string };
  console.log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${env.KAFKA_BROKERS}, ${env.SCHEMA_REGISTRY_URL}`);
  project.provide('stack', env);
}
