import { z } from 'zod';
import { apiKeysSchema, databaseConfigSchema, loadConfig, maxBytesPerPartitionSchema } from '@c360/platform';

export const resolverConfigSchema = databaseConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3102),
  /** Callers of the profile API: `name:role+role:key,...` with roles profiles.read, profiles.steward. */
  API_KEYS: apiKeysSchema,
  /** The matching rules (docs/matching.md), relative to the repository root or absolute. */
  MATCHING_CONFIG: z.string().default('apps/resolver/config/matching.json'),
  /**
   * The most source records the resolver keeps in memory between batches, to start the next
   * batch from (docs/architecture.md, "Concurrency"); past it the least recently used are
   * dropped. 0 (the default): every batch loads from Postgres. Memory for speed: a full resolve run of 49,500
   * records went from 3,529 to 3,966 events/s with all of them held, and from 358 to 948 MB.
   */
  GRAPH_CACHE_RECORDS: z.coerce.number().int().min(0).default(0),
  /**
   * Batches of up to 4 MiB per partition rather than the services' 1 MiB: a batch's graph work is
   * set-based, and a record a batch meets several times is loaded once. The full resolve run went
   * from 48 batches to 20 and from about 3,500 to 4,100 events/s (docs/architecture.md, "Concurrency").
   */
  KAFKA_MAX_BYTES_PER_PARTITION: maxBytesPerPartitionSchema(4_194_304),
});
export type ResolverConfig = z.infer<typeof resolverConfigSchema>;

export const loadResolverConfig = (): ResolverConfig => loadConfig(resolverConfigSchema);
