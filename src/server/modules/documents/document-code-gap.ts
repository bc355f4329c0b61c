import { codeRules } from '../../../domain/one-time-code';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { type RateLimit, takeToken } from '../auth/rate-limit';

/** At most one new document code per key and minute (the resend gap of every code). */
export const documentCodeGap: RateLimit = { max: 1, windowMs: codeRules.resendAfterMs };

/** The key of a signature code: one document signed from one phone. */
export const signatureCodeKey = (documentId: string, phone: string) =>
  `document-code:signature:${documentId}:${phone}`;

/** The key of a secure link's code: the link (it has one phone). */
export const secureLinkCodeKey = (linkId: string) => `document-code:secure-link:${linkId}`;

/**
 * Takes the one code of this minute for `key`, in the transaction that issues the code, or refuses with
 * TOO_MANY_ATTEMPTS (the transaction then rolls back the code and its counts). The read of the last
 * code's time before it keeps the 60-s gap between requests one after the other; this count, checked
 * and taken in one statement, is what holds when requests come in parallel: they all read "no recent
 * code", but only one takes the minute's token.
 */
export async function takeDocumentCodeGap(tx: Db, key: string, now: Date): Promise<void> {
  const taken = await takeToken(tx, key, documentCodeGap, now);
  if (!taken.allowed) throw AppError.tooManyAttempts(taken.retryAfterSeconds);
}
