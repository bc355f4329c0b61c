import type { FastifyInstance } from 'fastify';
import { firstUnstorableText } from '../../contracts/fields';
import { AppError } from '../errors';

/**
 * Refuses, before any schema or use case runs, a request whose path parameters, query string or JSON
 * body hold a NUL byte or a lone surrogate: PostgreSQL would fail on them with a 500. Multipart text
 * fields are checked by `readUploadForm`. The issue names the field, as a schema refusal does.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const value of [request.params, request.query, request.body]) {
      const path = firstUnstorableText(value);
      if (path !== null) throw AppError.field(path, 'invalid_characters');
    }
  });
}
