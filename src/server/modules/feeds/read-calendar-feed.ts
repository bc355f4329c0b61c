import { and, eq, isNull } from 'drizzle-orm';
import { type AppDeps, makeCtx, withTransaction } from '../../context';
import { calendarFeeds, practices, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashToken } from '../auth/tokens';
import { planningCalendar } from './planning-calendar';
import { loadPlanningEntries, practitionerName } from './planning-entries';

const dayMs = 86_400_000;
/** What a phone's calendar shows: the last month (to look back) and the next six. */
const pastDays = 30;
const futureDays = 180;
/** `newToken()`: 32 random bytes in base64url */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * The iCalendar feed of a private URL: the practitioner's live appointments from 30 days ago to 180
 * days ahead, patients shown as the practice allows. An unknown or revoked token, or a practitioner who
 * left, answers 404 like any other. Reading changes nothing; when patients are shown, the access is
 * recorded in the audit trail in the practitioner's name (the URL is theirs).
 */
export async function readCalendarFeed(
  deps: AppDeps,
  token: string,
  meta: { requestId: string; ip: string | null },
): Promise<string> {
  if (!tokenShape.test(token)) throw AppError.notFound();
  const [feed] = await deps.db
    .select({
      id: calendarFeeds.id,
      practiceId: calendarFeeds.practiceId,
      practitionerId: calendarFeeds.practitionerId,
      role: staff.role,
      title: staff.title,
      firstName: staff.firstName,
      lastName: staff.lastName,
      practiceName: practices.name,
      patientDetail: practices.feedPatientDetail,
    })
    .from(calendarFeeds)
    .innerJoin(
      staff,
      and(eq(staff.id, calendarFeeds.practitionerId), eq(staff.practiceId, calendarFeeds.practiceId)),
    )
    .innerJoin(practices, eq(practices.id, calendarFeeds.practiceId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, hashToken(token)),
        isNull(calendarFeeds.revokedAt),
        isNull(staff.removedAt),
        eq(staff.role, 'practitioner'),
      ),
    );
  if (!feed) throw AppError.notFound();

  const ctx = makeCtx(deps, {
    practiceId: feed.practiceId,
    actor: { kind: 'staff', staffId: feed.practitionerId, role: feed.role },
    requestId: meta.requestId,
    ip: meta.ip,
  });
  return withTransaction(ctx, async (tx) => {
    const from = new Date(tx.now.getTime() - pastDays * dayMs);
    const to = new Date(tx.now.getTime() + futureDays * dayMs);
    const entries = await loadPlanningEntries(
      tx,
      { from, to, practitionerId: feed.practitionerId },
      feed.patientDetail,
    );
    if (feed.patientDetail !== 'none' && entries.length > 0) {
      // One row per access with the window and the count; the list of patients (hundreds, read by the
      // phone every few minutes) would swamp the trail, and follows from the window and the agenda.
      await recordAudit(tx, {
        action: 'calendar_feed.read',
        entity: 'calendar_feed',
        entityId: feed.id,
        details: {
          from: from.toISOString(),
          to: to.toISOString(),
          appointments: entries.length,
          patientDetail: feed.patientDetail,
        },
      });
    }
    return planningCalendar(entries, { name: `${practitionerName(feed)} – ${feed.practiceName}` });
  });
}
