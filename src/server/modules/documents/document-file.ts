import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { extensionOf } from '../../../domain/files/content-type';
import type { Ctx } from '../../context';
import { documentSignatures } from '../../db/schema';
import { AppError } from '../../errors';
import { type DocumentRow, downloadName } from './document-view';

export type FileVersion = 'current' | 'original' | 'signed';

/** What a download route streams: the decrypted content and its headers' facts. */
export interface DocumentFile {
  stream: Readable;
  size: number;
  contentType: string;
  name: string;
}

/** The stored file of a version of a document: the signed PDF once signed ('current'), or the original. */
export async function fileOfVersion(
  tx: Ctx,
  document: DocumentRow,
  version: FileVersion,
): Promise<{ key: string; size: number; contentType: string; name: string; signed: boolean }> {
  if (version !== 'original' && document.signedAt) {
    const [signature] = await tx.db
      .select({ key: documentSignatures.signedFileKey, size: documentSignatures.signedSize })
      .from(documentSignatures)
      .where(eq(documentSignatures.documentId, document.id));
    if (!signature) throw new Error(`signed document ${document.id} has no signature row`);
    return {
      key: signature.key,
      size: signature.size,
      contentType: 'application/pdf',
      name: downloadName(document.title, 'pdf'),
      signed: true,
    };
  }
  if (version === 'signed') throw AppError.notFound();
  return {
    key: document.fileKey,
    size: document.size,
    contentType: document.contentType,
    name: downloadName(document.title, extensionOf[document.contentType]),
    signed: false,
  };
}

/** Opens a file chosen (and authorised) inside a transaction, once that transaction committed. */
export async function openFile(
  ctx: Ctx,
  file: { key: string; size: number; contentType: string; name: string },
): Promise<DocumentFile> {
  return {
    stream: await ctx.deps.files.get(file.key),
    size: file.size,
    contentType: file.contentType,
    name: file.name,
  };
}
