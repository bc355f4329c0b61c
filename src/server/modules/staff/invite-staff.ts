import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { inviteStaffBody } from '../../../contracts/staff';
import { type Ctx, withTransaction } from '../../context';
import { practices, staff, staffInvitations } from '../../db/schema';
import { AppError } from '../../errors';
import { staffInvitationEmail } from '../../messages/templates';
import { recordAudit } from '../audit/record-audit';
import { hashToken, newToken } from '../auth/tokens';
import { enqueueMessage } from '../outbox/enqueue-message';

export const invitationValidityDays = 7;

/**
 * Invites a staff member by email (SET-3, SEC-1): the account exists at once without a password, and a
 * one-time link valid seven days lets its owner choose one. Inviting an address again while the first
 * invitation is pending sends a fresh link and kills the old one.
 */
export async function inviteStaff(
  ctx: Ctx,
  input: z.infer<typeof inviteStaffBody>,
): Promise<{ staffId: string }> {
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  const inviterId = ctx.actor.staffId;
  const result = await withTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select().from(staff).where(sql`lower(${staff.email}) = ${input.email}`);
    if (existing && (existing.practiceId !== tx.practiceId || existing.passwordHash || existing.removedAt)) {
      throw AppError.field('email', 'email_taken');
    }
    const member =
      existing ??
      (
        await tx.db
          .insert(staff)
          .values({
            practiceId: tx.practiceId,
            email: input.email,
            role: input.role,
            title: input.title ?? null,
            firstName: input.firstName,
            lastName: input.lastName,
            speciality: input.speciality ?? null,
            createdAt: tx.now,
          })
          .returning()
      )[0];
    if (!member) throw new AppError('INTERNAL');
    await tx.db
      .update(staffInvitations)
      .set({ usedAt: tx.now })
      .where(and(eq(staffInvitations.staffId, member.id), isNull(staffInvitations.usedAt)));
    const token = newToken();
    await tx.db.insert(staffInvitations).values({
      practiceId: tx.practiceId,
      staffId: member.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(tx.now.getTime() + invitationValidityDays * 86_400_000),
      createdBy: inviterId,
      createdAt: tx.now,
    });
    const [context] = await tx.db
      .select({ practice: practices.name, inviterFirst: staff.firstName, inviterLast: staff.lastName })
      .from(staff)
      .innerJoin(practices, eq(practices.id, staff.practiceId))
      .where(eq(staff.id, inviterId));
    const mail = staffInvitationEmail(tx.lang, {
      firstName: member.firstName,
      practice: context?.practice ?? '',
      inviter: `${context?.inviterFirst ?? ''} ${context?.inviterLast ?? ''}`.trim(),
      link: `${tx.deps.config.publicUrl}/console/invitation#${token}`,
      days: invitationValidityDays,
    });
    await enqueueMessage(
      tx.db,
      {
        practiceId: tx.practiceId,
        channel: 'email',
        recipient: member.email,
        kind: 'staff_invitation',
        subject: mail.subject,
        body: mail.text,
        sensitive: true,
        idempotencyKey: `invitation:${hashToken(token)}`,
      },
      tx.now,
    );
    await recordAudit(tx, {
      action: existing ? 'staff.reinvite' : 'staff.invite',
      entity: 'staff',
      entityId: member.id,
      details: { role: member.role },
    });
    return { staffId: member.id };
  });
  ctx.deps.kickOutbox();
  return result;
}
