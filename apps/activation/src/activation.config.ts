import { z } from 'zod';
import { databaseConfigSchema, loadConfig } from '@c360/platform';

export const activationConfigSchema = databaseConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3104),
  SEGMENTS_DIR: z.string().default('apps/activation/segments'),
});
export type ActivationConfig = z.infer<typeof activationConfigSchema>;

export const loadActivationConfig = (): ActivationConfig => loadConfig(activationConfigSchema);
