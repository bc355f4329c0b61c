import { and, count, countDistinct, eq, isNull } from 'drizzle-orm';
import type { UnreadCount } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import { messages } from '../../db/schema';
import { staffActor } from './thread-patient';

/**
 * Patient messages no staff member opened yet, and the threads holding them: the console's badge
 * (MSG-3). Counts only, no patient data, so not audited; served by the partial index of unread messages.
 */
export async function countUnread(ctx: Ctx): Promise<UnreadCount> {
  staffActor(ctx);
  const [row] = await ctx.db
    .select({ unreadMessages: count(), unreadThreads: countDistinct(messages.threadId) })
    .from(messages)
    .where(
      and(
        eq(messages.practiceId, ctx.practiceId),
        eq(messages.authorKind, 'patient'),
        isNull(messages.readByStaffAt),
      ),
    );
  return { unreadMessages: row?.unreadMessages ?? 0, unreadThreads: row?.unreadThreads ?? 0 };
}
