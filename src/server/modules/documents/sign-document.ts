import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { PatientDocument } from '../../../contracts/documents';
import { type Ctx, withTransaction } from '../../context';
import { documents } from '../../db/schema';
import { AppError } from '../../errors';
import { discardStored } from '../../files/store-upload';
import { consumeCode } from '../auth/one-time-codes';
import { findAppDocument } from './app-document';
import { toPatientDocument } from './document-view';
import { assertSignable, signatureChallenge } from './signature-code';
import { recordSignature, type SignatureFacts, storeSignedPdf } from './write-signature';

/**
 * The signer enters the code (DOC-3). A wrong code counts an attempt (five kill it); a right one is
 * consumed, then the server signs the original it shared — checked against the fingerprint it holds —
 * with an evidence page, stores the signed PDF encrypted, and in one transaction marks the document
 * signed, writes the evidence (signer, for whom, when, IP, user agent, phone, both SHA-256), the audit
 * entry and the practice's notice. If anything fails after storing, the signed file is removed.
 */
export async function signDocument(
  ctx: Ctx,
  documentId: string,
  input: { challengeId: string; code: string; userAgent: string | null },
): Promise<PatientDocument> {
  const { reader, document } = await findAppDocument(ctx, documentId);
  const signer = assertSignable(reader, document);
  await signatureChallenge(ctx, document.id, reader.phone, input.challengeId);
  // outside any transaction: a wrong attempt must stay counted when the request fails
  const code = await consumeCode(ctx.deps, input.challengeId, 'signature', input.code);

  const facts: SignatureFacts = {
    referenceId: randomUUID(),
    document,
    signer: signer.patient,
    forPatient: signer.forPatient,
    role: signer.role,
    phone: reader.phone,
    signedAt: ctx.now,
    practice: reader.practice,
  };
  const file = await storeSignedPdf(ctx.deps, facts);
  try {
    return await withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .update(documents)
        .set({ signedAt: facts.signedAt })
        .where(and(eq(documents.id, document.id), isNull(documents.signedAt)))
        .returning();
      if (!row) throw new AppError('DOCUMENT_ALREADY_SIGNED');
      await recordSignature(tx, facts, file, { codeId: code.id, ip: tx.ip, userAgent: input.userAgent });
      return toPatientDocument(row, false);
    });
  } catch (error) {
    await discardStored(ctx.deps.files, [file.signedKey]);
    throw error;
  }
}
