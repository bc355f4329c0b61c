/** Why a file operation failed. Routes map these to API errors; none of them reveals a path. */
export type FileStorageErrorCode =
  /** The key is not a file key (`newFileKey`): refused before any path is built. */
  | 'INVALID_KEY'
  /** No file under this key. */
  | 'NOT_FOUND'
  /** The content has no bytes: nothing was stored. */
  | 'EMPTY'
  /** The content went over `maxBytes`: writing stopped and nothing was stored. */
  | 'TOO_LARGE'
  /** The stored bytes fail authentication: altered, truncated, extended or not a Sourire file. */
  | 'CORRUPT'
  /** The file was encrypted with another FILES_KEY than the configured one. */
  | 'WRONG_KEY';

export class FileStorageError extends Error {
  constructor(
    readonly code: FileStorageErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`file storage: ${code}`, options);
    this.name = 'FileStorageError';
  }
}

export function isFileStorageError(error: unknown, code?: FileStorageErrorCode): error is FileStorageError {
  return error instanceof FileStorageError && (code === undefined || error.code === code);
}
