import type { CalendarFeed } from '../../../contracts/feeds';
import { type Ctx, withTransaction } from '../../context';
import { recordAudit } from '../audit/record-audit';
import { assertCanManageFeed, feedView, findFeedOwner, revokeLiveFeeds } from './feed-access';

/**
 * Revokes a practitioner's calendar URL (the practitioner's own, or anyone's for an admin): the address
 * answers 404 from now on. Revoking when there is none changes nothing and records nothing.
 */
export async function revokeCalendarFeed(ctx: Ctx, practitionerId: string): Promise<CalendarFeed> {
  assertCanManageFeed(ctx, practitionerId, 'revoke');
  return withTransaction(ctx, async (tx) => {
    const owner = await findFeedOwner(tx, practitionerId);
    const revoked = await revokeLiveFeeds(tx, practitionerId);
    if (revoked.length > 0) {
      await recordAudit(
        tx,
        revoked.map((id) => ({
          action: 'calendar_feed.revoke',
          entity: 'calendar_feed',
          entityId: id,
          details: { practitionerId },
        })),
      );
    }
    return feedView(owner, null);
  });
}
