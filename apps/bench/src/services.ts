// Starting a c360 service as its own process for one measurement: a consumer group of its own
// that starts at the end of its topics, and a fresh database when it keeps state.
import type { TopicSpec } from '@c360/schemas';
import { KafkaTestClient, createTestDatabase, freePort, startService, type RunningService, type ServiceName } from '@c360/testing';
import { logDirOf, serviceEnv, suffix, type Options } from './scenario';

export interface Alone {
  readonly service: RunningService;
  readonly groupId: string;
  /** The fresh database's URL, when the service has one. */
  readonly databaseUrl: string | null;
  /** Stops the service and drops its database. */
  stop(): Promise<void>;
}

export async function startAlone(
  options: Options,
  name: ServiceName,
  topics: readonly string[],
  extra: {
    readonly database?: boolean;
    readonly ensure?: readonly TopicSpec[];
    readonly env?: Record<string, string>;
    readonly group?: string;
  } = {},
): Promise<Alone> {
  const client = new KafkaTestClient(options.env.KAFKA_BROKERS, options.env.SCHEMA_REGISTRY_URL);
  const groupId = extra.group ?? `c360-bench-${name}-${options.runId}-${suffix()}`;
  try {
    await client.ensureTopics(extra.ensure ?? []);
    await client.startGroupsAtEnd([{ groupId, topics }]);
  } finally {
    await client.close();
  }
  const db = extra.database ? await createTestDatabase(options.env.DATABASE_URL, 'c360_bench') : null;
  try {
    const service = await startService(name, {
      port: await freePort(),
      logDir: logDirOf(options),
      env: { ...serviceEnv(options, groupId, db?.url), ...extra.env },
    });
    return {
      service,
      groupId,
      databaseUrl: db?.url ?? null,
      async stop() {
        await service.stop('SIGTERM');
        await db?.drop();
      },
    };
  } catch (error) {
    await db?.drop();
    throw error;
  }
}
