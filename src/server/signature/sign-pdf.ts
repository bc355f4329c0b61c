import { SignatureError } from './errors';
import { addEvidencePage, type EvidencePageContent, signedAtText } from './evidence-page';
import { sha256Hex } from './hash';
import { loadPdf } from './load-pdf';
import { signatureKeywords } from './signature-metadata';

export type SignatureEvidence = EvidencePageContent;

export interface SignedPdf {
  bytes: Uint8Array;
  /** SHA-256 (hex) of `bytes`, for the evidence record. */
  sha256: string;
}

/**
 * Produces the signed PDF (DOC-3): the original's pages, then a page stating who signed, when (in the
 * practice's time zone, French and English), the masked phone that received the code, the original's
 * SHA-256, the document title and the evidence reference; the same facts go into the PDF's metadata.
 *
 * `evidence.originalSha256` is the fingerprint of the document as shared with the signer; the bytes
 * given must have it (ORIGINAL_MISMATCH otherwise), so what is signed is what was shown.
 *
 * The PDF is rewritten, not incrementally updated (pdf-lib cannot append a revision), so the original's
 * bytes are not a prefix of the signed file: the link between them is the fingerprint, and the original
 * is kept next to the signed file. The output depends only on the inputs (same inputs, same bytes).
 */
export async function signPdf(originalBytes: Uint8Array, evidence: SignatureEvidence): Promise<SignedPdf> {
  if (sha256Hex(originalBytes) !== evidence.originalSha256.toLowerCase())
    throw new SignatureError('ORIGINAL_MISMATCH');
  const document = await loadPdf(originalBytes);
  await addEvidencePage(document, evidence);

  const when = signedAtText(evidence.signedAt, evidence.timeZone);
  document.setKeywords(
    signatureKeywords({
      referenceId: evidence.referenceId,
      originalSha256: evidence.originalSha256.toLowerCase(),
      signerName: evidence.signerName,
      signedAt: evidence.signedAt.toISOString(),
    }),
  );
  document.setSubject(
    `Signé électroniquement par ${evidence.signerName} le ${when.fr} / ` +
      `Electronically signed by ${evidence.signerName} on ${when.en}`,
  );
  if (!document.getTitle()) document.setTitle(evidence.documentTitle);
  document.setModificationDate(evidence.signedAt);
  document.setProducer('Sourire (pdf-lib)');

  const bytes = await document.save();
  return { bytes, sha256: sha256Hex(bytes) };
}
