import { hostname } from 'node:os';
import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@c360/platform';

/** `pos=key1,ecommerce=key2`: the API key each source presents to HTTP collect. */
const apiKeys = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const keys = new Map<string, string>();
    for (const pair of s.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [source, key] = pair.split('=');
      if (!source || !key || key.length < 16) {
        ctx.addIssue({ code: 'custom', message: `'${pair.replace(/=.*/, '=***')}': use source=key with a key of at least 16 characters` });
        continue;
      }
      keys.set(source.trim(), key.trim());
    }
    return keys;
  });

export const ingestorConfigSchema = baseConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3101),
  MAPPINGS_DIR: z.string().default('apps/ingestor/mappings'),
  RATES_FILE: z.string().default('apps/ingestor/config/rates.json'),
  /** API keys for HTTP collect, per source; a source without a key cannot post. */
  SOURCE_API_KEYS: apiKeys,
  /** Largest HTTP collect request body. */
  HTTP_BODY_LIMIT: z.string().default('10mb'),
  /** Length of a data-quality window; a snapshot per source and market is published at its end. */
  QUALITY_WINDOW_SECONDS: z.coerce.number().positive().default(60),
  /** Names this instance in quality snapshots. */
  INSTANCE_ID: z.string().default(`${hostname()}-${process.pid}`),
});
export type IngestorConfig = z.infer<typeof ingestorConfigSchema>;

export const loadIngestorConfig = (): IngestorConfig => loadConfig(ingestorConfigSchema);
