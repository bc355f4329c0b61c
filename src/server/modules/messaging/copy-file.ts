import { AppError } from '../../errors';
import { isFileStorageError } from '../../files/errors';
import { newFileKey } from '../../files/file-key';
import type { FileStorage, StoredFile } from '../../files/file-storage';

/**
 * Copies a stored file under a new key, so that two owners (a template and a message, a message and a
 * document) can each delete theirs. The copy is checked against the SHA-256 its owner recorded; a file
 * gone meanwhile answers 404.
 */
export async function copyStoredFile(
  files: FileStorage,
  key: string,
  expectedSha256: string,
): Promise<StoredFile> {
  const copyKey = newFileKey();
  let copied: StoredFile;
  try {
    copied = await files.put(copyKey, await files.get(key));
  } catch (error) {
    if (isFileStorageError(error, 'NOT_FOUND')) throw AppError.notFound();
    throw error;
  }
  if (copied.sha256 !== expectedSha256) {
    await files.delete(copyKey);
    throw new Error(`stored file ${key} does not match its SHA-256`);
  }
  return copied;
}
