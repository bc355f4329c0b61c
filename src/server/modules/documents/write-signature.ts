import type { AppDeps, Ctx } from '../../context';
import { documentSignatures, type documents } from '../../db/schema';
import { newFileKey } from '../../files/file-key';
import { signPdf } from '../../signature/sign-pdf';
import { recordAudit } from '../audit/record-audit';
import type { Practice } from '../practice/find-practice';
import { notifySignature } from './notify-signature';
import { readStored } from './stored-bytes';

const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

interface Person {
  id: string;
  firstName: string;
  lastName: string;
}

/** Who signs what, for whom, when (DOC-3): what the signed PDF and its evidence say. */
export interface SignatureFacts {
  referenceId: string;
  document: typeof documents.$inferSelect;
  signer: Person;
  forPatient: Person;
  role: 'patient' | 'responsable';
  phone: string;
  signedAt: Date;
  practice: Practice;
}

/**
 * Signs the original the practice shared — read back from storage — with its evidence page and stores
 * the signed PDF encrypted. The caller removes the stored file if what follows fails.
 */
export async function storeSignedPdf(deps: AppDeps, facts: SignatureFacts) {
  const original = await readStored(deps.files, facts.document.fileKey);
  const signed = await signPdf(original, {
    referenceId: facts.referenceId,
    documentTitle: facts.document.title,
    signerName: fullName(facts.signer),
    onBehalfOf: facts.role === 'responsable' ? fullName(facts.forPatient) : undefined,
    phone: facts.phone,
    signedAt: facts.signedAt,
    timeZone: facts.practice.timeZone,
    originalSha256: facts.document.sha256,
    practiceName: facts.practice.name,
  });
  const signedKey = newFileKey();
  const stored = await deps.files.put(signedKey, signed.bytes);
  return { signedKey, stored };
}

/**
 * In the transaction that marks the document signed: the evidence row (signer, for whom, when, IP, user
 * agent, phone, both SHA-256), the audit entry and the practice's notice.
 */
export async function recordSignature(
  tx: Ctx,
  facts: SignatureFacts,
  file: Awaited<ReturnType<typeof storeSignedPdf>>,
  how: {
    codeId: string | null;
    ip: string | null;
    userAgent: string | null;
    auditDetails?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.db.insert(documentSignatures).values({
    id: facts.referenceId,
    practiceId: tx.practiceId,
    documentId: facts.document.id,
    signerPatientId: facts.signer.id,
    signerName: fullName(facts.signer),
    signerRole: facts.role,
    forPatientId: facts.forPatient.id,
    forPatientName: fullName(facts.forPatient),
    phone: facts.phone,
    codeId: how.codeId,
    signedAt: facts.signedAt,
    ip: how.ip,
    userAgent: how.userAgent,
    originalSha256: facts.document.sha256,
    signedSha256: file.stored.sha256,
    signedFileKey: file.signedKey,
    signedSize: file.stored.size,
  });
  await recordAudit(tx, {
    action: 'document.sign',
    entity: 'document',
    entityId: facts.document.id,
    patientId: facts.document.patientId,
    details: {
      signatureId: facts.referenceId,
      signerPatientId: facts.signer.id,
      role: facts.role,
      ...how.auditDetails,
    },
  });
  await notifySignature(tx, facts.practice, facts.referenceId);
}
