import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PendingSignaturePage, pendingSignatureQuery } from '../../../contracts/documents';
import { type Ctx, withTransaction } from '../../context';
import { documents, patients, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { keysetCursor } from '../cursor';
import { getDocumentSettings } from './document-settings';
import { toStaffDocument } from './document-view';

/**
 * Every document waiting for a signature, whatever the patient (DOC-4, console "Signatures"): the
 * longest waiting first, keyset-paginated on the partial index of pending documents; audited.
 */
export async function listPendingSignatures(
  ctx: Ctx,
  query: z.infer<typeof pendingSignatureQuery>,
): Promise<PendingSignaturePage> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const cursor = keysetCursor.decode(query.cursor);
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select({
        document: documents,
        patient: {
          id: patients.id,
          firstName: patients.firstName,
          lastName: patients.lastName,
          birthDate: patients.birthDate,
        },
        uploader: { id: staff.id, firstName: staff.firstName, lastName: staff.lastName },
      })
      .from(documents)
      .innerJoin(patients, eq(patients.id, documents.patientId))
      .leftJoin(staff, eq(staff.id, documents.uploadedBy))
      .where(
        and(
          eq(documents.practiceId, tx.practiceId),
          eq(documents.requiresSignature, true),
          isNull(documents.signedAt),
          cursor
            ? sql`(${documents.createdAt}, ${documents.id}) > (${cursor.at}, ${cursor.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(documents.createdAt), asc(documents.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const settings = await getDocumentSettings(tx.db, tx.practiceId);
    if (page.length > 0) {
      await recordAudit(tx, {
        action: 'document.list_pending',
        entity: 'document',
        details: { documentIds: page.map((row) => row.document.id) },
      });
    }
    return {
      items: page.map((row) => ({
        ...toStaffDocument(row.document, settings, row.uploader),
        patient: row.patient,
      })),
      nextCursor: keysetCursor.next(rows, query.limit, ({ document }) => ({
        at: document.createdAt,
        id: document.id,
      })),
    };
  });
}
