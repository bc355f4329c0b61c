import type { Readable } from 'node:stream';
import {
  type AcceptedContentType,
  acceptedContentTypes,
  checkFileContent,
  contentSniffLength,
} from '../../domain/files/content-type';
import { storedFileName } from '../../domain/files/file-name';
import { AppError } from '../errors';
import { isFileStorageError } from './errors';
import { newFileKey } from './file-key';
import type { FileStorage } from './file-storage';
import { peekHead } from './peek';

/** A file received and stored: what its owning row keeps. */
export interface StoredUpload {
  key: string;
  /** shown and download name, with the extension of `contentType` */
  name: string;
  /** detected from the content */
  contentType: AcceptedContentType;
  size: number;
  sha256: string;
}

const typeLabels: Record<AcceptedContentType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'application/pdf': 'PDF',
};

/** The error of a refused upload, with what the message shows (limit in MB, accepted formats). */
export function uploadRefusal(
  reason: 'empty' | 'too_large' | 'type_not_allowed',
  limits: { maxBytes: number; allowed?: readonly AcceptedContentType[] },
): AppError {
  if (reason === 'empty') return new AppError('FILE_EMPTY');
  if (reason === 'too_large') {
    return new AppError('FILE_TOO_LARGE', {
      details: { maxMb: Math.floor(limits.maxBytes / (1024 * 1024)) },
    });
  }
  const allowed = limits.allowed ?? acceptedContentTypes;
  const accepted = [...new Set(allowed.map((type) => typeLabels[type]))].join(', ');
  return new AppError('FILE_TYPE_NOT_ALLOWED', { details: { accepted } });
}

/** The error @fastify/multipart gives a file stream cut at its size limit. */
function isMultipartSizeLimit(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Checks an upload's type from its first bytes, then streams it encrypted into storage under a new key,
 * limited to `maxBytes`. Refusals (empty, too large, not an accepted type) throw FILE_* errors and leave
 * nothing stored; a refused file's remaining bytes are read and dropped so the request can finish.
 */
export async function storeUpload(
  files: FileStorage,
  upload: { stream: Readable; filename: string | undefined },
  limits: { maxBytes: number; allowed?: readonly AcceptedContentType[] },
): Promise<StoredUpload> {
  let peeked: Awaited<ReturnType<typeof peekHead>>;
  try {
    peeked = await peekHead(upload.stream, contentSniffLength);
  } catch (error) {
    if (isMultipartSizeLimit(error)) throw uploadRefusal('too_large', limits);
    throw error;
  }
  const check = checkFileContent(peeked.head, limits.allowed);
  if (!check.ok) {
    peeked.stream.on('error', () => undefined).resume();
    throw uploadRefusal(check.reason, limits);
  }
  const key = newFileKey();
  try {
    const stored = await files.put(key, peeked.stream, { maxBytes: limits.maxBytes });
    return {
      key,
      name: storedFileName(upload.filename, check.contentType),
      contentType: check.contentType,
      size: stored.size,
      sha256: stored.sha256,
    };
  } catch (error) {
    peeked.stream.on('error', () => undefined).resume();
    if (isFileStorageError(error, 'TOO_LARGE') || isMultipartSizeLimit(error)) {
      throw uploadRefusal('too_large', limits);
    }
    if (isFileStorageError(error, 'EMPTY')) throw uploadRefusal('empty', limits);
    throw error;
  }
}

/** Deletes stored files whose owning rows were never written (a later refusal, a failed transaction). */
export async function discardStored(files: FileStorage, keys: readonly string[]): Promise<void> {
  await Promise.all(keys.map((key) => files.delete(key).catch(() => false)));
}
