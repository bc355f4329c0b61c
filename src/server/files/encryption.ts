import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { FileStorageError } from './errors';

/*
 * Encryption at rest of stored files: AES-256-GCM in chunked frames.
 *
 * Why frames and not one GCM message per file: a single tag at the end can only be checked after the
 * last byte, so a reader must either buffer the whole file (20 MB per download, times the concurrent
 * downloads) or hand out plaintext it has not authenticated yet. Here the plaintext is cut into 64 KiB
 * chunks, each sealed on its own with its own tag; a reader releases a chunk only after its tag is
 * verified, so memory stays at one frame and no unauthenticated byte ever leaves this module.
 *
 * Each frame's nonce is derived from its position (a counter) and a "last frame" flag, so frames cannot
 * be reordered, dropped, duplicated, or the file cut at a frame boundary (the new last frame was not
 * sealed as last) or extended. The header is the additional authenticated data of every frame.
 *
 * Each file gets its own AES key, derived with HKDF-SHA256 from FILES_KEY and a random 16-byte salt
 * in its header. Counter nonces are then unique per key by construction, and the number of files one
 * FILES_KEY can encrypt is not limited by the birthday bound of random 96-bit GCM nonces.
 *
 * Format, version 1:
 *   header (29 bytes): "SRFE" | version 0x01 | key id (8) | salt (16)
 *   frames: ciphertext (64 KiB, the last one 0..64 KiB) | tag (16); every frame but the last is full.
 *   nonce of frame i: 0x000000 | i as uint64 big-endian | 0x01 if last else 0x00
 * The key id (HMAC of a fixed label under FILES_KEY) tells "encrypted with another key" apart from
 * "altered" when FILES_KEY was changed by mistake, and leaves room for key rotation in a version 2.
 */

const magic = Buffer.from('SRFE', 'latin1');
const version = 1;
const keyIdLength = 8;
const saltLength = 16;
const tagLength = 16;
const headerLength = magic.length + 1 + keyIdLength + saltLength;

/** Plaintext bytes per frame. */
export const frameSize = 64 * 1024;
const sealedFrameSize = frameSize + tagLength;

/** The stored size of `plaintextSize` bytes: header, then every frame's tag added. */
export function encryptedSize(plaintextSize: number): number {
  const frames = Math.max(1, Math.ceil(plaintextSize / frameSize));
  return headerLength + plaintextSize + frames * tagLength;
}

/** Checks a FILES_KEY: AES-256 needs exactly 32 bytes. */
export function assertFilesKey(key: Uint8Array): void {
  if (key.length !== 32) throw new Error('FILES_KEY must be 32 bytes');
}

function keyIdOf(masterKey: Uint8Array): Buffer {
  return createHmac('sha256', masterKey).update('sourire/files/key-id').digest().subarray(0, keyIdLength);
}

function fileKeyOf(masterKey: Uint8Array, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, salt, 'sourire/files/v1', 32));
}

function nonceOf(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 3);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Collects written bytes and hands them out in frames without copying more than it must. */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;

  push(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  take(count: number): Buffer {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.length);
    const taken = all.subarray(0, count);
    const rest = all.subarray(count);
    this.parts = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return taken;
  }
}

function asBuffer(chunk: unknown): Buffer {
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('file streams carry bytes, not strings or objects');
}

/** A stream that encrypts the bytes written to it into the format above. */
export function createEncryptStream(masterKey: Uint8Array): Transform {
  assertFilesKey(masterKey);
  const salt = randomBytes(saltLength);
  const header = Buffer.concat([magic, Buffer.of(version), keyIdOf(masterKey), salt]);
  const key = fileKeyOf(masterKey, salt);
  const pending = new ByteQueue();
  let index = 0;
  let headerSent = false;

  const seal = (stream: Transform, plaintext: Buffer, last: boolean) => {
    if (!headerSent) {
      stream.push(header);
      headerSent = true;
    }
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(index, last), { authTagLength: tagLength });
    cipher.setAAD(header);
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    index += 1;
    stream.push(sealed);
  };

  return new Transform({
    transform(chunk: unknown, _encoding: BufferEncoding, done: TransformCallback) {
      try {
        pending.push(asBuffer(chunk));
        // Strictly more than a frame: a full frame is only known not to be the last once a byte follows.
        while (pending.length > frameSize) seal(this, pending.take(frameSize), false);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      seal(this, pending.take(pending.length), true);
      done();
    },
  });
}

/**
 * A stream that decrypts what `createEncryptStream` wrote, releasing each frame once its tag verifies.
 * It fails with WRONG_KEY or CORRUPT (altered, truncated, extended, or not such a file); the bytes it
 * released before are authentic, but the file is only known complete when the stream ends without error.
 */
export function createDecryptStream(masterKey: Uint8Array): Transform {
  assertFilesKey(masterKey);
  const expectedKeyId = keyIdOf(masterKey);
  const pending = new ByteQueue();
  let header: Buffer | null = null;
  let key: Buffer | null = null;
  let index = 0;

  const readHeader = () => {
    const candidate = Buffer.from(pending.take(headerLength));
    if (!candidate.subarray(0, magic.length).equals(magic) || candidate[magic.length] !== version)
      throw new FileStorageError('CORRUPT');
    const keyId = candidate.subarray(magic.length + 1, magic.length + 1 + keyIdLength);
    if (!timingSafeEqual(keyId, expectedKeyId)) throw new FileStorageError('WRONG_KEY');
    header = candidate;
    key = fileKeyOf(masterKey, candidate.subarray(headerLength - saltLength));
  };

  const open = (stream: Transform, sealed: Buffer, last: boolean) => {
    if (!header || !key || sealed.length < tagLength) throw new FileStorageError('CORRUPT');
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(index, last), { authTagLength: tagLength });
    decipher.setAAD(header);
    decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
    const body = decipher.update(sealed.subarray(0, sealed.length - tagLength));
    try {
      decipher.final();
    } catch (cause) {
      throw new FileStorageError('CORRUPT', { cause });
    }
    index += 1;
    if (body.length > 0) stream.push(body);
  };

  return new Transform({
    transform(chunk: unknown, _encoding: BufferEncoding, done: TransformCallback) {
      try {
        pending.push(asBuffer(chunk));
        if (!header && pending.length >= headerLength) readHeader();
        if (header) while (pending.length > sealedFrameSize) open(this, pending.take(sealedFrameSize), false);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!header) throw new FileStorageError('CORRUPT');
        open(this, pending.take(pending.length), true);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
