import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type AppErrorCode, type ErrorBody, errorStatus, type FieldIssue } from '../../contracts/errors';
import type { Lang } from '../../contracts/i18n/lang';
import {
  errorMessage,
  isValidationKey,
  refusalMessage,
  validationMessage,
} from '../../contracts/i18n/messages';
import { AppError, sqlState } from '../errors';
import { safeError } from '../safe-error';
import { sendAreaPage } from './web';

/**
 * Turns every failure into `{ code, message, issues?, details?, requestId }` in the caller's language.
 * A 5xx never tells what went wrong (the log does, under the same request id).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toErrorBody(error, request.lang);
    const status = errorStatus[body.code];
    if (status >= 500) request.log.error({ err: safeError(error) }, 'request failed');
    else request.log.info({ code: body.code }, 'request refused');
    if (error instanceof AppError && error.headers) reply.headers(error.headers);
    return reply.status(status).send({ ...body, requestId: request.id });
  });

  app.setNotFoundHandler(
    (request, reply) => sendAreaPage(request, reply) ?? sendError(request, reply, new AppError('NOT_FOUND')),
  );
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const body = toErrorBody(error, request.lang);
  if (error.headers) reply.headers(error.headers);
  return reply.status(errorStatus[body.code]).send({ ...body, requestId: request.id });
}

function toErrorBody(error: FastifyError | AppError, lang: Lang): ErrorBody {
  if (error instanceof AppError) {
    // the constructor already tied issues, reason and details to the code (AppErrorOptions); this
    // assembles them, and the route's response schema (errorResponses) checks the shape per code
    return {
      code: error.code,
      message: error.reason
        ? refusalMessage(lang, error.reason)
        : errorMessage(lang, error.code, error.details as Record<string, unknown> | undefined),
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.issues
        ? {
            issues: error.issues.map((issue) => ({
              path: issue.path,
              message: validationMessage(lang, issue.key, issue.params),
            })),
          }
        : {}),
      ...(error.details ? { details: error.details } : {}),
    } as ErrorBody;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const params = issue.params as Record<string, unknown>;
      const key = issue.message && isValidationKey(issue.message) ? issue.message : 'invalid_type';
      const keys = Array.isArray(params.keys) ? params.keys.join(', ') : undefined;
      return { path, message: validationMessage(lang, key, { ...params, keys }) };
    });
    return { code: 'VALIDATION_FAILED', message: errorMessage(lang, 'VALIDATION_FAILED'), issues };
  }
  const code = codeOfFrameworkError(error);
  // framework and driver errors carry no details, issues or reason
  return { code, message: errorMessage(lang, code) } as ErrorBody;
}

function codeOfFrameworkError(error: FastifyError): AppErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'MALFORMED_BODY';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
  }
  if (error instanceof SyntaxError || isMalformedMultipart(error)) return 'MALFORMED_BODY';
  const state = sqlState(error);
  if (state === '23P01') return 'SLOT_TAKEN';
  if (state === '23505') return 'ALREADY_EXISTS';
  if (state?.startsWith('08') || state === '57P01') return 'UNAVAILABLE';
  const status = error.statusCode ?? 500;
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'BODY_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status >= 400 && status < 500) return 'MALFORMED_BODY';
  return 'INTERNAL';
}

/**
 * Busboy (under @fastify/multipart) throws plain errors without a code for a form that does not parse:
 * no boundary, another boundary than the body's, a body cut short, a broken part header.
 */
const malformedMultipart =
  /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed (part header|content-disposition))/;

function isMalformedMultipart(error: FastifyError): boolean {
  return error.code === undefined && malformedMultipart.test(error.message);
}
