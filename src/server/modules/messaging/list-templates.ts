import { asc, eq } from 'drizzle-orm';
import type { MessageTemplateList } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import { messageTemplates } from '../../db/schema';
import { AppError } from '../../errors';
import { type OpenedFile, openStored } from './open-attachment';
import { findTemplate, templateView } from './template-view';
import { staffActor } from './thread-patient';

/** The practice's predefined replies (MSG-2), by title; every staff member uses them. */
export async function listTemplates(ctx: Ctx): Promise<MessageTemplateList> {
  staffActor(ctx);
  const rows = await ctx.db
    .select()
    .from(messageTemplates)
    .where(eq(messageTemplates.practiceId, ctx.practiceId))
    .orderBy(asc(messageTemplates.title));
  return { items: rows.map(templateView) };
}

/** A template's attachment, to preview it before sending. */
export async function openTemplateAttachment(ctx: Ctx, templateId: string): Promise<OpenedFile> {
  staffActor(ctx);
  const row = await findTemplate(ctx, templateId);
  const { attachmentFileKey: fileKey, attachmentName: name, attachmentContentType: contentType } = row;
  if (!fileKey || !name || !contentType || !row.attachmentSize) throw AppError.notFound();
  return openStored(ctx.deps.files, { fileKey, name, contentType, size: row.attachmentSize });
}
