import type { Message } from '../../../contracts/messaging';
import { type Ctx, withTransaction } from '../../context';
import { discardStored, type StoredUpload } from '../../files/store-upload';
import { recordAudit } from '../audit/record-audit';
import { announceMessage, appendMessage, assertNotEmpty } from './append-message';
import { copyStoredFile } from './copy-file';
import { queueMessageNotice } from './queue-message-notice';
import { findTemplate } from './template-view';
import { practicePatient, staffActor } from './thread-patient';

/**
 * A template's body and a copy of its attachment under a new key, so the message keeps its file when
 * the template changes or goes.
 */
async function templateContent(
  ctx: Ctx,
  templateId: string,
): Promise<{ body: string; upload: StoredUpload | null }> {
  const template = await findTemplate(ctx, templateId);
  const { attachmentFileKey: key, attachmentName: name, attachmentContentType: contentType } = template;
  if (!key || !name || !contentType || !template.attachmentSha256)
    return { body: template.body, upload: null };
  const copy = await copyStoredFile(ctx.deps.files, key, template.attachmentSha256);
  return {
    body: template.body,
    upload: { ...copy, name, contentType },
  };
}

/**
 * A reply from the console (MSG-1, MSG-3) in a patient's thread, with files and optionally a predefined
 * reply (MSG-2): its attachment is copied, its body used when no text was typed. Audited. Files already
 * stored for the request are deleted when the reply is refused or not written. The family is told that
 * the practice answered (`queueMessageNotice`), in the same transaction.
 * @public
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
      const template = await templateContent(ctx, input.templateId);
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
      await queueMessageNotice(tx, { patientId, threadId: written.threadId, messageId: written.id });
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
