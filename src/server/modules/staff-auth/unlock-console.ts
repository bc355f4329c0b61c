import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { verifyPassword } from '../auth/passwords';
import { hit, limits, secondsUntilAllowed } from '../auth/rate-limit';
import { unlockSession } from '../auth/sessions';

/**
 * Unlocks a locked console session with the staff member's password. Wrong passwords count against the
 * same per-account limit as sign-in, so the lock screen cannot be used to guess a password.
 */
export async function unlockConsole(ctx: Ctx, sessionId: string, password: string): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  const [member] = await ctx.db
    .select({ email: staff.email, passwordHash: staff.passwordHash })
    .from(staff)
    .where(eq(staff.id, ctx.actor.staffId));
  if (!member) throw new AppError('UNAUTHENTICATED');
  const accountKey = `staff-login:account:${member.email.toLowerCase()}`;
  const wait = await secondsUntilAllowed(ctx.db, accountKey, limits.staffLoginPerAccount, ctx.now);
  if (wait > 0) throw AppError.tooManyAttempts(wait);
  if (!(await verifyPassword(member.passwordHash, password))) {
    await hit(ctx.db, accountKey, limits.staffLoginPerAccount, ctx.now);
    await recordAudit(ctx, {
      action: 'staff.unlock_failed',
      entity: 'staff',
      entityId: ctx.actor.staffId,
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await unlockSession(ctx.deps, sessionId);
  await recordAudit(ctx, { action: 'staff.unlock', entity: 'staff', entityId: ctx.actor.staffId });
}
