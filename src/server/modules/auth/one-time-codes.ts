import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { codeRules, secondsBeforeResend } from '../../../domain/one-time-code';
import type { AppDeps } from '../../context';
import type { Db } from '../../db/client';
import { type CodePurpose, oneTimeCodes } from '../../db/schema';
import { AppError } from '../../errors';
import { addressKey } from './address-key';
import { limits, secondsUntilAllowed, takeTokensOrThrow } from './rate-limit';
import { hashCode, newSixDigitCode, sameHash } from './tokens';

export type OneTimeCode = typeof oneTimeCodes.$inferSelect;

interface NewCode {
  practiceId: string;
  purpose: CodePurpose;
  phone: string;
  patientId: string | null;
  ip: string | null;
  claim?: { lastName: string; firstName: string; birthDate: string };
}

/** Refuses early when the phone or the address asked for too many codes lately. A read only: the
 * binding check is the atomic count made when the code is issued (`countSend`).
 * @public
 */
export async function assertCodeSendAllowed(
  db: Db,
  practiceId: string,
  phone: string,
  ip: string | null,
  now: Date,
) {
  const wait = Math.max(
    await secondsUntilAllowed(db, sendKeys.ip(ip), limits.codeSendsPerIp, now),
    await secondsUntilAllowed(db, sendKeys.phone(practiceId, phone), limits.codeSendsPerPhone, now),
  );
  if (wait > 0) throw AppError.tooManyAttempts(wait);
}

const sendKeys = {
  ip: (ip: string | null) => `code-send:ip:${addressKey(ip)}`,
  phone: (practiceId: string, phone: string) => `code-send:phone:${practiceId}:${phone}`,
};

/** Checks and counts one send against the address and the phone, atomically (see `takeToken`). */
async function countSend(db: Db, practiceId: string, phone: string, ip: string | null, now: Date) {
  await takeTokensOrThrow(
    db,
    [
      { key: sendKeys.ip(ip), limit: limits.codeSendsPerIp },
      { key: sendKeys.phone(practiceId, phone), limit: limits.codeSendsPerPhone },
    ],
    now,
  );
}

/**
 * Creates a code challenge inside the caller's transaction and returns the clear code, which the
 * caller puts in the SMS it queues in the same transaction.
 */
export async function issueCode(
  db: Db,
  secret: string,
  code: NewCode,
  now: Date,
): Promise<{ challengeId: string; code: string }> {
  await countSend(db, code.practiceId, code.phone, code.ip, now);
  const challengeId = randomUUID();
  const clear = newSixDigitCode();
  await db.insert(oneTimeCodes).values({
    id: challengeId,
    practiceId: code.practiceId,
    purpose: code.purpose,
    phone: code.phone,
    patientId: code.patientId,
    claim: code.claim ?? null,
    codeHash: hashCode(secret, challengeId, clear),
    expiresAt: new Date(now.getTime() + codeRules.ttlMs),
    lastSentAt: now,
    ip: code.ip,
    createdAt: now,
  });
  return { challengeId, code: clear };
}

/**
 * Replaces the code of a live challenge with a new one (the "resend" button): allowed 60 s after the
 * last send, within the per-phone limit; the new code gets a fresh validity and attempt count.
 */
export async function reissueCode(
  db: Db,
  secret: string,
  challengeId: string,
  purpose: CodePurpose,
  ip: string | null,
  now: Date,
): Promise<{ challenge: OneTimeCode; code: string }> {
  const [challenge] = await db
    .select()
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.id, challengeId),
        eq(oneTimeCodes.purpose, purpose),
        isNull(oneTimeCodes.consumedAt),
      ),
    );
  if (!challenge) throw new AppError('CODE_EXPIRED');
  const wait = secondsBeforeResend(challenge.lastSentAt, now);
  if (wait > 0) throw AppError.tooManyAttempts(wait);
  await assertCodeSendAllowed(db, challenge.practiceId, challenge.phone, ip, now);
  const clear = newSixDigitCode();
  const [updated] = await db
    .update(oneTimeCodes)
    .set({
      codeHash: hashCode(secret, challengeId, clear),
      attempts: 0,
      expiresAt: new Date(now.getTime() + codeRules.ttlMs),
      lastSentAt: now,
    })
    .where(
      and(
        eq(oneTimeCodes.id, challengeId),
        lt(oneTimeCodes.lastSentAt, new Date(now.getTime() - codeRules.resendAfterMs + 1)),
      ),
    )
    .returning();
  if (!updated) throw AppError.tooManyAttempts(codeRules.resendAfterMs / 1000);
  await countSend(db, challenge.practiceId, challenge.phone, ip, now);
  return { challenge: updated, code: clear };
}

/**
 * Checks a typed code. The attempt is counted atomically before comparing, so concurrent guesses
 * cannot exceed five; a right code is consumed once. Wrong → CODE_INVALID with attempts left; dead
 * (expired, used, five misses) → CODE_EXPIRED.
 * @public
 */
export async function consumeCode(
  deps: AppDeps,
  challengeId: string,
  purpose: CodePurpose,
  typed: string,
): Promise<OneTimeCode> {
  const now = deps.clock.now();
  const [reserved] = await deps.db
    .update(oneTimeCodes)
    .set({ attempts: sql`${oneTimeCodes.attempts} + 1` })
    .where(
      and(
        eq(oneTimeCodes.id, challengeId),
        eq(oneTimeCodes.purpose, purpose),
        isNull(oneTimeCodes.consumedAt),
        lt(oneTimeCodes.attempts, codeRules.maxAttempts),
        gt(oneTimeCodes.expiresAt, now),
      ),
    )
    .returning();
  if (!reserved) throw new AppError('CODE_EXPIRED');
  if (!sameHash(reserved.codeHash, hashCode(deps.config.sessionSecret, challengeId, typed))) {
    throw new AppError('CODE_INVALID', {
      details: { attemptsLeft: Math.max(0, codeRules.maxAttempts - reserved.attempts) },
    });
  }
  const [consumed] = await deps.db
    .update(oneTimeCodes)
    .set({ consumedAt: now })
    .where(and(eq(oneTimeCodes.id, challengeId), isNull(oneTimeCodes.consumedAt)))
    .returning();
  if (!consumed) throw new AppError('CODE_EXPIRED');
  return consumed;
}
