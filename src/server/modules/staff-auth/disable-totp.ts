import { eq } from 'drizzle-orm';
import { type Ctx, withTransaction } from '../../context';
import { staff, staffRecoveryCodes } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { verifyPassword } from '../auth/passwords';
import { returnToken, takeTokensOrThrow } from '../auth/rate-limit';
import { mfaFailuresPerAccount } from './complete-mfa-sign-in';
import { isKnownDevice } from './known-device';
import { spendSecondFactor } from './second-factor';
import { staffLoginCounters } from './staff-login-counters';

/**
 * Turns two-factor sign-in off; it takes the password (counted as sign-in failures) and a code or a
 * recovery code (counted as second-factor failures), so a console left open is not enough.
 */
export async function disableTotp(
  ctx: Ctx,
  input: { password: string; code: string },
  device?: string,
): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  const staffId = ctx.actor.staffId;
  const [member] = await ctx.db
    .select({
      id: staff.id,
      email: staff.email,
      passwordHash: staff.passwordHash,
      totpSecret: staff.totpSecret,
      totpEnabledAt: staff.totpEnabledAt,
    })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!member) throw new AppError('UNAUTHENTICATED');
  if (!member.totpEnabledAt) throw new AppError('CONFLICT');

  const known = isKnownDevice(ctx.deps.config.sessionSecret, device, staffId, ctx.now);
  const passwordCounters = staffLoginCounters(member.email.toLowerCase(), ctx.ip, known);
  const codeCounter = { key: `staff-mfa:account:${staffId}`, limit: mfaFailuresPerAccount };
  await takeTokensOrThrow(ctx.db, [...passwordCounters, codeCounter], ctx.now);
  const giveBack = async (counters: typeof passwordCounters) => {
    for (const counter of counters) await returnToken(ctx.db, counter.key, counter.limit, ctx.now);
  };
  if (!(await verifyPassword(member.passwordHash, input.password))) {
    await giveBack([codeCounter]);
    await recordAudit(ctx, { action: 'staff.mfa_disable_failed', entity: 'staff', entityId: staffId });
    throw AppError.field('password', 'password_wrong');
  }
  await giveBack(passwordCounters);
  const used = await spendSecondFactor(ctx.db, member, input.code, ctx.now, ctx.deps.config.files.key);
  if (!used) {
    await recordAudit(ctx, { action: 'staff.mfa_disable_failed', entity: 'staff', entityId: staffId });
    throw new AppError('CODE_INVALID');
  }
  await giveBack([codeCounter]);
  await withTransaction(ctx, async (tx) => {
    await tx.db
      .update(staff)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(staff.id, staffId));
    await tx.db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
    await recordAudit(tx, { action: 'staff.mfa_disable', entity: 'staff', entityId: staffId });
  });
}
