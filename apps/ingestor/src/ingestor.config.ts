import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@c360/platform';

export const ingestorConfigSchema = baseConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3101),
  MAPPINGS_DIR: z.string().default('apps/ingestor/mappings'),
  RATES_FILE: z.string().default('apps/ingestor/config/rates.json'),
});
export type IngestorConfig = z.infer<typeof ingestorConfigSchema>;

export const loadIngestorConfig = (): IngestorConfig => loadConfig(ingestorConfigSchema);
