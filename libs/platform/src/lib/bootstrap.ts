import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { maskConfig, type BaseConfig } from './config';

/**
 * Starts a c360 service: structured logs, shutdown hooks (SIGTERM finishes the batch in
 * progress, commits and disconnects), and the HTTP server for health, metrics and APIs.
 */
export async function bootstrapService(
  service: string,
  module: DynamicModule,
  config: BaseConfig,
  options: { rawBodyLimit?: string } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: options.rawBodyLimit === undefined });
  // Request bodies as bytes (Buffer) for services that parse them themselves.
  if (options.rawBodyLimit !== undefined) app.useBodyParser('raw', { type: () => true, limit: options.rawBodyLimit });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.log(`${service} listening on ${await app.getUrl()}`, { config: maskConfig(config) });
  return app;
}

/**
 * Runs a service's main; a failure to start is logged and ends the process with code 1. With
 * C360_CPU_PROFILE=<file.cpuprofile> the process records a V8 CPU profile from start to exit
 * (open it in Chrome DevTools or speedscope): how to find where a service spends its time. With
 * C360_HEAP_PROFILE=<file.heapprofile> it samples every allocation, collected since or not: where
 * it allocates, and so what its garbage collector has to do.
 */
export function runService(start: () => Promise<unknown>): void {
  const profile = process.env['C360_CPU_PROFILE'];
  if (profile) profileUntilExit(profile, 'Profiler');
  const heapProfile = process.env['C360_HEAP_PROFILE'];
  if (heapProfile) profileUntilExit(heapProfile, 'HeapProfiler');
  start().catch((error: unknown) => {
    console.error('failed to start:', error);
    process.exit(1);
  });
}

function profileUntilExit(file: string, profiler: 'Profiler' | 'HeapProfiler'): void {
  const session = new Session();
  session.connect();
  if (profiler === 'Profiler') session.post('Profiler.enable', () => session.post('Profiler.start'));
  else
    session.post('HeapProfiler.enable', () =>
      session.post('HeapProfiler.startSampling', { includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }),
    );
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // Synchronous while the inspector answers synchronously in this thread.
    const done = (error: Error | null, result: { profile: object }) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    };
    if (profiler === 'Profiler') session.post('Profiler.stop', done);
    else session.post('HeapProfiler.stopSampling', done);
  };
  process.once('beforeExit', write);
  process.once('SIGTERM', write);
}
