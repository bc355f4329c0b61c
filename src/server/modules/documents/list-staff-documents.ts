import { and, desc, eq } from 'drizzle-orm';
import type { StaffDocument } from '../../../contracts/documents';
import { type Ctx, withTransaction } from '../../context';
import { documents, patients, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { getDocumentSettings } from './document-settings';
import { toStaffDocument } from './document-view';

/** A patient's documents for staff (CON-1), newest first, in one query; the read is audited. */
export async function listStaffDocuments(ctx: Ctx, patientId: string): Promise<{ items: StaffDocument[] }> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return withTransaction(ctx, async (tx) => {
    const [patient] = await tx.db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.practiceId, tx.practiceId)));
    if (!patient) throw AppError.notFound();
    const rows = await tx.db
      .select({
        document: documents,
        uploader: { id: staff.id, firstName: staff.firstName, lastName: staff.lastName },
      })
      .from(documents)
      .leftJoin(staff, eq(staff.id, documents.uploadedBy))
      .where(and(eq(documents.practiceId, tx.practiceId), eq(documents.patientId, patientId)))
      .orderBy(desc(documents.createdAt), desc(documents.id));
    const settings = await getDocumentSettings(tx.db, tx.practiceId);
    await recordAudit(tx, { action: 'document.list', entity: 'document', patientId });
    return { items: rows.map((row) => toStaffDocument(row.document, settings, row.uploader)) };
  });
}
