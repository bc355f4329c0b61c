import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { documents } from '../../db/schema';
import { AppError } from '../../errors';
import { type AppReader, appReader, canRead } from './app-reader';
import type { DocumentRow } from './document-view';

/**
 * One document the signed-in phone may read, checked on every call. Another family's document, one
 * not shared with this phone, a minor's when minors are kept out: 404, exactly like an unknown id.
 */
export async function findAppDocument(
  ctx: Ctx,
  documentId: string,
): Promise<{ reader: AppReader; document: DocumentRow }> {
  const reader = await appReader(ctx);
  const [document] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.practiceId, ctx.practiceId)));
  if (!document || !canRead(reader, document)) throw AppError.notFound();
  return { reader, document };
}
