import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { WaitlistEntry, waitlistQuery } from '../../../contracts/waitlist';
import { type Ctx, withTransaction } from '../../context';
import { waitlistEntries } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { keysetCursor } from '../cursor';
import { findPracticeById } from '../practice/find-practice';
import { entryView, selectEntries } from './entry-view';
import { expireEndedEntries } from './expire-entries';
import { localDayOf } from './offer-timing';

/**
 * The waiting list in queue order (oldest first, as offers go), optionally of one status, with the
 * patient's and motif's names in one query, paged by keyset. The patients read are audited (SEC-2).
 */
export async function listWaitlist(
  ctx: Ctx,
  query: z.infer<typeof waitlistQuery>,
): Promise<{ items: WaitlistEntry[]; nextCursor: string | null }> {
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(waitlistEntries.status, query.status));
  const after = keysetCursor.decode(query.cursor);
  if (after) {
    const later = or(
      gt(waitlistEntries.createdAt, after.at),
      and(eq(waitlistEntries.createdAt, after.at), gt(waitlistEntries.id, after.id)),
    );
    if (later) filters.push(later);
  }
  return withTransaction(ctx, async (tx) => {
    await expireEndedEntries(tx, localDayOf(tx.now, practice.timeZone));
    const rows = await selectEntries(tx, and(...filters))
      .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    if (page.length > 0) {
      await recordAudit(tx, {
        action: 'waitlist.list',
        entity: 'waitlist_entry',
        details: { status: query.status ?? null, patientIds: page.map((row) => row.patient.id) },
      });
    }
    return {
      items: page.map(entryView),
      nextCursor: keysetCursor.next(rows, query.limit, ({ entry }) => ({
        at: entry.createdAt,
        id: entry.id,
      })),
    };
  });
}
