import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CodeChallenge } from '../../../contracts/patient-auth';
import { secondsBeforeResend } from '../../../domain/one-time-code';
import type { Ctx } from '../../context';
import { documentCodes, oneTimeCodes } from '../../db/schema';
import { AppError } from '../../errors';
import { signatureCodeSms } from '../../messages/document-templates';
import { assertCodeSendAllowed } from '../auth/one-time-codes';
import { resendCode, sendCode } from '../auth/send-code';
import { findAppDocument } from './app-document';
import { type AppReader, type Signer, signerFor } from './app-reader';
import { signatureCodeKey, takeDocumentCodeGap } from './document-code-gap';
import type { DocumentRow } from './document-view';

/** The signer of a document still to sign by this phone, or the refusal that says why not. */
export function assertSignable(reader: AppReader, document: DocumentRow): Signer {
  if (document.signedAt) throw new AppError('DOCUMENT_ALREADY_SIGNED');
  if (!document.requiresSignature) throw new AppError('CONFLICT');
  const signer = signerFor(reader, document);
  if (!signer) throw new AppError('NOT_SIGNER');
  return signer;
}

/**
 * The code challenge a phone asked for to sign this document; CODE_EXPIRED for any other (a code of
 * another document, another phone, another purpose), so a code never signs what it was not sent for.
 */
export async function signatureChallenge(ctx: Ctx, documentId: string, phone: string, challengeId: string) {
  const [challenge] = await ctx.db
    .select({ id: oneTimeCodes.id, signerPatientId: documentCodes.signerPatientId })
    .from(documentCodes)
    .innerJoin(oneTimeCodes, eq(oneTimeCodes.id, documentCodes.codeId))
    .where(
      and(
        eq(documentCodes.codeId, challengeId),
        eq(documentCodes.documentId, documentId),
        eq(oneTimeCodes.practiceId, ctx.practiceId),
        eq(oneTimeCodes.purpose, 'signature'),
        eq(oneTimeCodes.phone, phone),
      ),
    );
  if (!challenge) throw new AppError('CODE_EXPIRED');
  return challenge;
}

/**
 * The signer asks for a code (DOC-3): 6 digits by SMS to the signed-in phone, valid 10 minutes, five
 * attempts; a new code for the same document 60 s after the previous one at the earliest (one a
 * minute however many requests come at once), within the per-phone and per-address limits of every code.
 */
export async function requestSignatureCode(ctx: Ctx, documentId: string): Promise<CodeChallenge> {
  const { reader, document } = await findAppDocument(ctx, documentId);
  const signer = assertSignable(reader, document);
  const [recent] = await ctx.db
    .select({ lastSentAt: oneTimeCodes.lastSentAt })
    .from(documentCodes)
    .innerJoin(oneTimeCodes, eq(oneTimeCodes.id, documentCodes.codeId))
    .where(
      and(
        eq(documentCodes.documentId, document.id),
        eq(oneTimeCodes.phone, reader.phone),
        eq(oneTimeCodes.purpose, 'signature'),
        isNull(oneTimeCodes.consumedAt),
      ),
    )
    .orderBy(desc(oneTimeCodes.lastSentAt))
    .limit(1);
  const wait = recent ? secondsBeforeResend(recent.lastSentAt, ctx.now) : 0;
  if (wait > 0) throw AppError.tooManyAttempts(wait);
  await assertCodeSendAllowed(ctx.db, ctx.practiceId, reader.phone, ctx.ip, ctx.now);
  const practice = reader.practice;
  return sendCode(ctx.deps, {
    practice,
    phone: reader.phone,
    purpose: 'signature',
    patientId: signer.patient.id,
    ip: ctx.ip,
    lang: ctx.lang,
    smsText: (code) => signatureCodeSms(ctx.lang, { practice: practice.name, code }),
    bind: async (tx, challengeId) => {
      await takeDocumentCodeGap(tx, signatureCodeKey(document.id, reader.phone), ctx.now);
      await tx.insert(documentCodes).values({
        codeId: challengeId,
        practiceId: practice.id,
        documentId: document.id,
        signerPatientId: signer.patient.id,
      });
    },
  });
}

/** "Resend the code" of a signature: the same challenge, a new code, 60 s after the last one at the earliest. */
export async function resendSignatureCode(
  ctx: Ctx,
  documentId: string,
  challengeId: string,
): Promise<CodeChallenge> {
  const { reader, document } = await findAppDocument(ctx, documentId);
  assertSignable(reader, document);
  await signatureChallenge(ctx, document.id, reader.phone, challengeId);
  const practice = reader.practice;
  return resendCode(ctx.deps, {
    challengeId,
    purpose: 'signature',
    ip: ctx.ip,
    lang: ctx.lang,
    smsText: (code) => signatureCodeSms(ctx.lang, { practice: practice.name, code }),
  });
}
