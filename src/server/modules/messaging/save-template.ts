import { and, eq } from 'drizzle-orm';
import type { MessageTemplate } from '../../../contracts/messaging';
import { type Ctx, withTransaction } from '../../context';
import { messageTemplates } from '../../db/schema';
import { AppError } from '../../errors';
import { discardStored, type StoredUpload } from '../../files/store-upload';
import { findTemplate, templateView } from './template-view';
import { staffActor } from './thread-patient';

export interface TemplateInput {
  title: string;
  body: string;
  /** a new attachment, already stored; replaces the current one */
  upload: StoredUpload | null;
  /** update only: drop the current attachment */
  removeAttachment?: boolean;
}

function attachmentColumns(upload: StoredUpload | null) {
  return {
    attachmentFileKey: upload?.key ?? null,
    attachmentName: upload?.name ?? null,
    attachmentContentType: upload?.contentType ?? null,
    attachmentSize: upload?.size ?? null,
    attachmentSha256: upload?.sha256 ?? null,
  };
}

/** Runs `work`; on failure deletes the upload it was given, so a refused template stores nothing. */
async function owningUpload<T>(ctx: Ctx, upload: StoredUpload | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (upload) await discardStored(ctx.deps.files, [upload.key]);
    throw error;
  }
}

/**
 * A new predefined reply (MSG-2, admin); a title already used answers 409 ALREADY_EXISTS.
 * @public
 */
export async function createTemplate(ctx: Ctx, input: TemplateInput): Promise<MessageTemplate> {
  return owningUpload(ctx, input.upload, async () => {
    const { staffId } = staffActor(ctx);
    const row = await withTransaction(ctx, async (tx) => {
      const [created] = await tx.db
        .insert(messageTemplates)
        .values({
          practiceId: tx.practiceId,
          title: input.title,
          body: input.body,
          ...attachmentColumns(input.upload),
          createdBy: staffId,
          createdAt: tx.now,
          updatedAt: tx.now,
        })
        .returning();
      if (!created) throw new Error('template not written');
      return created;
    });
    return templateView(row);
  });
}

/**
 * Changes a predefined reply (admin): title, body, and its attachment replaced by a new file, dropped, or
 * kept. The replaced file is deleted once the change is committed; messages keep their own copies.
 */
export async function updateTemplate(
  ctx: Ctx,
  templateId: string,
  input: TemplateInput,
): Promise<MessageTemplate> {
  return owningUpload(ctx, input.upload, async () => {
    staffActor(ctx);
    const { row, replacedKey } = await withTransaction(ctx, async (tx) => {
      const current = await findTemplate(tx, templateId);
      const changeAttachment = input.upload !== null || input.removeAttachment === true;
      const [updated] = await tx.db
        .update(messageTemplates)
        .set({
          title: input.title,
          body: input.body,
          ...(changeAttachment ? attachmentColumns(input.upload) : {}),
          updatedAt: tx.now,
        })
        .where(and(eq(messageTemplates.id, current.id), eq(messageTemplates.practiceId, tx.practiceId)))
        .returning();
      if (!updated) throw AppError.notFound();
      return { row: updated, replacedKey: changeAttachment ? current.attachmentFileKey : null };
    });
    if (replacedKey) await discardStored(ctx.deps.files, [replacedKey]);
    return templateView(row);
  });
}

/** Deletes a predefined reply and its file (admin); messages that used it keep their copies. */
export async function deleteTemplate(ctx: Ctx, templateId: string): Promise<void> {
  staffActor(ctx);
  const removed = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.practiceId, tx.practiceId)))
      .returning({ fileKey: messageTemplates.attachmentFileKey });
    if (!row) throw AppError.notFound();
    return row;
  });
  if (removed.fileKey) await discardStored(ctx.deps.files, [removed.fileKey]);
}
