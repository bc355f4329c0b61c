import type { FileStorage } from '../../files/file-storage';

/**
 * The whole decrypted content of a stored file. Only for pdf-lib (checking a PDF to sign, signing,
 * verifying), which needs the bytes in memory; downloads stream instead.
 */
export async function readStored(files: FileStorage, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await files.get(key)) parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}
