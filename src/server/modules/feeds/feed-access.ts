import { and, eq, isNull } from 'drizzle-orm';
import type { CalendarFeed } from '../../../contracts/feeds';
import type { Ctx } from '../../context';
import { calendarFeeds, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { practitionerName } from './planning-entries';

/**
 * Who may do what with a practitioner's feed URL: only the practitioner creates (or regenerates) it, as
 * its clear address is theirs alone; the practitioner or an admin revokes it; nobody else touches it.
 */
export function assertCanManageFeed(ctx: Ctx, practitionerId: string, action: 'create' | 'revoke'): void {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const own = ctx.actor.role === 'practitioner' && ctx.actor.staffId === practitionerId;
  if (own) return;
  if (action === 'revoke' && ctx.actor.role === 'admin') return;
  throw AppError.forbidden();
}

/** A staff member of the context's practice (removed ones too: their feed may still be revoked), or 404. */
export async function findFeedOwner(ctx: Ctx, practitionerId: string, options: { lock?: boolean } = {}) {
  const query = ctx.db
    .select({
      id: staff.id,
      role: staff.role,
      title: staff.title,
      firstName: staff.firstName,
      lastName: staff.lastName,
      removedAt: staff.removedAt,
    })
    .from(staff)
    .where(and(eq(staff.id, practitionerId), eq(staff.practiceId, ctx.practiceId)));
  // Locking the owner's row serialises two creations at once, so one practitioner never has two live URLs.
  const [owner] = options.lock ? await query.for('update') : await query;
  if (!owner) throw AppError.notFound();
  return owner;
}

/** Revokes the practitioner's live feed URL, if any; the ids revoked. */
export async function revokeLiveFeeds(ctx: Ctx, practitionerId: string): Promise<string[]> {
  const revoked = await ctx.db
    .update(calendarFeeds)
    .set({ revokedAt: ctx.now })
    .where(
      and(
        eq(calendarFeeds.practiceId, ctx.practiceId),
        eq(calendarFeeds.practitionerId, practitionerId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning({ id: calendarFeeds.id });
  return revoked.map((row) => row.id);
}

export function feedView(
  owner: { id: string; title: string | null; firstName: string; lastName: string },
  live: { createdAt: Date } | null,
): CalendarFeed {
  return {
    practitionerId: owner.id,
    practitionerName: practitionerName(owner),
    active: live !== null,
    createdAt: live ? live.createdAt.toISOString() : null,
  };
}
