import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskObjectStore, type DiskObjectStore } from './disk-object-store';
import { encryptedSize, frameSize } from './encryption';
import { FileStorageError, type FileStorageErrorCode } from './errors';
import { newFileKey } from './file-key';
import { createFileStorage, type FileStorage } from './file-storage';
import { randomChunks, readAll, temporaryFolder } from './test-helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let store: DiskObjectStore;
let storage: FileStorage;
const filesKey = randomBytes(32);

beforeEach(async () => {
  folder = await temporaryFolder();
  store = createDiskObjectStore(join(folder.dir, 'files'));
  storage = createFileStorage({ store, key: filesKey });
});

afterEach(async () => {
  await folder.remove();
});

const pathOf = (key: string) => join(store.root, key.slice(-4, -2), key.slice(-2), key);

async function expectFailure(promise: Promise<unknown>, code: FileStorageErrorCode): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FileStorageError);
  expect((error as FileStorageError).code).toBe(code);
}

/** Reading fails with `code` (the stream errors; it never ends normally). */
async function expectReadFailure(key: string, code: FileStorageErrorCode, with_ = storage): Promise<void> {
  await expectFailure(
    with_.get(key).then((stream) => readAll(stream)),
    code,
  );
}

async function storeRandom(size: number): Promise<{ key: string; content: Buffer }> {
  const key = newFileKey();
  const content = randomBytes(size);
  await storage.put(key, content);
  return { key, content };
}

async function alterStored(key: string, change: (bytes: Buffer) => Buffer): Promise<void> {
  await writeFile(pathOf(key), change(await readFile(pathOf(key))));
}

describe('encrypted file storage: round trips', () => {
  it('stores a small file encrypted and gives it back with its size and SHA-256', async () => {
    const key = newFileKey();
    const content = Buffer.from('Radio panoramique de Léa Durand');
    const stored = await storage.put(key, content);
    expect(stored).toEqual({ key, size: content.length, sha256: sha256(content) });

    const onDisk = await readFile(pathOf(key));
    expect(onDisk.includes(content)).toBe(false);
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('SRFE');
    expect(onDisk.length).toBe(encryptedSize(content.length));
    expect((await readAll(await storage.get(key))).equals(content)).toBe(true);
  });

  it('streams a 5 MB upload in and out, in frames, never as one piece', async () => {
    const key = newFileKey();
    const hash = createHash('sha256');
    const parts: Uint8Array[] = [];
    const upload = async function* () {
      for await (const chunk of randomChunks(5 * 1024 * 1024)) {
        hash.update(chunk);
        parts.push(chunk);
        yield chunk;
      }
    };
    const stored = await storage.put(key, Readable.from(upload()));
    expect(stored.size).toBe(5 * 1024 * 1024);
    expect(stored.sha256).toBe(hash.digest('hex'));
    expect((await readFile(pathOf(key))).length).toBe(encryptedSize(5 * 1024 * 1024));

    const download = await storage.get(key);
    let largest = 0;
    const received: Buffer[] = [];
    for await (const chunk of download) {
      largest = Math.max(largest, chunk.length);
      received.push(chunk);
    }
    expect(largest).toBeLessThanOrEqual(frameSize);
    expect(Buffer.concat(received).equals(Buffer.concat(parts))).toBe(true);
  });

  it('round-trips sizes around frame boundaries', async () => {
    for (const size of [1, frameSize - 1, frameSize, frameSize + 1, 2 * frameSize, 3 * frameSize + 7]) {
      const { key, content } = await storeRandom(size);
      expect((await readAll(await storage.get(key))).equals(content)).toBe(true);
      expect((await readFile(pathOf(key))).length).toBe(encryptedSize(size));
    }
  });

  it('encrypts the same content differently each time (fresh salt per file)', async () => {
    const content = Buffer.from('same bytes');
    const [first, second] = [newFileKey(), newFileKey()];
    await storage.put(first, content);
    await storage.put(second, content);
    expect((await readFile(pathOf(first))).equals(await readFile(pathOf(second)))).toBe(false);
  });

  it('deletes and tells whether a file exists', async () => {
    const { key } = await storeRandom(10);
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.delete(key)).toBe(true);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.delete(key)).toBe(false);
    await expectFailure(storage.get(key), 'NOT_FOUND');
  });
});

describe('encrypted file storage: refusals leave nothing behind', () => {
  const nothingStored = async (key: string) => {
    expect(await storage.exists(key)).toBe(false);
    expect(await readdir(join(store.root, 'tmp')).catch(() => [])).toEqual([]);
  };

  it('refuses an empty file', async () => {
    const key = newFileKey();
    await expectFailure(storage.put(key, new Uint8Array()), 'EMPTY');
    await expectFailure(storage.put(key, Readable.from([])), 'EMPTY');
    await nothingStored(key);
  });

  it('stops a file over the limit and stores nothing; accepts one at the limit', async () => {
    const key = newFileKey();
    await expectFailure(
      storage.put(key, Readable.from(randomChunks(300_001)), { maxBytes: 300_000 }),
      'TOO_LARGE',
    );
    await nothingStored(key);
    expect((await storage.put(key, randomBytes(300_000), { maxBytes: 300_000 })).size).toBe(300_000);
  });

  it('stores nothing when the upload breaks off', async () => {
    const key = newFileKey();
    const broken = async function* () {
      yield randomBytes(200_000);
      throw new Error('client went away');
    };
    await expect(storage.put(key, broken())).rejects.toThrow('client went away');
    await nothingStored(key);
  });
});

describe('encrypted file storage: a failing store', () => {
  it('rejects and releases the upload it did not read', async () => {
    let released = false;
    const upload = async function* () {
      try {
        for (;;) yield randomBytes(10_000);
      } finally {
        released = true;
      }
    };
    const failing = createFileStorage({
      store: { ...store, put: async () => Promise.reject(new Error('disk full')) },
      key: filesKey,
    });
    await expect(failing.put(newFileKey(), Readable.from(upload()))).rejects.toThrow('disk full');
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(true);
  });
});

describe('encrypted file storage: altered files do not read', () => {
  it('fails when any one byte of the stored file changes', async () => {
    const { key, content } = await storeRandom(3 * frameSize + 100);
    const original = await readFile(pathOf(key));
    // version, key id, salt, first frame, a middle frame, the last tag
    for (const position of [4, 6, 20, 40, frameSize + 100, original.length - 1]) {
      await alterStored(key, (bytes) => {
        const altered = Buffer.from(bytes);
        altered[position] = altered[position]! ^ 0x01;
        return altered;
      });
      await expectReadFailure(key, position >= 5 && position < 13 ? 'WRONG_KEY' : 'CORRUPT');
      await writeFile(pathOf(key), original);
    }
    expect((await readAll(await storage.get(key))).equals(content)).toBe(true);
  });

  it('releases no byte of a frame that does not authenticate', async () => {
    const { key } = await storeRandom(1000);
    await alterStored(key, (bytes) => {
      bytes[100] = bytes[100]! ^ 0xff;
      return bytes;
    });
    const received: Buffer[] = [];
    await expectFailure(
      (async () => {
        for await (const chunk of await storage.get(key)) received.push(chunk);
      })(),
      'CORRUPT',
    );
    expect(received).toEqual([]);
  });

  it('fails with another key', async () => {
    const { key } = await storeRandom(5000);
    const otherKey = createFileStorage({ store, key: randomBytes(32) });
    await expectReadFailure(key, 'WRONG_KEY', otherKey);
  });

  it('fails when the file is truncated: mid-frame, at a frame boundary, to its header, to nothing', async () => {
    const { key } = await storeRandom(3 * frameSize + 10);
    const original = await readFile(pathOf(key));
    const headerLength = encryptedSize(0) - 16;
    const sealedFrame = frameSize + 16;
    for (const length of [
      original.length - 1,
      headerLength + 2 * sealedFrame,
      headerLength + 20,
      headerLength,
      3,
      0,
    ]) {
      await writeFile(pathOf(key), original.subarray(0, length));
      await expectReadFailure(key, 'CORRUPT');
    }
  });

  it('fails when bytes are appended or frames swapped', async () => {
    const { key } = await storeRandom(3 * frameSize + 10);
    const original = await readFile(pathOf(key));
    const headerLength = encryptedSize(0) - 16;
    const sealedFrame = frameSize + 16;

    await writeFile(pathOf(key), Buffer.concat([original, Buffer.of(0)]));
    await expectReadFailure(key, 'CORRUPT');

    const frame = (index: number) =>
      original.subarray(headerLength + index * sealedFrame, headerLength + (index + 1) * sealedFrame);
    const swapped = Buffer.concat([
      original.subarray(0, headerLength),
      frame(1),
      frame(0),
      original.subarray(headerLength + 2 * sealedFrame),
    ]);
    await writeFile(pathOf(key), swapped);
    await expectReadFailure(key, 'CORRUPT');

    const duplicated = Buffer.concat([
      original.subarray(0, headerLength + sealedFrame),
      original.subarray(headerLength),
    ]);
    await writeFile(pathOf(key), duplicated);
    await expectReadFailure(key, 'CORRUPT');
  });

  it('fails on a file that is not a Sourire file at all', async () => {
    const { key } = await storeRandom(10);
    await writeFile(pathOf(key), Buffer.from('%PDF-1.7 plain, never encrypted'));
    await expectReadFailure(key, 'CORRUPT');
  });
});

describe('encrypted file storage: configuration', () => {
  it('refuses a key that is not 32 bytes', () => {
    expect(() => createFileStorage({ store, key: randomBytes(16) })).toThrow(/32 bytes/);
  });
});
