import type { Readable } from 'node:stream';

/**
 * Where the encrypted bytes of files live: a flat namespace of opaque objects under file keys. The disk
 * store is the default; an S3-compatible store implements the same four operations (PutObject through a
 * multipart upload, GetObject, DeleteObject, HeadObject). Encryption and hashing sit above it in
 * `FileStorage`, so a store only ever sees ciphertext and needs no crypto of its own.
 */
export interface ObjectStore {
  /**
   * Stores the bytes of `body` under `key`, all or nothing: if `body` fails (a size limit, a client
   * that disconnects) or the write does, no object appears and the error is rethrown. Replaces an
   * existing object atomically.
   */
  put(key: string, body: AsyncIterable<Uint8Array>): Promise<void>;
  /** A stream of the object's bytes; rejects with NOT_FOUND before any byte when there is none. */
  get(key: string): Promise<Readable>;
  /** Deletes the object; false when there was none. */
  delete(key: string): Promise<boolean>;
  exists(key: string): Promise<boolean>;
  /** Every stored object with the time it was last written, in no particular order (for the sweeps). */
  list(): AsyncIterable<StoredObject>;
  /** Removes what writes interrupted by a crash left behind, older than `olderThanMs`; how many. */
  sweepTemporaryFiles(now: Date, olderThanMs: number): Promise<number>;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}
