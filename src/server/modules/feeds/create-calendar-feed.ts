import type { CreatedCalendarFeed } from '../../../contracts/feeds';
import { type Ctx, withTransaction } from '../../context';
import { calendarFeeds } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashToken, newToken } from '../auth/tokens';
import { assertCanManageFeed, feedView, findFeedOwner, revokeLiveFeeds } from './feed-access';

/** The address a calendar app subscribes to. */
export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/feeds/${token}.ics`;
}

/**
 * A practitioner creates their private calendar URL, or regenerates it: the previous one stops working
 * at once. The clear token is returned this once; only its SHA-256 is stored, so the table cannot be
 * turned back into working URLs.
 */
export async function createCalendarFeed(ctx: Ctx, practitionerId: string): Promise<CreatedCalendarFeed> {
  assertCanManageFeed(ctx, practitionerId, 'create');
  const token = newToken();
  return withTransaction(ctx, async (tx) => {
    const owner = await findFeedOwner(tx, practitionerId, { lock: true });
    if (owner.role !== 'practitioner' || owner.removedAt) throw AppError.forbidden();
    const revoked = await revokeLiveFeeds(tx, practitionerId);
    const [feed] = await tx.db
      .insert(calendarFeeds)
      .values({ practiceId: tx.practiceId, practitionerId, tokenHash: hashToken(token), createdAt: tx.now })
      .returning();
    if (!feed) throw new Error('calendar feed not created');
    await recordAudit(tx, {
      action: revoked.length > 0 ? 'calendar_feed.regenerate' : 'calendar_feed.create',
      entity: 'calendar_feed',
      entityId: feed.id,
      details: { practitionerId, ...(revoked.length > 0 ? { revokedIds: revoked } : {}) },
    });
    return { ...feedView(owner, feed), url: feedUrl(tx.deps.config.publicUrl, token) };
  });
}
