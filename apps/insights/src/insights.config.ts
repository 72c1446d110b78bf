import { z } from 'zod';
import { databaseConfigSchema, loadConfig } from '@c360/platform';

export const insightsConfigSchema = databaseConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3103),
  /** The currency insights are kept in; events converted to another one are rejected. */
  REPORTING_CURRENCY: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
});
export type InsightsConfig = z.infer<typeof insightsConfigSchema>;

export const loadInsightsConfig = (): InsightsConfig => loadConfig(insightsConfigSchema);
