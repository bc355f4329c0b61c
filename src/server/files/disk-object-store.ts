import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStorageError } from './errors';
import { assertFileKey, isFileKey } from './file-key';
import type { ObjectStore, StoredObject } from './object-store';

export interface DiskObjectStore extends ObjectStore {
  readonly root: string;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Files on the local disk under `root` (`DATA_DIR/files`), in two levels of 256 folders so that no
 * folder holds more than a few hundred files even for a large practice: `root/7c/e2/<key>`.
 *
 * The folders come from the key's last four hex digits, which are random in every UUID version
 * (a time-ordered v7 key would crowd its first digits into a few folders).
 *
 * A write goes to `root/tmp/` first, is flushed to disk (fsync), then renamed into place: rename is
 * atomic within one file system, so a reader sees the whole file or none, and a crash mid-write leaves
 * only a temporary file that `sweepTemporaryFiles` removes.
 */
export function createDiskObjectStore(rootDir: string): DiskObjectStore {
  const root = resolve(rootDir);
  const temporaryDir = join(root, 'tmp');

  const pathOf = (key: string) => {
    assertFileKey(key);
    const path = join(root, key.slice(-4, -2), key.slice(-2), key);
    // The key's shape already rules out traversal; this guards the guard.
    if (!path.startsWith(root + sep)) throw new FileStorageError('INVALID_KEY');
    return path;
  };

  const syncDirectory = async (dir: string) => {
    // Makes the rename itself durable. Not every platform can open a folder (Windows): best effort.
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // the file's own data is already synced
    }
  };

  return {
    root,

    async put(key, body) {
      const path = pathOf(key);
      const dir = join(path, '..');
      await mkdir(dir, { recursive: true });
      await mkdir(temporaryDir, { recursive: true });
      const temporary = join(temporaryDir, `${key}.${randomBytes(6).toString('hex')}.part`);
      const handle = await open(temporary, 'wx', 0o600);
      try {
        for await (const chunk of body) {
          for (let offset = 0; offset < chunk.length; ) {
            offset += (await handle.write(chunk, offset)).bytesWritten;
          }
        }
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temporary, path);
      await syncDirectory(dir);
    },

    async get(key) {
      const path = pathOf(key);
      try {
        const handle = await open(path, 'r');
        return handle.createReadStream() as Readable;
      } catch (error) {
        if (hasCode(error, 'ENOENT')) throw new FileStorageError('NOT_FOUND', { cause: error });
        throw error;
      }
    },

    async delete(key) {
      const path = pathOf(key);
      try {
        await rm(path);
        return true;
      } catch (error) {
        if (hasCode(error, 'ENOENT')) return false;
        throw error;
      }
    },

    async exists(key) {
      const path = pathOf(key);
      try {
        return (await stat(path)).isFile();
      } catch (error) {
        if (hasCode(error, 'ENOENT')) return false;
        throw error;
      }
    },

    async *list(): AsyncGenerator<StoredObject> {
      const children = async (dir: string) => {
        try {
          return await readdir(dir);
        } catch (error) {
          if (hasCode(error, 'ENOENT')) return [];
          throw error;
        }
      };
      // only the two levels of hex folders: `tmp/` and anything else put there by hand are not objects
      const level = /^[0-9a-f]{2}$/;
      for (const first of (await children(root)).filter((name) => level.test(name))) {
        for (const second of (await children(join(root, first))).filter((name) => level.test(name))) {
          for (const key of await children(join(root, first, second))) {
            if (!isFileKey(key) || key.slice(-4) !== first + second) continue;
            const info = await stat(join(root, first, second, key)).catch(() => null);
            if (info?.isFile()) yield { key, modifiedAt: info.mtime };
          }
        }
      }
    },

    async sweepTemporaryFiles(now, olderThanMs) {
      let names: string[];
      try {
        names = await readdir(temporaryDir);
      } catch (error) {
        if (hasCode(error, 'ENOENT')) return 0;
        throw error;
      }
      let removed = 0;
      for (const name of names) {
        if (!name.endsWith('.part')) continue;
        const path = join(temporaryDir, name);
        const info = await stat(path).catch(() => null);
        if (info && now.getTime() - info.mtimeMs > olderThanMs) {
          await rm(path, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}
