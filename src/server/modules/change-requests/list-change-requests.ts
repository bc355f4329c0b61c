import { and, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { StaffChangeRequest, staffChangeRequestQuery } from '../../../contracts/patient-app';
import { type Ctx, withTransaction } from '../../context';
import { patientChangeRequests } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { keysetCursor } from '../cursor';
import { afterCursor, duplicatesOf, selectRequests, staffView } from './change-request-views';

/**
 * The console's review requests (APP-4, APP-5): pending ones oldest first (a queue), any other filter
 * newest first; with names, the before/after of each field and possible duplicates. The read is
 * audited (SEC-2).
 */
export async function listChangeRequests(
  ctx: Ctx,
  query: z.infer<typeof staffChangeRequestQuery>,
): Promise<{ items: StaffChangeRequest[]; nextCursor: string | null }> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const order = query.status === 'pending' ? 'asc' : 'desc';
  const cursor = keysetCursor.decode(query.cursor);
  return withTransaction(ctx, async (tx) => {
    const rows = await selectRequests(
      tx.db,
      and(
        eq(patientChangeRequests.practiceId, tx.practiceId),
        ...(query.status ? [eq(patientChangeRequests.status, query.status)] : []),
        ...(cursor ? [afterCursor(cursor, order)] : []),
      ),
      { limit: query.limit + 1, order },
    );
    const page = rows.slice(0, query.limit);
    const duplicates = await duplicatesOf(tx, page);
    const items = page.map((row) => staffView(row, duplicates.get(row.request.id) ?? []));
    if (items.length > 0) {
      await recordAudit(tx, {
        action: 'change_request.list',
        entity: 'patient_change_request',
        details: {
          status: query.status ?? null,
          patientIds: [
            ...new Set(
              items
                .flatMap((item) => [
                  item.patient?.id,
                  item.requestedBy?.id,
                  ...item.possibleDuplicates.map((file) => file.id),
                ])
                .filter((id) => !!id),
            ),
          ],
        },
      });
    }
    return {
      items,
      nextCursor: keysetCursor.next(rows, query.limit, ({ request }) => ({
        at: request.createdAt,
        id: request.id,
      })),
    };
  });
}

/** The number of requests waiting for a decision (the console's badge). */
export async function countPendingChangeRequests(ctx: Ctx): Promise<{ pending: number }> {
  const [row] = await ctx.db
    .select({ pending: count() })
    .from(patientChangeRequests)
    .where(
      and(eq(patientChangeRequests.practiceId, ctx.practiceId), eq(patientChangeRequests.status, 'pending')),
    );
  return { pending: row?.pending ?? 0 };
}

/** One request as staff see it (after a decision). */
export async function staffChangeRequest(ctx: Ctx, id: string): Promise<StaffChangeRequest> {
  const [row] = await selectRequests(
    ctx.db,
    and(eq(patientChangeRequests.practiceId, ctx.practiceId), eq(patientChangeRequests.id, id)),
    { limit: 1, order: 'asc' },
  );
  if (!row) throw AppError.notFound();
  const duplicates = await duplicatesOf(ctx, [row]);
  return staffView(row, duplicates.get(id) ?? []);
}
