import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { verifyPassword } from '../auth/passwords';
import { returnToken, takeTokensOrThrow } from '../auth/rate-limit';
import { unlockSession } from '../auth/sessions';
import { isKnownDevice } from './known-device';
import { staffLoginCounters } from './staff-login-counters';

/**
 * Unlocks a locked console session with the staff member's password. Wrong passwords count against the
 * same counters as sign-in (taken atomically before the check, given back on success), so the lock
 * screen cannot be used to guess a password.
 */
export async function unlockConsole(
  ctx: Ctx,
  sessionId: string,
  password: string,
  device?: string,
): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  const [member] = await ctx.db
    .select({ email: staff.email, passwordHash: staff.passwordHash })
    .from(staff)
    .where(eq(staff.id, ctx.actor.staffId));
  if (!member) throw new AppError('UNAUTHENTICATED');
  const known = isKnownDevice(ctx.deps.config.sessionSecret, device, ctx.actor.staffId, ctx.now);
  const counters = staffLoginCounters(member.email.toLowerCase(), ctx.ip, known);
  await takeTokensOrThrow(ctx.db, counters, ctx.now);
  if (!(await verifyPassword(member.passwordHash, password))) {
    await recordAudit(ctx, {
      action: 'staff.unlock_failed',
      entity: 'staff',
      entityId: ctx.actor.staffId,
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  for (const counter of counters) await returnToken(ctx.db, counter.key, counter.limit, ctx.now);
  await unlockSession(ctx.deps, sessionId);
  await recordAudit(ctx, { action: 'staff.unlock', entity: 'staff', entityId: ctx.actor.staffId });
}
