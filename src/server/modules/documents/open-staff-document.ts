import type { Ctx } from '../../context';
import { recordAudit } from '../audit/record-audit';
import { type DocumentFile, type FileVersion, fileOfVersion, openFile } from './document-file';
import { withStaffDocument } from './staff-document';

/** Staff download a document (the signed PDF once signed, or the version asked for); audited each time. */
export async function openStaffDocument(
  ctx: Ctx,
  documentId: string,
  version: FileVersion,
): Promise<DocumentFile> {
  const file = await withStaffDocument(ctx, documentId, async (tx, document) => {
    const chosen = await fileOfVersion(tx, document, version);
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
