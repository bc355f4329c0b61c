import { randomUUID } from 'node:crypto';
import { FileStorageError } from './errors';

// Keys are generated here, never taken from a file name or a request, and every storage operation
// checks their shape first: a lowercase UUID has no separator, dot or anything else a path could be
// steered with, on disk or as an S3 object name.
const fileKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new random key for a stored file (kept in the database row that owns the file). */
export function newFileKey(): string {
  return randomUUID();
}

export function isFileKey(key: string): boolean {
  return fileKeyPattern.test(key);
}

/** Throws INVALID_KEY unless `key` has the shape of `newFileKey`'s keys. */
export function assertFileKey(key: string): void {
  if (!isFileKey(key)) throw new FileStorageError('INVALID_KEY');
}
