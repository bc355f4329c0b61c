import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CalendarFeedList } from '../../../contracts/feeds';
import type { Ctx } from '../../context';
import { calendarFeeds, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { findPracticeById } from '../practice/find-practice';
import { practitionersOf } from '../scheduling/visibility';
import { feedView } from './feed-access';

/**
 * Whether each feed URL exists and since when (never the URL itself, which is shown once): a
 * practitioner sees their own, an admin every practitioner's; the front desk has no feeds.
 */
export async function listCalendarFeeds(ctx: Ctx): Promise<CalendarFeedList> {
  if (ctx.actor.kind !== 'staff' || ctx.actor.role === 'secretary') throw AppError.forbidden();
  const practice = await findPracticeById(ctx.db, ctx.practiceId);
  const owners =
    ctx.actor.role === 'admin'
      ? await practitionersOf(ctx)
      : await ctx.db
          .select()
          .from(staff)
          .where(and(eq(staff.id, ctx.actor.staffId), eq(staff.practiceId, ctx.practiceId)));
  const live =
    owners.length === 0
      ? []
      : await ctx.db
          .select({ practitionerId: calendarFeeds.practitionerId, createdAt: calendarFeeds.createdAt })
          .from(calendarFeeds)
          .where(
            and(
              eq(calendarFeeds.practiceId, ctx.practiceId),
              inArray(
                calendarFeeds.practitionerId,
                owners.map((owner) => owner.id),
              ),
              isNull(calendarFeeds.revokedAt),
            ),
          );
  const byOwner = new Map(live.map((feed) => [feed.practitionerId, feed]));
  return {
    patientDetail: practice.feedPatientDetail,
    items: owners.map((owner) => feedView(owner, byOwner.get(owner.id) ?? null)),
  };
}
