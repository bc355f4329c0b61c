import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { type Ctx, withTransaction } from '../../context';
import { messageAttachments, messages, messageThreads } from '../../db/schema';
import { AppError } from '../../errors';
import { isFileStorageError } from '../../files/errors';
import type { FileStorage } from '../../files/file-storage';
import { recordAudit } from '../audit/record-audit';
import { appFamily } from '../patient-app/app-family';
import { staffActor } from './thread-patient';

/** A stored file ready to stream: the route sends these headers and pipes `stream`. */
export interface OpenedFile {
  name: string;
  contentType: string;
  size: number;
  stream: Readable;
}

async function findAttachment(ctx: Ctx, attachmentId: string) {
  const [row] = await ctx.db
    .select({
      id: messageAttachments.id,
      fileKey: messageAttachments.fileKey,
      name: messageAttachments.name,
      contentType: messageAttachments.contentType,
      size: messageAttachments.size,
      messageId: messages.id,
      patientId: messageThreads.patientId,
    })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(and(eq(messageAttachments.id, attachmentId), eq(messageAttachments.practiceId, ctx.practiceId)));
  return row ?? null;
}

/** Opens a stored file; a row whose file is gone answers 404 like an unknown one. */
export async function openStored(
  files: FileStorage,
  row: { fileKey: string; name: string; contentType: string; size: number },
): Promise<OpenedFile> {
  try {
    const stream = await files.get(row.fileKey);
    return { name: row.name, contentType: row.contentType, size: row.size, stream };
  } catch (error) {
    if (isFileStorageError(error, 'NOT_FOUND')) throw AppError.notFound();
    throw error;
  }
}

/**
 * An attachment of one of the family's threads, for the app (MSG-1). Authorization is checked on every
 * download against the family as it is now: another family's attachment answers 404, like an unknown id.
 */
export async function openPatientAttachment(ctx: Ctx, attachmentId: string): Promise<OpenedFile> {
  const [row, family] = await Promise.all([findAttachment(ctx, attachmentId), appFamily(ctx)]);
  if (!row || !family.some((member) => member.id === row.patientId)) throw AppError.notFound();
  return openStored(ctx.deps.files, row);
}

/** An attachment of any thread of the practice, for staff; the download is audited (SEC-2). */
export async function openStaffAttachment(ctx: Ctx, attachmentId: string): Promise<OpenedFile> {
  staffActor(ctx);
  const row = await withTransaction(ctx, async (tx) => {
    const found = await findAttachment(tx, attachmentId);
    if (!found) throw AppError.notFound();
    await recordAudit(tx, {
      action: 'message_attachment.read',
      entity: 'message_attachment',
      entityId: found.id,
      patientId: found.patientId,
    });
    return found;
  });
  return openStored(ctx.deps.files, row);
}
