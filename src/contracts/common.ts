import { z } from 'zod';
import { type ErrorBody, errorBodySchemaFor } from './errors';

type ErrorBodySchema = z.ZodType<ErrorBody>;

export { errorBodySchema } from './errors';

/**
 * Error responses of a route, for the OpenAPI document and the response serializer: per status, the
 * bodies of the codes answered with it, discriminated by `code`.
 */
export function errorResponses<const S extends number>(...statuses: S[]): Record<S, ErrorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchemaFor(status)])) as Record<
    S,
    ErrorBodySchema
  >;
}

export const okSchema = z.object({ ok: z.literal(true).describe('Always true: the action was done') });

/** Keyset pagination: `cursor` is opaque, returned as `nextCursor` by the previous page. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (max 200)'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).describe('The items of this page'),
    nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
  });
}
