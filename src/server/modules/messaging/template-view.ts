import { and, eq } from 'drizzle-orm';
import type { MessageTemplate } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import { messageTemplates } from '../../db/schema';
import { AppError } from '../../errors';

export type TemplateRow = typeof messageTemplates.$inferSelect;

export function templateView(row: TemplateRow): MessageTemplate {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    attachment:
      row.attachmentFileKey && row.attachmentName && row.attachmentContentType && row.attachmentSize
        ? { name: row.attachmentName, contentType: row.attachmentContentType, size: row.attachmentSize }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A template of the caller's practice; any other id answers 404. */
export async function findTemplate(ctx: Ctx, templateId: string): Promise<TemplateRow> {
  const [row] = await ctx.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.practiceId, ctx.practiceId)));
  if (!row) throw AppError.notFound();
  return row;
}
