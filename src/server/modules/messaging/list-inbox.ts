import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { InboxPage, inboxQuery } from '../../../contracts/messaging';
import { type Ctx, withTransaction } from '../../context';
import { messageThreads, patients } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { keysetCursor } from '../cursor';
import { lastMessageOf, threadSummaryColumns } from './message-views';
import { staffActor } from './thread-patient';

/**
 * The console inbox (MSG-3): threads, the newest message first, each with its last message and the
 * patient messages no staff member opened; searchable by patient name (accents and typos forgiven) and
 * filtered to unread threads on demand; keyset-paginated. The read is audited (SEC-2).
 */
export async function listInbox(ctx: Ctx, query: z.output<typeof inboxQuery>): Promise<InboxPage> {
  staffActor(ctx);
  const q = (query.q ?? '').trim();
  const folded = sql`sourire_fold(${q})`;
  const cursor = keysetCursor.decode(query.cursor);
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select({
        id: messageThreads.id,
        lastMessageAt: messageThreads.lastMessageAt,
        patientId: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        birthDate: patients.birthDate,
        ...threadSummaryColumns('staff'),
      })
      .from(messageThreads)
      .innerJoin(patients, eq(patients.id, messageThreads.patientId))
      .where(
        and(
          eq(messageThreads.practiceId, tx.practiceId),
          q
            ? or(
                sql`${patients.searchName} like '%' || ${folded} || '%'`,
                sql`${folded} <% ${patients.searchName}`,
              )
            : undefined,
          query.unread
            ? sql`exists (select 1 from messages m where m.thread_id = ${messageThreads.id}
                and m.author_kind = 'patient' and m.read_by_staff_at is null)`
            : undefined,
          cursor
            ? sql`(${messageThreads.lastMessageAt}, ${messageThreads.id}) < (${cursor.at}, ${cursor.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    if (page.length > 0) {
      await recordAudit(tx, {
        action: 'messages.inbox',
        entity: 'message_thread',
        details: { q: q || null, patientIds: page.map((row) => row.patientId) },
      });
    }
    return {
      items: page.map((row) => ({
        threadId: row.id,
        patient: {
          id: row.patientId,
          firstName: row.firstName,
          lastName: row.lastName,
          birthDate: row.birthDate,
        },
        lastMessage: lastMessageOf(row),
        unreadCount: row.unreadCount,
      })),
      nextCursor: keysetCursor.next(rows, query.limit, (last) => ({ at: last.lastMessageAt, id: last.id })),
    };
  });
}
