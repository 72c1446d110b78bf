import { z } from 'zod';
import { apiKeysSchema, databaseConfigSchema, loadConfig } from '@c360/platform';

export const resolverConfigSchema = databaseConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3102),
  /** Callers of the profile API: `name:role+role:key,...` with roles profiles.read, profiles.steward. */
  API_KEYS: apiKeysSchema,
  /** The matching rules (docs/matching.md), relative to the repository root or absolute. */
  MATCHING_CONFIG: z.string().default('apps/resolver/config/matching.json'),
});
export type ResolverConfig = z.infer<typeof resolverConfigSchema>;

export const loadResolverConfig = (): ResolverConfig => loadConfig(resolverConfigSchema);
