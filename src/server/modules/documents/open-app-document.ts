import { type Ctx, withTransaction } from '../../context';
import { recordAudit } from '../audit/record-audit';
import { findAppDocument } from './app-document';
import { type DocumentFile, fileOfVersion, openFile } from './document-file';

/**
 * A patient opens a document in the app: the signed PDF once signed, else the original. The right to
 * read is checked again on every download, and each download is audited as a patient access.
 */
export async function openAppDocument(ctx: Ctx, documentId: string): Promise<DocumentFile> {
  const file = await withTransaction(ctx, async (tx) => {
    const { document } = await findAppDocument(tx, documentId);
    const chosen = await fileOfVersion(tx, document, 'current');
    await recordAudit(tx, {
      action: 'document.download',
      entity: 'document',
      entityId: document.id,
      patientId: document.patientId,
      details: { version: chosen.signed ? 'signed' : 'original' },
    });
    return chosen;
  });
  return openFile(ctx, file);
}
