import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { assertFilesKey, createDecryptStream, createEncryptStream } from './encryption';
import { FileStorageError } from './errors';
import { assertFileKey } from './file-key';
import type { ObjectStore, StoredObject } from './object-store';

/** What `put` stored: the plaintext's size and SHA-256 (hex), to keep in the owning row. */
export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

export interface PutOptions {
  /** Stop and store nothing (TOO_LARGE) past this many plaintext bytes. */
  maxBytes?: number;
}

/**
 * The files of patients and practices (attachments, documents, signed PDFs): encrypted at rest,
 * streamed both ways, under keys from `newFileKey`. Authorization is the caller's job, on every read.
 */
export interface FileStorage {
  /**
   * Encrypts and stores `content`, computing its SHA-256 on the way. Refuses empty content (EMPTY) and
   * content over `maxBytes` (TOO_LARGE); on any failure nothing is stored.
   */
  put(
    key: string,
    content: Uint8Array | AsyncIterable<Uint8Array>,
    options?: PutOptions,
  ): Promise<StoredFile>;
  /**
   * The decrypted content as a stream; rejects NOT_FOUND at once when there is none. The stream fails
   * with CORRUPT or WRONG_KEY if the stored bytes do not authenticate, before releasing any altered byte.
   */
  get(key: string): Promise<Readable>;
  /** Deletes the file; false when there was none. */
  delete(key: string): Promise<boolean>;
  exists(key: string): Promise<boolean>;
  /** Every stored file's key and last write (the sweep of files no row refers to). */
  list(): AsyncIterable<StoredObject>;
  /** Removes half-written uploads older than `olderThanMs`; how many. */
  sweepTemporaryFiles(now: Date, olderThanMs: number): Promise<number>;
}

function meter(maxBytes: number, onDone: (size: number, sha256: string) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: unknown, _encoding: BufferEncoding, done: TransformCallback) {
      if (!(chunk instanceof Uint8Array)) return done(new TypeError('file content must be bytes'));
      size += chunk.length;
      if (size > maxBytes) return done(new FileStorageError('TOO_LARGE'));
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      if (size === 0) return done(new FileStorageError('EMPTY'));
      onDone(size, hash.digest('hex'));
      done();
    },
  });
}

/** Files encrypted with `key` (FILES_KEY, 32 bytes) in `store` (the disk, or later an S3 bucket). */
export function createFileStorage(options: { store: ObjectStore; key: Uint8Array }): FileStorage {
  const { store, key } = options;
  assertFilesKey(key);

  return {
    async put(fileKey, content, putOptions = {}) {
      assertFileKey(fileKey);
      let measured: { size: number; sha256: string } | null = null;
      const source = content instanceof Uint8Array ? [content] : content;
      // A failure anywhere (the source, the limit, the store) destroys the streams with that error,
      // which makes `store.put` discard what it wrote and reject with it.
      const encrypted = pipeline(
        source,
        meter(putOptions.maxBytes ?? Number.POSITIVE_INFINITY, (size, sha256) => {
          measured = { size, sha256 };
        }),
        createEncryptStream(key),
        () => undefined,
      );
      try {
        await store.put(fileKey, encrypted);
      } catch (error) {
        // a store that failed before reading everything must not leave the upload hanging
        encrypted.destroy();
        throw error;
      }
      const result = measured as { size: number; sha256: string } | null;
      if (!result) throw new FileStorageError('EMPTY');
      return { key: fileKey, ...result };
    },

    async get(fileKey) {
      assertFileKey(fileKey);
      const encrypted = await store.get(fileKey);
      // The callback form returns the last stream; errors of either side surface on it for the reader.
      return pipeline(encrypted, createDecryptStream(key), () => undefined);
    },

    async delete(fileKey) {
      assertFileKey(fileKey);
      return store.delete(fileKey);
    },

    async exists(fileKey) {
      assertFileKey(fileKey);
      return store.exists(fileKey);
    },

    list: () => store.list(),
    sweepTemporaryFiles: (now, olderThanMs) => store.sweepTemporaryFiles(now, olderThanMs),
  };
}
