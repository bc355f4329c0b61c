import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { PatientDocument } from '../../../contracts/documents';
import { type Ctx, withTransaction } from '../../context';
import { documentSignatures, documents } from '../../db/schema';
import { AppError } from '../../errors';
import { newFileKey } from '../../files/file-key';
import { discardStored } from '../../files/store-upload';
import { signPdf } from '../../signature/sign-pdf';
import { recordAudit } from '../audit/record-audit';
import { consumeCode } from '../auth/one-time-codes';
import { findAppDocument } from './app-document';
import { toPatientDocument } from './document-view';
import { notifySignature } from './notify-signature';
import { assertSignable, signatureChallenge } from './signature-code';
import { readStored } from './stored-bytes';

const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

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

  const referenceId = randomUUID();
  const signedAt = ctx.now;
  const original = await readStored(ctx.deps.files, document.fileKey);
  const signed = await signPdf(original, {
    referenceId,
    documentTitle: document.title,
    signerName: fullName(signer.patient),
    onBehalfOf: signer.role === 'responsable' ? fullName(signer.forPatient) : undefined,
    phone: reader.phone,
    signedAt,
    timeZone: reader.practice.timeZone,
    originalSha256: document.sha256,
    practiceName: reader.practice.name,
  });
  const signedKey = newFileKey();
  const stored = await ctx.deps.files.put(signedKey, signed.bytes);
  try {
    return await withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .update(documents)
        .set({ signedAt })
        .where(and(eq(documents.id, document.id), isNull(documents.signedAt)))
        .returning();
      if (!row) throw new AppError('DOCUMENT_ALREADY_SIGNED');
      await tx.db.insert(documentSignatures).values({
        id: referenceId,
        practiceId: tx.practiceId,
        documentId: row.id,
        signerPatientId: signer.patient.id,
        signerName: fullName(signer.patient),
        signerRole: signer.role,
        forPatientId: signer.forPatient.id,
        forPatientName: fullName(signer.forPatient),
        phone: reader.phone,
        codeId: code.id,
        signedAt,
        ip: tx.ip,
        userAgent: input.userAgent,
        originalSha256: document.sha256,
        signedSha256: stored.sha256,
        signedFileKey: signedKey,
        signedSize: stored.size,
      });
      await recordAudit(tx, {
        action: 'document.sign',
        entity: 'document',
        entityId: row.id,
        patientId: row.patientId,
        details: { signatureId: referenceId, signerPatientId: signer.patient.id, role: signer.role },
      });
      await notifySignature(tx, reader.practice, referenceId);
      return toPatientDocument(row, false);
    });
  } catch (error) {
    await discardStored(ctx.deps.files, [signedKey]);
    throw error;
  }
}
