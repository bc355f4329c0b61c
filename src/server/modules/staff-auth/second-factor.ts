import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { staff, staffRecoveryCodes } from '../../db/schema';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { openTotpSecret, totpStepOf } from './totp';

export type SecondFactorUsed = 'totp' | 'recovery_code';

/**
 * Checks a second factor and spends it in the same statement: a TOTP code moves the account's last used
 * step forward only if its step is newer (so a code, even seen over a shoulder, works once), a recovery
 * code is marked used only if it was not. Null when wrong, replayed or already used.
 */
export async function spendSecondFactor(
  db: Db,
  member: { id: string; totpSecret: string | null },
  typed: string,
  now: Date,
  filesKey: Buffer,
): Promise<SecondFactorUsed | null> {
  const code = typed.trim();
  if (/^\d{6}$/.test(code)) {
    if (!member.totpSecret) return null;
    const step = totpStepOf(openTotpSecret(member.totpSecret, filesKey), code, now);
    if (step === null) return null;
    const moved = await db
      .update(staff)
      .set({ totpLastStep: step })
      .where(and(eq(staff.id, member.id), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, step))))
      .returning({ id: staff.id });
    return moved.length > 0 ? 'totp' : null;
  }
  if (!looksLikeRecoveryCode(code)) return null;
  const used = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffRecoveryCodes.staffId, member.id),
        eq(staffRecoveryCodes.codeHash, hashRecoveryCode(member.id, code)),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id });
  return used.length > 0 ? 'recovery_code' : null;
}
