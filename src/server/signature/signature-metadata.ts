import type { PDFDocument } from 'pdf-lib';

/**
 * The evidence a signed PDF carries in its document information (Keywords), besides the page a person
 * reads: a machine can find the reference and the original's fingerprint without reading page text.
 * Keywords are one string of space-separated words, so each value is URI-encoded into one word.
 */
export interface SignatureMetadata {
  referenceId: string;
  originalSha256: string;
  signerName: string;
  /** ISO 8601, UTC */
  signedAt: string;
}

const marker = 'sourire-signature-v1';
const fields = {
  referenceId: 'ref',
  originalSha256: 'original-sha256',
  signerName: 'signer',
  signedAt: 'signed-at',
} as const satisfies Record<keyof SignatureMetadata, string>;

export function signatureKeywords(metadata: SignatureMetadata): string[] {
  return [
    marker,
    ...Object.entries(fields).map(
      ([field, name]) => `${name}=${encodeURIComponent(metadata[field as keyof SignatureMetadata])}`,
    ),
  ];
}

/** The signature metadata of a PDF, or null when it has none (or it is incomplete). */
export function readSignatureMetadata(document: PDFDocument): SignatureMetadata | null {
  const words = (document.getKeywords() ?? '').split(/\s+/);
  if (!words.includes(marker)) return null;
  const values = new Map<string, string>();
  for (const word of words) {
    const separator = word.indexOf('=');
    if (separator <= 0) continue;
    try {
      values.set(word.slice(0, separator), decodeURIComponent(word.slice(separator + 1)));
    } catch {
      return null;
    }
  }
  const referenceId = values.get(fields.referenceId);
  const originalSha256 = values.get(fields.originalSha256);
  const signerName = values.get(fields.signerName);
  const signedAt = values.get(fields.signedAt);
  if (!referenceId || !originalSha256 || !signerName || !signedAt) return null;
  return { referenceId, originalSha256, signerName, signedAt };
}
