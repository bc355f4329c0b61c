import { and, eq } from 'drizzle-orm';
import { type Ctx, withTransaction } from '../../context';
import { documents } from '../../db/schema';
import { AppError } from '../../errors';
import type { DocumentRow } from './document-view';

/**
 * Runs staff work on one document of the practice in a transaction (404 for any other id); with
 * `forUpdate`, the document is locked against a concurrent change or signature.
 */
export function withStaffDocument<T>(
  ctx: Ctx,
  documentId: string,
  work: (tx: Ctx, document: DocumentRow) => Promise<T>,
  options: { forUpdate?: boolean } = {},
): Promise<T> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return withTransaction(ctx, async (tx) => {
    const query = tx.db
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.practiceId, tx.practiceId)));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    if (!row) throw AppError.notFound();
    return work(tx, row);
  });
}
