import { and, eq, isNull, sql } from 'drizzle-orm';
import { type AppDeps, type Ctx, makeCtx } from '../../context';
import { type StaffRole, staff } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { verifyPassword } from '../auth/passwords';
import { hit, limits, secondsUntilAllowed } from '../auth/rate-limit';
import { createSession } from '../auth/sessions';

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
}

/**
 * Signs a staff member in (SEC-1). Every failure says the same thing, whatever was wrong, and counts
 * against both the account and the address it came from; past the limits, even a right password waits.
 */
export async function signInStaff(
  deps: AppDeps,
  input: StaffSignIn,
): Promise<{ token: string; expiresAt: Date; member: SignedInStaff }> {
  const now = deps.clock.now();
  const accountKey = `staff-login:account:${input.email}`;
  const ipKey = `staff-login:ip:${input.ip ?? 'unknown'}`;
  const wait = Math.max(
    await secondsUntilAllowed(deps.db, accountKey, limits.staffLoginPerAccount, now),
    await secondsUntilAllowed(deps.db, ipKey, limits.staffLoginPerIp, now),
  );
  if (wait > 0) throw AppError.tooManyAttempts(wait);

  const [member] = await deps.db
    .select({
      id: staff.id,
      practiceId: staff.practiceId,
      role: staff.role,
      passwordHash: staff.passwordHash,
    })
    .from(staff)
    .where(and(sql`lower(${staff.email}) = ${input.email}`, isNull(staff.removedAt)));
  const valid = await verifyPassword(member?.passwordHash ?? null, input.password);

  if (!member || !valid) {
    await hit(deps.db, accountKey, limits.staffLoginPerAccount, now);
    await hit(deps.db, ipKey, limits.staffLoginPerIp, now);
    if (member) {
      await recordAudit(ctxFor(deps, member, input), {
        action: 'staff.sign_in_failed',
        entity: 'staff',
        entityId: member.id,
      });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }

  const session = await createSession(deps, 'staff', {
    practiceId: member.practiceId,
    staffId: member.id,
    userAgent: input.userAgent,
    ip: input.ip,
  });
  await deps.db.update(staff).set({ lastSignInAt: now }).where(eq(staff.id, member.id));
  await recordAudit(ctxFor(deps, member, input), {
    action: 'staff.sign_in',
    entity: 'staff',
    entityId: member.id,
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    member: { staffId: member.id, practiceId: member.practiceId, role: member.role },
  };
}

function ctxFor(
  deps: AppDeps,
  member: { id: string; practiceId: string; role: StaffRole },
  input: StaffSignIn,
): Ctx {
  return makeCtx(deps, {
    practiceId: member.practiceId,
    actor: { kind: 'staff', staffId: member.id, role: member.role },
    requestId: input.requestId,
    ip: input.ip,
  });
}
