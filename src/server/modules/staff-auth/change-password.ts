import { and, eq, isNull, ne } from 'drizzle-orm';
import { type Ctx, withTransaction } from '../../context';
import { sessions, staff, staffPasswordResets } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { returnToken, takeTokensOrThrow } from '../auth/rate-limit';
import { isKnownDevice } from './known-device';
import { staffLoginCounters } from './staff-login-counters';

/**
 * A staff member changes their password. The current one is checked against the sign-in counters (taken
 * in one statement before the check, given back when right), so this form cannot be used to guess it.
 * Every other session of the person is ended and pending reset links are spent.
 */
export async function changePassword(
  ctx: Ctx,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  device?: string,
): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  const staffId = ctx.actor.staffId;
  const [member] = await ctx.db
    .select({ email: staff.email, passwordHash: staff.passwordHash })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!member) throw new AppError('UNAUTHENTICATED');
  const known = isKnownDevice(ctx.deps.config.sessionSecret, device, staffId, ctx.now);
  const counters = staffLoginCounters(member.email.toLowerCase(), ctx.ip, known);
  await takeTokensOrThrow(ctx.db, counters, ctx.now);
  if (!(await verifyPassword(member.passwordHash, input.currentPassword))) {
    await recordAudit(ctx, { action: 'staff.password_change_failed', entity: 'staff', entityId: staffId });
    throw AppError.field('currentPassword', 'password_wrong');
  }
  for (const counter of counters) await returnToken(ctx.db, counter.key, counter.limit, ctx.now);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (tx) => {
    await tx.db.update(staff).set({ passwordHash }).where(eq(staff.id, staffId));
    const ended = await tx.db
      .update(sessions)
      .set({ revokedAt: tx.now })
      .where(and(eq(sessions.staffId, staffId), ne(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await tx.db
      .update(staffPasswordResets)
      .set({ usedAt: tx.now })
      .where(and(eq(staffPasswordResets.staffId, staffId), isNull(staffPasswordResets.usedAt)));
    await recordAudit(tx, {
      action: 'staff.password_change',
      entity: 'staff',
      entityId: staffId,
      details: { otherSessionsEnded: ended.length },
    });
  });
}
