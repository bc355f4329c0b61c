import { and, eq, lt, or } from 'drizzle-orm';
import type { AppDeps } from '../context';
import { jobs, oneTimeCodes, rateLimits, sessions, staffMfaTickets, staffPasswordResets } from '../db/schema';
import { forgetDeadPushSubscriptions } from '../modules/push/send-push';
import { sweepFiles } from './sweep-files';

const day = 86_400_000;

/**
 * Deletes what has no use any more: old rate-limit windows, dead sessions and codes, jobs done more
 * than 90 days ago (failed jobs stay for staff to see), second-step tickets a day after they expired,
 * password-reset links 30 days after (the audit log keeps who asked), push subscriptions of ended sessions, half-written
 * uploads and stored files no row refers to (`sweepFiles`).
 */
export async function housekeeping(deps: AppDeps): Promise<void> {
  const now = deps.clock.now().getTime();
  await deps.db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now - day)));
  await forgetDeadPushSubscriptions(deps);
  await deps.db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, new Date(now - 30 * day)), lt(sessions.revokedAt, new Date(now - 30 * day))),
    );
  await deps.db.delete(oneTimeCodes).where(lt(oneTimeCodes.createdAt, new Date(now - day)));
  await deps.db.delete(staffMfaTickets).where(lt(staffMfaTickets.expiresAt, new Date(now - day)));
  await deps.db
    .delete(staffPasswordResets)
    .where(lt(staffPasswordResets.expiresAt, new Date(now - 30 * day)));
  await deps.db.delete(jobs).where(and(eq(jobs.status, 'done'), lt(jobs.doneAt, new Date(now - 90 * day))));
  await sweepFiles(deps);
}
