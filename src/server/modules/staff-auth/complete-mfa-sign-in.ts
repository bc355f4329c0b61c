import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { type RateLimit, returnToken, takeTokensOrThrow } from '../auth/rate-limit';
import { alertOfCodeGuessing } from './alert-admins-of-attack';
import { spendMfaTicket, takeMfaAttempt } from './mfa-ticket';
import { spendSecondFactor } from './second-factor';
import { type StaffSignIn, type StaffSignInResult, startStaffSession } from './sign-in-staff';
import { ctxOfMember } from './staff-ctx';

/** Wrong codes on one account, whatever the ticket: a password thief gets 10 guesses a quarter hour. */
export const mfaFailuresPerAccount: RateLimit = { max: 10, windowMs: 15 * 60_000 };

/** And 30 a day (fixed UTC day): past it the second step is refused until the next day, or an admin's reset. */
export const mfaFailuresPerAccountDaily: RateLimit = { max: 30, windowMs: 24 * 60 * 60_000 };

/**
 * Second step of a staff sign-in: the code of the authenticator app, or a recovery code, completes the
 * sign-in that a right password started. Attempts are counted per ticket (5) and per account (10 per
 * 15 minutes, 30 a day), each in one statement before the code is checked; a success gives the account's
 * back. When a wrong code fills the account's quarter hour or day, the member and the practice's admins
 * are told once a day: their password is known and codes are being guessed.
 */
export async function completeMfaSignIn(
  deps: AppDeps,
  input: Omit<StaffSignIn, 'email' | 'password'> & { ticket: string | undefined; code: string },
): Promise<Extract<StaffSignInResult, { kind: 'session' }>> {
  const now = deps.clock.now();
  const attempt = input.ticket ? await takeMfaAttempt(deps.db, input.ticket, now) : null;
  if (!attempt || !input.ticket) throw new AppError('CODE_EXPIRED');
  const counters = [
    { key: `staff-mfa:account:${attempt.staffId}`, limit: mfaFailuresPerAccount },
    { key: `staff-mfa:account-day:${attempt.staffId}`, limit: mfaFailuresPerAccountDaily },
  ];
  await takeTokensOrThrow(deps.db, counters, now);

  const [member] = await deps.db
    .select({
      id: staff.id,
      practiceId: staff.practiceId,
      role: staff.role,
      totpSecret: staff.totpSecret,
      totpEnabledAt: staff.totpEnabledAt,
      removedAt: staff.removedAt,
    })
    .from(staff)
    .where(eq(staff.id, attempt.staffId));
  if (!member || member.removedAt || !member.totpEnabledAt) throw new AppError('CODE_EXPIRED');

  const used = await spendSecondFactor(deps.db, member, input.code, now, deps.config.files.key);
  if (!used) {
    await recordAudit(ctxOfMember(deps, member, input), {
      action: 'staff.mfa_failed',
      entity: 'staff',
      entityId: member.id,
    });
    await alertOfCodeGuessing(deps.db, member, counters, now);
    throw new AppError('CODE_INVALID', { details: { attemptsLeft: attempt.attemptsLeft } });
  }
  for (const counter of counters) await returnToken(deps.db, counter.key, counter.limit, now);
  if (!(await spendMfaTicket(deps.db, input.ticket, now))) throw new AppError('CODE_EXPIRED');
  return startStaffSession(deps, member, input, { secondFactor: used });
}
