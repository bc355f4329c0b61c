import type { Config } from '../config';
import { createDiskObjectStore } from './disk-object-store';
import { createFileStorage, type FileStorage } from './file-storage';

/** The configured file storage: encrypted with FILES_KEY on the disk under `DATA_DIR/files`. */
export function fileStorageFromConfig(files: Config['files']): FileStorage {
  return createFileStorage({ store: createDiskObjectStore(files.dir), key: files.key });
}
