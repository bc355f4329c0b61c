import { and, eq } from 'drizzle-orm';
import type { Message } from '../../../contracts/messaging';
import type { AcceptedContentType } from '../../../domain/files/content-type';
import { type Ctx, withTransaction } from '../../context';
import { messageTemplates } from '../../db/schema';
import { AppError } from '../../errors';
import { isFileStorageError } from '../../files/errors';
import { newFileKey } from '../../files/file-key';
import { discardStored, type StoredUpload } from '../../files/store-upload';
import { recordAudit } from '../audit/record-audit';
import { announceMessage, appendMessage, assertNotEmpty } from './append-message';
import { practicePatient, staffActor } from './thread-patient';

/**
 * A copy of a template's attachment under a new key, so the message keeps its file when the template
 * changes or goes. The copy is checked against the template's SHA-256.
 */
async function copyTemplateAttachment(
  ctx: Ctx,
  templateId: string,
): Promise<{
  body: string;
  upload: StoredUpload | null;
}> {
  const [template] = await ctx.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.practiceId, ctx.practiceId)));
  if (!template) throw AppError.notFound();
  const { attachmentFileKey: key, attachmentName: name, attachmentContentType: contentType } = template;
  if (!key || !name || !contentType) return { body: template.body, upload: null };
  const copyKey = newFileKey();
  try {
    const stored = await ctx.deps.files.put(copyKey, await ctx.deps.files.get(key));
    if (stored.sha256 !== template.attachmentSha256) {
      await ctx.deps.files.delete(copyKey);
      throw new Error(`template ${template.id}: attachment does not match its SHA-256`);
    }
    return {
      body: template.body,
      upload: {
        key: copyKey,
        name,
        contentType: contentType as AcceptedContentType,
        size: stored.size,
        sha256: stored.sha256,
      },
    };
  } catch (error) {
    // deleted by an admin between the read and the copy
    if (isFileStorageError(error, 'NOT_FOUND')) throw AppError.notFound();
    throw error;
  }
}

/**
 * A reply from the console (MSG-1, MSG-3) in a patient's thread, with files and optionally a predefined
 * reply (MSG-2): its attachment is copied, its body used when no text was typed. Audited. Files already
 * stored for the request are deleted when the reply is refused or not written.
 */
export async function sendStaffMessage(
  ctx: Ctx,
  patientId: string,
  input: { body: string; uploads: StoredUpload[]; templateId?: string | undefined },
): Promise<Message> {
  const owned = [...input.uploads];
  try {
    const { staffId } = staffActor(ctx);
    await practicePatient(ctx, patientId);
    let body = input.body;
    if (input.templateId) {
      const template = await copyTemplateAttachment(ctx, input.templateId);
      if (template.upload) owned.push(template.upload);
      if (body.trim() === '') body = template.body;
    }
    assertNotEmpty(body, owned);
    const message = await withTransaction(ctx, async (tx) => {
      const written = await appendMessage(tx, {
        patientId,
        author: { kind: 'staff', staffId },
        body,
        uploads: owned,
        templateId: input.templateId ?? null,
      });
      await recordAudit(tx, {
        action: 'message.send',
        entity: 'message',
        entityId: written.id,
        patientId,
        details: { attachments: written.attachments.length, templateId: input.templateId ?? null },
      });
      return written;
    });
    announceMessage(ctx, message);
    return message;
  } catch (error) {
    await discardStored(
      ctx.deps.files,
      owned.map((upload) => upload.key),
    );
    throw error;
  }
}
