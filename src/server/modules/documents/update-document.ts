import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { documentUpdateBody, StaffDocument } from '../../../contracts/documents';
import type { Ctx } from '../../context';
import { documents, staff } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { getDocumentSettings } from './document-settings';
import { toStaffDocument } from './document-view';
import { withStaffDocument } from './staff-document';

/**
 * Staff change a document's title, its own visibility (null: back to its type's default) or whether it
 * is a letter to another professional (DOC-2, SEC-3: one document can be withheld from the app).
 */
export async function updateDocument(
  ctx: Ctx,
  documentId: string,
  changes: z.infer<typeof documentUpdateBody>,
): Promise<StaffDocument> {
  return withStaffDocument(
    ctx,
    documentId,
    async (tx, before) => {
      const [row] = await tx.db
        .update(documents)
        .set({
          ...(changes.title === undefined ? {} : { title: changes.title }),
          ...(changes.visibility === undefined ? {} : { visibility: changes.visibility }),
          ...(changes.letterToProfessional === undefined
            ? {}
            : { letterToProfessional: changes.letterToProfessional }),
        })
        .where(eq(documents.id, documentId))
        .returning();
      if (!row) throw new Error('document vanished under its lock');
      await recordAudit(tx, {
        action: 'document.update',
        entity: 'document',
        entityId: row.id,
        patientId: row.patientId,
        details: {
          before: {
            title: before.title,
            visibility: before.visibility,
            letterToProfessional: before.letterToProfessional,
          },
          after: changes,
        },
      });
      const settings = await getDocumentSettings(tx.db, tx.practiceId);
      const [uploader] = row.uploadedBy
        ? await tx.db
            .select({ id: staff.id, firstName: staff.firstName, lastName: staff.lastName })
            .from(staff)
            .where(eq(staff.id, row.uploadedBy))
        : [];
      return toStaffDocument(row, settings, uploader ?? null);
    },
    { forUpdate: true },
  );
}
