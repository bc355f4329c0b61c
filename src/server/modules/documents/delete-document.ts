import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { documents } from '../../db/schema';
import { AppError } from '../../errors';
import { discardStored } from '../../files/store-upload';
import { recordAudit } from '../audit/record-audit';
import { withStaffDocument } from './staff-document';

/**
 * Removes a document shared by mistake (the wrong patient, the wrong file): its row, its links and its
 * file. A signed document is evidence and stays (CONFLICT).
 */
export async function deleteDocument(ctx: Ctx, documentId: string): Promise<void> {
  const fileKey = await withStaffDocument(
    ctx,
    documentId,
    async (tx, document) => {
      if (document.signedAt) throw new AppError('DOCUMENT_ALREADY_SIGNED');
      await tx.db.delete(documents).where(eq(documents.id, document.id));
      await recordAudit(tx, {
        action: 'document.delete',
        entity: 'document',
        entityId: document.id,
        patientId: document.patientId,
        details: { title: document.title, type: document.type, sha256: document.sha256 },
      });
      return document.fileKey;
    },
    { forUpdate: true },
  );
  // once the row is gone for good: a rolled-back delete must keep its file
  await discardStored(ctx.deps.files, [fileKey]);
}
