import { eq } from 'drizzle-orm';
import type { SignatureEvidence, SignatureVerificationResult } from '../../../contracts/documents';
import { maskPhone } from '../../../domain/phone';
import type { Ctx } from '../../context';
import { documentSignatures } from '../../db/schema';
import { AppError } from '../../errors';
import { isFileStorageError } from '../../files/errors';
import type { FileStorage } from '../../files/file-storage';
import { verifySignedPdf } from '../../signature/verify-signed-pdf';
import { recordAudit } from '../audit/record-audit';
import type { DocumentRow } from './document-view';
import { withStaffDocument } from './staff-document';
import { readStored } from './stored-bytes';

type SignatureRow = typeof documentSignatures.$inferSelect;

async function signatureOf(tx: Ctx, document: DocumentRow): Promise<SignatureRow> {
  const [signature] = await tx.db
    .select()
    .from(documentSignatures)
    .where(eq(documentSignatures.documentId, document.id));
  if (!signature) throw AppError.notFound();
  return signature;
}

/** The evidence of a signed document for staff (DOC-3); 404 while it is not signed. Audited. */
export async function getSignatureEvidence(ctx: Ctx, documentId: string): Promise<SignatureEvidence> {
  return withStaffDocument(ctx, documentId, async (tx, document) => {
    const signature = await signatureOf(tx, document);
    await recordAudit(tx, {
      action: 'document.signature_read',
      entity: 'document',
      entityId: document.id,
      patientId: document.patientId,
    });
    return {
      referenceId: signature.id,
      documentId: document.id,
      documentTitle: document.title,
      signer: {
        patientId: signature.signerPatientId,
        name: signature.signerName,
        role: signature.signerRole,
      },
      forPatient: { id: signature.forPatientId, name: signature.forPatientName },
      signedAt: signature.signedAt.toISOString(),
      maskedPhone: maskPhone(signature.phone),
      ip: signature.ip,
      userAgent: signature.userAgent,
      originalSha256: signature.originalSha256,
      signedSha256: signature.signedSha256,
    };
  });
}

/** A stored file's bytes, or null when storage cannot give them authentic (altered, missing, another key). */
async function readIfAuthentic(files: FileStorage, key: string): Promise<Buffer | null> {
  try {
    return await readStored(files, key);
  } catch (error) {
    if (isFileStorageError(error)) return null;
    throw error;
  }
}

/**
 * The console's "verify" action (DOC-3): reads the stored signed PDF and the original again and
 * recomputes what can be — both SHA-256 against the evidence, the evidence in the PDF's metadata, the
 * page count. A stored file that no longer decrypts (a byte changed on disk) fails its check. Audited
 * with the verdict.
 */
export async function verifySignature(ctx: Ctx, documentId: string): Promise<SignatureVerificationResult> {
  const { document, signature } = await withStaffDocument(ctx, documentId, async (tx, document) => ({
    document,
    signature: await signatureOf(tx, document),
  }));
  const signedBytes = await readIfAuthentic(ctx.deps.files, signature.signedFileKey);
  const originalBytes = await readIfAuthentic(ctx.deps.files, document.fileKey);
  const checks: SignatureVerificationResult['checks'] = [
    { check: 'signed_file_readable', passed: signedBytes !== null },
    { check: 'original_file_readable', passed: originalBytes !== null },
  ];
  const record = {
    referenceId: signature.id,
    originalSha256: signature.originalSha256,
    signedSha256: signature.signedSha256,
  };
  if (signedBytes) {
    const verification = await verifySignedPdf(signedBytes, record, originalBytes ?? undefined);
    checks.push(...verification.checks);
  }
  const result = {
    valid: checks.length > 2 && checks.every((entry) => entry.passed),
    checks,
    verifiedAt: ctx.now.toISOString(),
  };
  await withStaffDocument(ctx, documentId, async (tx) => {
    await recordAudit(tx, {
      action: 'document.signature_verify',
      entity: 'document',
      entityId: document.id,
      patientId: document.patientId,
      details: { signatureId: signature.id, valid: result.valid },
    });
  });
  return result;
}
