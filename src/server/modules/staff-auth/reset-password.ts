import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { sessions, staff, staffInvitations, staffPasswordResets } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/passwords';
import { hashToken } from '../auth/tokens';
import { ctxOfMember } from './staff-ctx';

/**
 * Sets a new password from an emailed reset link. The link is spent by one conditional update (two
 * parallel uses: one succeeds), every session of the person is ended, and the person then signs in as
 * usual — with their second factor, if they have one: the link alone never opens the console.
 */
export async function resetPassword(
  deps: AppDeps,
  input: { token: string; password: string; ip: string | null; requestId: string },
): Promise<void> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (db) => {
    const [link] = await db
      .update(staffPasswordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(staffPasswordResets.tokenHash, hashToken(input.token)),
          isNull(staffPasswordResets.usedAt),
          gt(staffPasswordResets.expiresAt, now),
        ),
      )
      .returning({ staffId: staffPasswordResets.staffId });
    if (!link) throw new AppError('RESET_LINK_INVALID');
    const [member] = await db
      .update(staff)
      .set({ passwordHash })
      .where(and(eq(staff.id, link.staffId), isNull(staff.removedAt)))
      .returning({ id: staff.id, practiceId: staff.practiceId, role: staff.role });
    if (!member) throw new AppError('RESET_LINK_INVALID');
    await db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.staffId, member.id), isNull(sessions.revokedAt)));
    await db
      .update(staffPasswordResets)
      .set({ usedAt: now })
      .where(and(eq(staffPasswordResets.staffId, member.id), isNull(staffPasswordResets.usedAt)));
    // and any invitation link left over: it must never set the password again
    await db
      .update(staffInvitations)
      .set({ usedAt: now })
      .where(and(eq(staffInvitations.staffId, member.id), isNull(staffInvitations.usedAt)));
    await recordAudit(ctxOfMember(deps, member, { ...input, db }), {
      action: 'staff.password_reset',
      entity: 'staff',
      entityId: member.id,
    });
  });
}
