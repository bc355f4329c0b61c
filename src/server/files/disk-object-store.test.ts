import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskObjectStore, type DiskObjectStore } from './disk-object-store';
import { FileStorageError } from './errors';
import { isFileKey, newFileKey } from './file-key';
import { createFileStorage } from './file-storage';
import { readAll, temporaryFolder } from './test-helpers';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let store: DiskObjectStore;

beforeEach(async () => {
  folder = await temporaryFolder();
  store = createDiskObjectStore(join(folder.dir, 'files'));
});

afterEach(async () => {
  await folder.remove();
});

const once = (bytes: string) => Readable.from([Buffer.from(bytes)]);

describe('file keys', () => {
  it('are random lowercase UUIDs', () => {
    const keys = new Set(Array.from({ length: 100 }, newFileKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(isFileKey(key)).toBe(true);
  });

  const valid = newFileKey();
  const hostile = [
    '',
    '.',
    '..',
    '../../etc/passwd',
    '/etc/passwd',
    `../${valid}`,
    `${valid}/..`,
    `${valid.slice(0, -3)}/..`,
    `..%2f${valid}`,
    `${valid}\n`,
    `${valid}\0`,
    `C:\\${valid}`,
    valid.toUpperCase(),
    `${valid}.tmp`,
    `tmp/${valid}`,
  ];

  it('refuse anything else, in every operation, before touching the disk', async () => {
    const storage = createFileStorage({ store, key: randomBytes(32) });
    for (const key of hostile) {
      expect(isFileKey(key)).toBe(false);
      for (const attempt of [
        () => store.put(key, once('x')),
        () => store.get(key),
        () => store.delete(key),
        () => store.exists(key),
        () => storage.put(key, Buffer.from('x')),
        () => storage.get(key),
        () => storage.delete(key),
        () => storage.exists(key),
      ]) {
        await expect(attempt()).rejects.toSatisfy(
          (error) => error instanceof FileStorageError && error.code === 'INVALID_KEY',
        );
      }
    }
    expect(await readdir(folder.dir)).toEqual([]);
  });
});

describe('disk object store', () => {
  it('shards files in two levels of folders named after the key’s last digits', async () => {
    const key = '0190f3a2-7b1c-7cde-8f00-1234567890ab';
    await store.put(key, once('bytes'));
    expect(await readFile(join(store.root, '90', 'ab', key), 'utf8')).toBe('bytes');
    expect((await stat(join(store.root, '90', 'ab', key))).mode & 0o777).toBe(0o600);
  });

  it('reads, tells existence, deletes', async () => {
    const key = newFileKey();
    expect(await store.exists(key)).toBe(false);
    await store.put(key, once('one'));
    expect(await store.exists(key)).toBe(true);
    expect((await readAll(await store.get(key))).toString()).toBe('one');
    expect(await store.delete(key)).toBe(true);
    expect(await store.delete(key)).toBe(false);
    await expect(store.get(key)).rejects.toSatisfy(
      (error) => error instanceof FileStorageError && error.code === 'NOT_FOUND',
    );
  });

  it('replaces a file whole, and keeps the old one when the new write fails', async () => {
    const key = newFileKey();
    await store.put(key, once('first'));
    await store.put(key, once('second'));
    expect((await readAll(await store.get(key))).toString()).toBe('second');

    const failing = async function* () {
      yield Buffer.from('half of a third');
      throw new Error('broken');
    };
    await expect(store.put(key, failing())).rejects.toThrow('broken');
    expect((await readAll(await store.get(key))).toString()).toBe('second');
    expect(await readdir(join(store.root, 'tmp'))).toEqual([]);
  });

  it('sweeps temporary files left by a crash once they are old', async () => {
    const temporary = join(store.root, 'tmp');
    await mkdir(temporary, { recursive: true });
    const now = new Date();
    await writeFile(join(temporary, `${newFileKey()}.aaaaaaaaaaaa.part`), 'old');
    const old = new Date(now.getTime() - 2 * 3_600_000);
    const [oldName] = await readdir(temporary);
    await utimes(join(temporary, oldName!), old, old);
    const fresh = join(temporary, `${newFileKey()}.bbbbbbbbbbbb.part`);
    await writeFile(fresh, 'in progress');
    // times from the test's clock, not the file system's, so the test holds with a pinned TEST_NOW
    await utimes(fresh, now, now);

    expect(await store.sweepTemporaryFiles(now, 3_600_000)).toBe(1);
    expect(await readdir(temporary)).toHaveLength(1);
  });
});
