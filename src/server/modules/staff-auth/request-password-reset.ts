import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Lang } from '../../../contracts/i18n/lang';
import type { AppDeps } from '../../context';
import { practices, staff, staffPasswordResets } from '../../db/schema';
import { staffPasswordResetEmail } from '../../messages/templates';
import { recordAudit } from '../audit/record-audit';
import { addressKey } from '../auth/address-key';
import { type RateLimit, takeTokensOrThrow } from '../auth/rate-limit';
import { hashToken, newToken } from '../auth/tokens';
import { enqueueMessage } from '../outbox/enqueue-message';
import { ctxOfMember } from './staff-ctx';

export const resetLinkValidityMinutes = 60;
/** Reset emails to one address: a few, so a stranger cannot flood a mailbox. */
export const resetRequestsPerEmail: RateLimit = { max: 3, windowMs: 60 * 60_000 };
/** Reset requests from one client address, whatever the email. */
export const resetRequestsPerIp: RateLimit = { max: 10, windowMs: 60 * 60_000 };

/**
 * "Forgot password": emails a one-time link (one hour) when the address belongs to a staff member. The
 * answer is the same whether it does or not; the limits count every request, known address or not, so
 * they tell nothing either.
 */
export async function requestPasswordReset(
  deps: AppDeps,
  input: { email: string; ip: string | null; lang: Lang; requestId: string },
): Promise<void> {
  const now = deps.clock.now();
  await takeTokensOrThrow(
    deps.db,
    [
      { key: `staff-reset:email:${input.email}`, limit: resetRequestsPerEmail },
      { key: `staff-reset:ip:${addressKey(input.ip)}`, limit: resetRequestsPerIp },
    ],
    now,
  );
  const token = newToken();
  const [member] = await deps.db
    .select({
      id: staff.id,
      practiceId: staff.practiceId,
      role: staff.role,
      email: staff.email,
      firstName: staff.firstName,
      practice: practices.name,
    })
    .from(staff)
    .innerJoin(practices, eq(practices.id, staff.practiceId))
    // a member still invited has no password to reset: their invitation link sets the first one
    .where(
      and(
        sql`lower(${staff.email}) = ${input.email}`,
        isNull(staff.removedAt),
        isNotNull(staff.passwordHash),
      ),
    );
  if (!member) return;
  const mail = staffPasswordResetEmail(input.lang, {
    firstName: member.firstName,
    practice: member.practice,
    link: `${deps.config.publicUrl}/console/reset#${token}`,
    minutes: resetLinkValidityMinutes,
  });
  await deps.db.transaction(async (db) => {
    await db.insert(staffPasswordResets).values({
      staffId: member.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + resetLinkValidityMinutes * 60_000),
      ip: input.ip,
      createdAt: now,
    });
    await enqueueMessage(
      db,
      {
        practiceId: member.practiceId,
        channel: 'email',
        recipient: member.email,
        kind: 'staff_password_reset',
        subject: mail.subject,
        body: mail.text,
        sensitive: true,
        idempotencyKey: `password-reset:${hashToken(token)}`,
      },
      now,
    );
    await recordAudit(ctxOfMember(deps, member, { ...input, db }), {
      action: 'staff.password_reset_request',
      entity: 'staff',
      entityId: member.id,
    });
  });
  deps.kickOutbox();
}
