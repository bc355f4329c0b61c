import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskObjectStore, type DiskObjectStore } from '../files/disk-object-store';
import { FileStorageError } from '../files/errors';
import { newFileKey } from '../files/file-key';
import { createFileStorage, type FileStorage } from '../files/file-storage';
import { readAll, temporaryFolder } from '../files/test-helpers';
import { hashStream } from './hash';
import { signPdf } from './sign-pdf';
import { verifySignedPdf } from './verify-signed-pdf';

// The path the signing use case will take: the original is stored when shared, read back and signed,
// the signed PDF stored next to it, and the console's "verify" reads both from storage again.

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let store: DiskObjectStore;
let storage: FileStorage;

beforeEach(async () => {
  folder = await temporaryFolder();
  store = createDiskObjectStore(join(folder.dir, 'files'));
  storage = createFileStorage({ store, key: randomBytes(32) });
});

afterEach(async () => {
  await folder.remove();
});

async function signStoredQuote() {
  const document = await PDFDocument.create();
  document.addPage();
  const originalKey = newFileKey();
  const original = await storage.put(originalKey, await document.save());

  const shown = await readAll(await storage.get(originalKey));
  const referenceId = newFileKey();
  const signed = await signPdf(shown, {
    referenceId,
    documentTitle: 'Consentement éclairé',
    signerName: 'Léa Durand',
    phone: '+33639981001',
    signedAt: new Date('2025-06-02T08:00:00Z'),
    timeZone: 'Europe/Paris',
    originalSha256: original.sha256,
  });
  const signedKey = newFileKey();
  const stored = await storage.put(signedKey, signed.bytes);
  expect(stored.sha256).toBe(signed.sha256);
  return {
    originalKey,
    signedKey,
    record: { referenceId, originalSha256: original.sha256, signedSha256: signed.sha256 },
  };
}

describe('signing stored documents', () => {
  it('re-hashes a stored file from its decrypted stream to the hash recorded when it was stored', async () => {
    const { originalKey, record } = await signStoredQuote();
    expect((await hashStream(await storage.get(originalKey))).sha256).toBe(record.originalSha256);
  });

  it('verifies the stored signed PDF against its stored original', async () => {
    const { originalKey, signedKey, record } = await signStoredQuote();
    const signed = await readAll(await storage.get(signedKey));
    const original = await readAll(await storage.get(originalKey));
    const verification = await verifySignedPdf(signed, record, original);
    expect(verification.valid).toBe(true);
    expect(verification.checks).toHaveLength(4);
  });

  it('cannot verify once one byte of the stored (encrypted) signed file changed: reading it fails', async () => {
    const { signedKey } = await signStoredQuote();
    const path = join(store.root, signedKey.slice(-4, -2), signedKey.slice(-2), signedKey);
    const bytes = await readFile(path);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01;
    await writeFile(path, bytes);
    await expect(hashStream(await storage.get(signedKey))).rejects.toSatisfy(
      (error) => error instanceof FileStorageError && error.code === 'CORRUPT',
    );
  });
});
