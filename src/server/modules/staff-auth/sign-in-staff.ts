import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { type StaffRole, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { verifyPassword } from '../auth/passwords';
import { returnToken, takeTokensOrThrow } from '../auth/rate-limit';
import { createSession } from '../auth/sessions';
import { alertAdminsOfAttack } from './alert-admins-of-attack';
import { isKnownDevice } from './known-device';
import { createMfaTicket } from './mfa-ticket';
import { ctxOfMember } from './staff-ctx';
import { staffLoginCounters } from './staff-login-counters';

export interface SignedInStaff {
  staffId: string;
  practiceId: string;
  role: StaffRole;
}

export interface StaffSignIn {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  /** The `knownDeviceCookie` the browser sent, if any (spares the account-wide counter, see there). */
  device?: string | undefined;
}

export type StaffSignInResult =
  | { kind: 'session'; token: string; expiresAt: Date; member: SignedInStaff }
  /** The password was right and the account has two-factor sign-in: a ticket for the code, no session. */
  | { kind: 'mfa'; ticket: string; expiresAt: Date };

/**
 * Signs a staff member in (SEC-1). Every failure says the same thing, whatever was wrong. Each attempt
 * takes a hit on every counter in one statement per counter before the password is checked (so
 * parallel guesses cannot all be checked), and a success gives its hits back: the counters count
 * failures. Past a limit, even a right password waits; a browser where the account has signed in before
 * is spared the account-wide counter (`staffLoginCounters`). With two-factor sign-in on, a right password only
 * gives a short-lived ticket for the code (`completeMfaSignIn`).
 */
export async function signInStaff(deps: AppDeps, input: StaffSignIn): Promise<StaffSignInResult> {
  const now = deps.clock.now();
  const [member] = await deps.db
    .select({
      id: staff.id,
      practiceId: staff.practiceId,
      role: staff.role,
      passwordHash: staff.passwordHash,
      totpEnabledAt: staff.totpEnabledAt,
    })
    .from(staff)
    .where(and(sql`lower(${staff.email}) = ${input.email}`, isNull(staff.removedAt)));
  const knownDevice = member ? isKnownDevice(deps.config.sessionSecret, input.device, member.id, now) : false;
  const counters = staffLoginCounters(input.email, input.ip, knownDevice);
  await takeTokensOrThrow(deps.db, counters, now);
  const valid = await verifyPassword(member?.passwordHash ?? null, input.password);

  if (!member || !valid) {
    if (member) {
      await alertAdminsOfAttack(deps.db, member, input.email, now);
      await recordAudit(ctxOfMember(deps, member, input), {
        action: 'staff.sign_in_failed',
        entity: 'staff',
        entityId: member.id,
      });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }

  for (const counter of counters) await returnToken(deps.db, counter.key, counter.limit, now);
  if (member.totpEnabledAt) {
    const ticket = await createMfaTicket(deps.db, member.id, now);
    await recordAudit(ctxOfMember(deps, member, input), {
      action: 'staff.sign_in_password_ok',
      entity: 'staff',
      entityId: member.id,
    });
    return { kind: 'mfa', ticket: ticket.token, expiresAt: ticket.expiresAt };
  }
  return startStaffSession(deps, member, input, {});
}

/** Opens the session of a staff member who has proved who they are; audited as `staff.sign_in`. */
export async function startStaffSession(
  deps: AppDeps,
  member: { id: string; practiceId: string; role: StaffRole },
  input: Omit<StaffSignIn, 'email' | 'password'>,
  details: Record<string, unknown>,
): Promise<Extract<StaffSignInResult, { kind: 'session' }>> {
  const now = deps.clock.now();
  const session = await createSession(deps, 'staff', {
    practiceId: member.practiceId,
    staffId: member.id,
    userAgent: input.userAgent,
    ip: input.ip,
  });
  await deps.db.update(staff).set({ lastSignInAt: now }).where(eq(staff.id, member.id));
  await recordAudit(ctxOfMember(deps, member, input), {
    action: 'staff.sign_in',
    entity: 'staff',
    entityId: member.id,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  });
  return {
    kind: 'session',
    token: session.token,
    expiresAt: session.expiresAt,
    member: { staffId: member.id, practiceId: member.practiceId, role: member.role },
  };
}
