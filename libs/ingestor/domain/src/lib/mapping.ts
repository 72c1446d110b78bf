// A source mapping: how one source system's native payload becomes a canonical event. A new
// source or market is a new mapping file, not new code.
import { z } from 'zod';

const transform = z.enum(['string', 'email', 'phone', 'timestamp', 'currency', 'decimal']);
export type TransformName = z.infer<typeof transform>;

const fieldSpec = z.object({
  /** Dot paths into the payload; the first one present and non-empty wins. */
  path: z.union([z.string(), z.array(z.string()).nonempty()]),
  transform: transform.default('string'),
  required: z.boolean().default(false),
});
export type FieldSpec = z.infer<typeof fieldSpec>;

export const sourceMappingSchema = z.object({
  source: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string().optional(),
  eventType: z.enum(['PURCHASE']),
  /** Market (ISO 3166-1 alpha-2) when the payload does not say; also the phone default region. */
  defaultMarket: z.string().regex(/^[A-Z]{2}$/),
  channel: z.enum(['ONLINE', 'STORE', 'WHOLESALE', 'OTHER']),
  /** Largest payload accepted, in bytes. */
  maxPayloadBytes: z.number().int().positive().default(64 * 1024),
  fields: z
    .object({
      eventId: fieldSpec,
      sourceRecordId: fieldSpec,
      occurredAt: fieldSpec,
      market: fieldSpec.optional(),
      email: fieldSpec.optional(),
      phone: fieldSpec.optional(),
      orderId: fieldSpec,
      storeId: fieldSpec.optional(),
      currency: fieldSpec,
      netAmount: fieldSpec,
    })
    .strict(),
});
export type SourceMapping = z.infer<typeof sourceMappingSchema>;
export type CanonicalField = keyof SourceMapping['fields'];

/** Validates a mapping file's content; throws with every problem listed. */
export function parseSourceMapping(content: unknown, origin: string): SourceMapping {
  const parsed = sourceMappingSchema.safeParse(content);
  if (!parsed.success) {
    throw new Error(`invalid mapping ${origin}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
