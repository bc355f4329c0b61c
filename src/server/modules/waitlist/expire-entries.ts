import { and, eq, lt } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { waitlistEntries } from '../../db/schema';

/**
 * Entries whose window has ended (before `today`, the practice's local day) become `expired`. Cheap and
 * idempotent (partial index on active entries); run by the matching job and before the staff list, so
 * the list never shows as waiting someone whose window is over.
 */
export async function expireEndedEntries(ctx: Ctx, today: string): Promise<void> {
  await ctx.db
    .update(waitlistEntries)
    .set({ status: 'expired' })
    .where(
      and(
        eq(waitlistEntries.practiceId, ctx.practiceId),
        eq(waitlistEntries.status, 'active'),
        lt(waitlistEntries.toDay, today),
      ),
    );
}
