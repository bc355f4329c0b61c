import { and, eq, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { RecoveryCodes, TotpEnrolment } from '../../../contracts/staff-auth';
import { type Ctx, withTransaction } from '../../context';
import { staff, staffRecoveryCodes } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { verifyPassword } from '../auth/passwords';
import { type RateLimit, returnToken, takeTokensOrThrow } from '../auth/rate-limit';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { staffLoginCounters } from './staff-login-counters';
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpStepOf, totpUri } from './totp';

const enrolCodesPerAccount: RateLimit = { max: 10, windowMs: 15 * 60_000 };

function staffIdOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  return ctx.actor.staffId;
}

/**
 * Starts enrolling an authenticator app: a new secret (replacing any unconfirmed one), its otpauth://
 * URI and that URI as a QR code. Nothing changes for sign-in until `confirmTotpEnrolment`.
 */
export async function startTotpEnrolment(ctx: Ctx): Promise<TotpEnrolment> {
  const staffId = staffIdOf(ctx);
  const secret = newTotpSecret();
  const rows = await ctx.db
    .update(staff)
    .set({ totpSecret: sealTotpSecret(secret, ctx.deps.config.files.key), totpLastStep: null })
    .where(and(eq(staff.id, staffId), isNull(staff.totpEnabledAt)))
    .returning({ email: staff.email });
  const member = rows[0];
  if (!member) throw new AppError('CONFLICT');
  const uri = totpUri(secret, member.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

/**
 * Confirms the enrolment with the current password (counted with the sign-in failures, so a session left
 * open cannot bind a stranger's app) and a code of the app: two-factor sign-in is on from now, and ten
 * recovery codes are made (only their hashes kept) and returned once. Two-step turns on only if the
 * stored secret is still the one whose code was checked (a new enrolment started meanwhile → 409).
 */
export async function confirmTotpEnrolment(
  ctx: Ctx,
  input: { code: string; password: string },
): Promise<RecoveryCodes> {
  const staffId = staffIdOf(ctx);
  const [member] = await ctx.db
    .select({
      email: staff.email,
      passwordHash: staff.passwordHash,
      totpSecret: staff.totpSecret,
      totpEnabledAt: staff.totpEnabledAt,
    })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!member) throw new AppError('UNAUTHENTICATED');
  const passwordCounters = staffLoginCounters(member.email.toLowerCase(), ctx.ip);
  const codeCounter = { key: `staff-mfa:enrol:${staffId}`, limit: enrolCodesPerAccount };
  await takeTokensOrThrow(ctx.db, [...passwordCounters, codeCounter], ctx.now);
  const giveBack = async (counters: typeof passwordCounters) => {
    for (const counter of counters) await returnToken(ctx.db, counter.key, counter.limit, ctx.now);
  };
  if (!(await verifyPassword(member.passwordHash, input.password))) {
    await giveBack([codeCounter]);
    await recordAudit(ctx, { action: 'staff.mfa_enable_failed', entity: 'staff', entityId: staffId });
    throw AppError.field('password', 'password_wrong');
  }
  await giveBack(passwordCounters);
  const sealedSecret = member.totpSecret;
  if (!sealedSecret || member.totpEnabledAt) throw new AppError('CONFLICT');
  const step = totpStepOf(openTotpSecret(sealedSecret, ctx.deps.config.files.key), input.code, ctx.now);
  if (step === null) throw new AppError('CODE_INVALID');
  const recoveryCodes = newRecoveryCodes();
  await withTransaction(ctx, async (tx) => {
    const enabled = await tx.db
      .update(staff)
      .set({ totpEnabledAt: tx.now, totpLastStep: step })
      .where(and(eq(staff.id, staffId), eq(staff.totpSecret, sealedSecret), isNull(staff.totpEnabledAt)))
      .returning({ id: staff.id });
    if (enabled.length === 0) throw new AppError('CONFLICT');
    await tx.db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
    await tx.db.insert(staffRecoveryCodes).values(
      recoveryCodes.map((typed) => ({
        staffId,
        codeHash: hashRecoveryCode(staffId, typed),
        createdAt: tx.now,
      })),
    );
    await recordAudit(tx, { action: 'staff.mfa_enable', entity: 'staff', entityId: staffId });
  });
  return { recoveryCodes };
}
