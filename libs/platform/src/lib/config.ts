// Configuration is read from the environment once, at boot, validated into a typed object.
// Nothing else in c360 reads process.env.
import { z } from 'zod';

/** The most bytes one fetch takes from a partition: the size of a batch when a partition is behind. A service may default otherwise. */
export const maxBytesPerPartitionSchema = (fallback: number) => z.coerce.number().int().min(65_536).max(10_485_760).default(fallback);

export const baseConfigSchema = z.object({
  KAFKA_BROKERS: z.string().min(1).transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  SCHEMA_REGISTRY_URL: z.string().url(),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535),
  HTTP_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
  /** Consumer group of the service; every instance of one deployment shares it. */
  KAFKA_GROUP_ID: z.string().optional(),
  /** Partitions one process consumes at once. */
  KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(2),
  KAFKA_MAX_BYTES_PER_PARTITION: maxBytesPerPartitionSchema(1_048_576),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** For services that keep state in Postgres. */
export const databaseConfigSchema = baseConfigSchema.extend({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

const SECRET_KEYS = /PASSWORD|SECRET|TOKEN|API_KEY/i;

export class ConfigError extends Error {}

/** Validates `env` against `schema`; throws one error listing every problem. */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  return parsed.data as z.infer<S>;
}

/** The configuration with secrets (and credentials inside URLs) masked, for logging. */
export function maskConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => {
      if (SECRET_KEYS.test(k)) return [k, '***'];
      if (typeof v === 'string') return [k, v.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@')];
      return [k, v];
    }),
  );
}
