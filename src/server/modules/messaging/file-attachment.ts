import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Attachment, fileAttachmentBody } from '../../../contracts/messaging';
import { type Ctx, withTransaction } from '../../context';
import { messageAttachments, messages, messageThreads } from '../../db/schema';
import { AppError } from '../../errors';
import { discardStored } from '../../files/store-upload';
import { recordAudit } from '../audit/record-audit';
import { insertDocument } from '../documents/upload-document';
import { copyStoredFile } from './copy-file';
import { staffActor } from './thread-patient';

/**
 * Files a patient's attachment into the patient's documents (MSG-1, "enregistrée dans son dossier"):
 * a copy of the file becomes a document of the thread's patient (never to sign; shared by its type's
 * default rules), so the message and the document can each be deleted alone. Staff attachments and an
 * attachment already filed (while its document exists) answer 409 CONFLICT. Audited.
 */
export async function fileAttachmentToDocuments(
  ctx: Ctx,
  attachmentId: string,
  input: z.output<typeof fileAttachmentBody>,
): Promise<Attachment> {
  const { staffId } = staffActor(ctx);
  const [found] = await ctx.db
    .select({
      attachment: messageAttachments,
      authorKind: messages.authorKind,
      patientId: messageThreads.patientId,
    })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(and(eq(messageAttachments.id, attachmentId), eq(messageAttachments.practiceId, ctx.practiceId)));
  if (!found) throw AppError.notFound();
  const { attachment } = found;
  if (found.authorKind !== 'patient' || attachment.filedDocumentId) throw new AppError('CONFLICT');

  const copy = await copyStoredFile(ctx.deps.files, attachment.fileKey, attachment.sha256);
  try {
    const filed = await withTransaction(ctx, async (tx) => {
      const document = await insertDocument(tx, {
        patientId: found.patientId,
        type: input.type,
        title: input.title ?? attachment.name,
        requiresSignature: false,
        letterToProfessional: false,
        visibility: null,
        file: { key: copy.key, contentType: attachment.contentType, size: copy.size, sha256: copy.sha256 },
        pageCount: null,
      });
      // only if nobody filed it meanwhile: the loser's document rolls back with this transaction
      const [updated] = await tx.db
        .update(messageAttachments)
        .set({ filedAt: tx.now, filedBy: staffId, filedDocumentId: document.id })
        .where(and(eq(messageAttachments.id, attachment.id), isNull(messageAttachments.filedDocumentId)))
        .returning();
      if (!updated) throw new AppError('CONFLICT');
      await recordAudit(tx, {
        action: 'message_attachment.file',
        entity: 'message_attachment',
        entityId: attachment.id,
        patientId: found.patientId,
        details: { documentId: document.id, type: input.type },
      });
      return updated;
    });
    return {
      id: filed.id,
      name: filed.name,
      contentType: filed.contentType,
      size: filed.size,
      sha256: filed.sha256,
      filedAt: filed.filedAt?.toISOString() ?? null,
      filedDocumentId: filed.filedDocumentId,
    };
  } catch (error) {
    await discardStored(ctx.deps.files, [copy.key]);
    throw error;
  }
}
