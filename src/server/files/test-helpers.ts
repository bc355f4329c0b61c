import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Reads a whole stream (tests only: the code under test never does this). */
export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** `size` random bytes, yielded in chunks of `chunk` bytes like a network upload. */
export async function* randomChunks(size: number, chunk = 100_000): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < size; sent += chunk) yield randomBytes(Math.min(chunk, size - sent));
}

/** A fresh temporary folder, and a function that removes it. */
export async function temporaryFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sourire-files-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
