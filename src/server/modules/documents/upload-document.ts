import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { DocumentType, StaffDocument, Visibility } from '../../../contracts/documents';
import type { AcceptedContentType } from '../../../domain/files/content-type';
import { type Ctx, withTransaction } from '../../context';
import { documents, patients, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { discardStored, storeUpload } from '../../files/store-upload';
import { SignatureError } from '../../signature/errors';
import { inspectPdf } from '../../signature/load-pdf';
import { recordAudit } from '../audit/record-audit';
import { getDocumentSettings } from './document-settings';
import { toStaffDocument } from './document-view';
import { readStored } from './stored-bytes';

export interface NewDocument {
  patientId: string;
  type: DocumentType;
  title: string;
  requiresSignature: boolean;
  letterToProfessional: boolean;
  visibility: Visibility | null;
}

const documentContentTypes: readonly AcceptedContentType[] = ['application/pdf'];

/**
 * Writes the row of a document whose file is already stored, with its audit entry, inside the
 * caller's transaction. Uploads use it, and so can filing a message attachment into the documents.
 * @public
 */
export async function insertDocument(
  tx: Ctx,
  document: NewDocument & {
    file: { key: string; contentType: AcceptedContentType; size: number; sha256: string };
    pageCount: number | null;
  },
) {
  const [row] = await tx.db
    .insert(documents)
    .values({
      practiceId: tx.practiceId,
      patientId: document.patientId,
      type: document.type,
      title: document.title,
      fileKey: document.file.key,
      contentType: document.file.contentType,
      size: document.file.size,
      sha256: document.file.sha256,
      pageCount: document.pageCount,
      requiresSignature: document.requiresSignature,
      letterToProfessional: document.letterToProfessional,
      visibility: document.visibility,
      uploadedBy: tx.actor.kind === 'staff' ? tx.actor.staffId : null,
      createdAt: tx.now,
    })
    .returning();
  if (!row) throw new Error('document not created');
  await recordAudit(tx, {
    action: 'document.create',
    entity: 'document',
    entityId: row.id,
    patientId: row.patientId,
    details: { type: row.type, requiresSignature: row.requiresSignature, sha256: row.sha256 },
  });
  return row;
}

/**
 * Staff share a PDF with a patient (DOC-1). The patient is checked before a byte is read; the type
 * comes from the content (PDF only), the size is limited while streaming, and a PDF to sign must be
 * signable (readable, not encrypted). On any refusal or failure nothing is kept: no row, no file.
 * @public
 */
export async function uploadDocument(
  ctx: Ctx,
  input: NewDocument & { upload: { stream: Readable; filename: string | undefined } },
): Promise<StaffDocument> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const [patient] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.id, input.patientId), eq(patients.practiceId, ctx.practiceId)));
  if (!patient) throw AppError.notFound();

  const limits = { maxBytes: ctx.deps.config.files.maxBytes, allowed: documentContentTypes };
  const stored = await storeUpload(ctx.deps.files, input.upload, limits);
  try {
    let pageCount: number | null = null;
    if (input.requiresSignature) {
      try {
        pageCount = (await inspectPdf(await readStored(ctx.deps.files, stored.key))).pageCount;
      } catch (error) {
        if (error instanceof SignatureError) throw new AppError('PDF_NOT_SIGNABLE');
        throw error;
      }
    }
    const staffId = ctx.actor.staffId;
    return await withTransaction(ctx, async (tx) => {
      const row = await insertDocument(tx, { ...input, file: stored, pageCount });
      const settings = await getDocumentSettings(tx.db, tx.practiceId);
      const [uploader] = await tx.db
        .select({ id: staff.id, firstName: staff.firstName, lastName: staff.lastName })
        .from(staff)
        .where(eq(staff.id, staffId));
      return toStaffDocument(row, settings, uploader ?? null);
    });
  } catch (error) {
    await discardStored(ctx.deps.files, [stored.key]);
    throw error;
  }
}
