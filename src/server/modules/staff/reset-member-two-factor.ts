import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type Ctx, withTransaction } from '../../context';
import { rateLimits, sessions, staff, staffMfaTickets, staffRecoveryCodes } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

/**
 * The admin turns off a member's two-step sign-in when they lost their phone and their recovery codes
 * (issue 10 §4). The member's sessions and pending second steps end: they sign in again with their
 * password and, if the practice requires it, enrol a new phone at once. One's own is turned off from
 * "Mon compte" with the password and a code, never here: a stolen admin session must not remove it.
 * The account's counts of wrong codes are cleared too, so the new phone works at once.
 */
export async function resetMemberTwoFactor(ctx: Ctx, memberId: string): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  if (ctx.actor.staffId === memberId) throw new AppError('CONFLICT');
  await withTransaction(ctx, async (tx) => {
    const [member] = await tx.db
      .update(staff)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(and(eq(staff.id, memberId), eq(staff.practiceId, tx.practiceId), isNull(staff.removedAt)))
      .returning({ id: staff.id });
    if (!member) throw AppError.notFound();
    await tx.db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, memberId));
    await tx.db.delete(staffMfaTickets).where(eq(staffMfaTickets.staffId, memberId));
    await tx.db
      .delete(rateLimits)
      .where(inArray(rateLimits.key, [`staff-mfa:account:${memberId}`, `staff-mfa:account-day:${memberId}`]));
    await tx.db
      .update(sessions)
      .set({ revokedAt: tx.now })
      .where(and(eq(sessions.staffId, memberId), isNull(sessions.revokedAt)));
    await recordAudit(tx, { action: 'staff.mfa_reset', entity: 'staff', entityId: memberId });
  });
}
