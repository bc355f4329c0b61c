import { createHash } from 'node:crypto';

/** SHA-256 of bytes, lowercase hex: the fingerprint printed on signed PDFs and kept as evidence. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * SHA-256 and size of a stream, read once without keeping it: a stored file is re-hashed from storage
 * (decrypted on the fly) to verify it matches its evidence.
 */
export async function hashStream(
  source: AsyncIterable<Uint8Array>,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
