import { and, eq, gt, isNull } from 'drizzle-orm';
import type { InvitationInfo } from '../../../contracts/staff-auth';
import { type AppDeps, makeCtx } from '../../context';
import type { Db } from '../../db/client';
import { practices, staff, staffInvitations } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import { hashToken } from '../auth/tokens';

async function findLiveInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({
      invitationId: staffInvitations.id,
      staffId: staff.id,
      practiceId: staff.practiceId,
      role: staff.role,
      email: staff.email,
      firstName: staff.firstName,
      lastName: staff.lastName,
      practiceName: practices.name,
    })
    .from(staffInvitations)
    .innerJoin(staff, eq(staff.id, staffInvitations.staffId))
    .innerJoin(practices, eq(practices.id, staff.practiceId))
    .where(
      and(
        eq(staffInvitations.tokenHash, hashToken(token)),
        isNull(staffInvitations.usedAt),
        gt(staffInvitations.expiresAt, now),
        isNull(staff.removedAt),
        // an invitation only ever sets a first password: once the member has one (a reset link, an earlier
        // acceptance), a leftover link must not replace it and open a session past the second factor
        isNull(staff.passwordHash),
      ),
    );
  if (!row) throw new AppError('INVITATION_INVALID');
  return row;
}

/**
 * What the "choose your password" page shows about a pending invitation.
 * @public
 */
export async function inspectInvitation(deps: AppDeps, token: string): Promise<InvitationInfo> {
  const row = await findLiveInvitation(deps.db, token, deps.clock.now());
  return {
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    practiceName: row.practiceName,
  };
}

/**
 * Sets the password from an invitation link (usable once) and signs the new staff member in.
 * @public
 */
export async function acceptInvitation(
  deps: AppDeps,
  input: { token: string; password: string; ip: string | null; userAgent: string | null; requestId: string },
): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  const row = await deps.db.transaction(async (tx) => {
    const invitation = await findLiveInvitation(tx, input.token, now);
    const used = await tx
      .update(staffInvitations)
      .set({ usedAt: now })
      .where(and(eq(staffInvitations.id, invitation.invitationId), isNull(staffInvitations.usedAt)))
      .returning({ id: staffInvitations.id });
    if (used.length === 0) throw new AppError('INVITATION_INVALID');
    const set = await tx
      .update(staff)
      .set({ passwordHash })
      .where(and(eq(staff.id, invitation.staffId), isNull(staff.passwordHash)))
      .returning({ id: staff.id });
    if (set.length === 0) throw new AppError('INVITATION_INVALID');
    await recordAudit(
      makeCtx(deps, {
        db: tx,
        practiceId: invitation.practiceId,
        actor: { kind: 'staff', staffId: invitation.staffId, role: invitation.role },
        requestId: input.requestId,
        ip: input.ip,
      }),
      { action: 'staff.accept_invitation', entity: 'staff', entityId: invitation.staffId },
    );
    return invitation;
  });
  const session = await createSession(deps, 'staff', {
    practiceId: row.practiceId,
    staffId: row.staffId,
    userAgent: input.userAgent,
    ip: input.ip,
  });
  return { token: session.token, expiresAt: session.expiresAt };
}
