import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isStorableText } from '../../contracts/fields';
import { isValidationKey } from '../../contracts/i18n/messages';
import type { AcceptedContentType } from '../../domain/files/content-type';
import { AppError, type IssueKey } from '../errors';
import { discardStored, type StoredUpload, storeUpload, uploadRefusal } from '../files/store-upload';

export interface UploadForm<T> {
  fields: T;
  /** stored files in the order they came; the caller owns them (and discards them if it fails) */
  uploads: StoredUpload[];
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error ? ((error as { code?: unknown }).code as string | undefined) : undefined;
}

/** Zod issues as validation issues of the API (their messages are our message keys). */
function issuesOf(error: z.ZodError): IssueKey[] {
  return error.issues.map((issue) => {
    const detail = issue as { minimum?: unknown; maximum?: unknown };
    return {
      path: issue.path.join('.'),
      key: isValidationKey(issue.message) ? issue.message : 'invalid_type',
      params: { minimum: detail.minimum, maximum: detail.maximum },
    };
  });
}

/**
 * Reads a `multipart/form-data` request: text fields, checked with `schema` once all parts are read,
 * and the files of `fileField`, each checked and streamed into storage as it arrives (`storeUpload`).
 * On any refusal — a file's type or size, too many files, an invalid field — every file already stored
 * for this request is deleted before the error is thrown, so a refused request leaves nothing behind.
 */
export async function readUploadForm<S extends z.ZodType>(
  request: FastifyRequest,
  options: {
    schema: S;
    fileField: string;
    maxFiles: number;
    allowed?: readonly AcceptedContentType[];
  },
): Promise<UploadForm<z.output<S>>> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const { files, config } = request.server.deps;
  const limits = {
    maxBytes: config.files.maxBytes,
    ...(options.allowed ? { allowed: options.allowed } : {}),
  };
  const uploads: StoredUpload[] = [];
  const values: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: limits.maxBytes + 1, files: options.maxFiles + 1 },
    })) {
      if (!isStorableText(part.fieldname)) throw AppError.field('', 'invalid_characters');
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !isStorableText(part.value)) {
          throw AppError.field(part.fieldname, 'invalid_characters');
        }
        if (typeof part.value === 'string') values[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== options.fileField) {
        part.file.resume();
        throw AppError.field(part.fieldname, 'unknown_field', { keys: part.fieldname });
      }
      if (!isStorableText(part.filename)) {
        part.file.resume();
        throw AppError.field(options.fileField, 'invalid_characters');
      }
      if (uploads.length >= options.maxFiles) {
        part.file.resume();
        throw AppError.field(options.fileField, 'too_many_files', { max: options.maxFiles });
      }
      uploads.push(await storeUpload(files, { stream: part.file, filename: part.filename }, limits));
    }
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) throw AppError.validation(issuesOf(parsed.error));
    return { fields: parsed.data, uploads };
  } catch (error) {
    await discardStored(
      files,
      uploads.map((upload) => upload.key),
    );
    switch (codeOf(error)) {
      case 'FST_REQ_FILE_TOO_LARGE':
        throw uploadRefusal('too_large', limits);
      case 'FST_FILES_LIMIT':
        throw AppError.field(options.fileField, 'too_many_files', { max: options.maxFiles });
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        throw new AppError('BODY_TOO_LARGE');
    }
    throw error;
  }
}
