import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type DocumentUploadFields,
  documentUploadFields,
  type Visibility,
  visibilitySchema,
} from '../../../contracts/documents';
import { isStorableText } from '../../../contracts/fields';
import { isValidationKey } from '../../../contracts/i18n/messages';
import { AppError, type IssueKey } from '../../errors';
import type { DocumentFile } from './document-file';

/**
 * Streams a document to the browser: its length, type and name (shown inline, by a PDF viewer), never
 * cached by a shared cache, never sniffed into another type.
 */
export function sendDocumentFile(reply: FastifyReply, file: DocumentFile) {
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header(
      'content-disposition',
      `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

function toIssues(error: z.ZodError, prefix = ''): IssueKey[] {
  return error.issues.map((issue) => {
    const params = issue as unknown as Record<string, unknown>;
    return {
      path: prefix + issue.path.join('.'),
      key: isValidationKey(issue.message) ? issue.message : 'invalid_type',
      params: {
        minimum: params.minimum,
        maximum: params.maximum,
        keys: Array.isArray(params.keys) ? params.keys.join(', ') : undefined,
      },
    };
  });
}

/**
 * The form fields of a document upload, sent before its `file` part, checked before a byte of the file
 * is read. `visibility` is JSON in a text field.
 */
export function parseUploadFields(
  raw: Record<string, string>,
): DocumentUploadFields & { visibilityOverride: Visibility | null } {
  const parsed = documentUploadFields.safeParse(raw);
  if (!parsed.success) throw AppError.validation(toIssues(parsed.error));
  if (parsed.data.visibility === undefined) return { ...parsed.data, visibilityOverride: null };
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.visibility);
  } catch {
    throw AppError.field('visibility', 'invalid_format');
  }
  const visibility = visibilitySchema.safeParse(json);
  if (!visibility.success) throw AppError.validation(toIssues(visibility.error, 'visibility.'));
  return { ...parsed.data, visibilityOverride: visibility.data };
}

/** The multipart file part of an upload with the text fields sent before it. */
export async function uploadPart(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await request.file({ limits: { files: 1 } });
  if (part?.fieldname !== 'file') {
    part?.file.on('error', () => undefined).resume();
    throw AppError.field('file', 'required');
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single && single.type === 'field' && typeof single.value === 'string') {
      if (!isStorableText(single.value)) {
        part.file.on('error', () => undefined).resume();
        throw AppError.field(name, 'invalid_characters');
      }
      fields[name] = single.value;
    }
  }
  return { part, fields };
}

export const documentIdParams = z.object({ id: z.uuid({ error: 'uuid' }).describe('The document') });
