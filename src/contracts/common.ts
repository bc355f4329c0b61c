import { z } from 'zod';

export const errorBodySchema = z
  .object({
    code: z.string().describe('One of the AppErrorCode values'),
    message: z.string().describe('Human-readable, in the caller’s language'),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Fields at fault (400 VALIDATION_FAILED)'),
    reason: z.string().optional().describe('Why, for BOOKING_NOT_ALLOWED'),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  })
  .describe('Error');

/** Error responses of a route, for the OpenAPI document. */
export function errorResponses<const S extends number>(...statuses: S[]): Record<S, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema])) as Record<
    S,
    typeof errorBodySchema
  >;
}

export const okSchema = z.object({ ok: z.literal(true) });

/** Keyset pagination: `cursor` is opaque, returned as `nextCursor` by the previous page. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (max 200)'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
