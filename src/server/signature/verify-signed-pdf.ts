import { SignatureError } from './errors';
import { sha256Hex } from './hash';
import { loadPdf } from './load-pdf';
import { readSignatureMetadata } from './signature-metadata';

/** The evidence record's fingerprints, as stored when the document was signed. */
export interface SignatureRecord {
  referenceId: string;
  originalSha256: string;
  signedSha256: string;
}

/** One check of the verification, named for the console. */
export type SignatureCheck =
  /** The signed file's SHA-256 is the recorded one: not a byte changed since signing. */
  | 'signed_file_hash'
  /** The signed file's metadata names this record's reference and original fingerprint. */
  | 'signed_file_metadata'
  /** The stored original's SHA-256 is the recorded one (checked when the original is given). */
  | 'original_file_hash'
  /** The signed file is the original's pages plus the evidence page (when the original is given). */
  | 'page_count';

export interface SignatureVerification {
  valid: boolean;
  /** Every check made, passed or not, in order. */
  checks: { check: SignatureCheck; passed: boolean }[];
}

/**
 * Recomputes what can be recomputed (DOC-3, the console's "verify" action): the signed file's hash
 * against the record, the evidence in its metadata against the record and, when the stored original
 * is given, the original's hash and the page count. Valid when every check passes.
 */
export async function verifySignedPdf(
  signedBytes: Uint8Array,
  record: SignatureRecord,
  originalBytes?: Uint8Array,
): Promise<SignatureVerification> {
  const checks: SignatureVerification['checks'] = [];
  const add = (check: SignatureCheck, passed: boolean) => checks.push({ check, passed });

  add('signed_file_hash', sha256Hex(signedBytes) === record.signedSha256.toLowerCase());

  const signed = await loadPdf(signedBytes).catch((error: unknown) => {
    if (error instanceof SignatureError) return null;
    throw error;
  });
  const metadata = signed ? readSignatureMetadata(signed) : null;
  add(
    'signed_file_metadata',
    metadata !== null &&
      metadata.referenceId === record.referenceId &&
      metadata.originalSha256 === record.originalSha256.toLowerCase(),
  );

  if (originalBytes) {
    add('original_file_hash', sha256Hex(originalBytes) === record.originalSha256.toLowerCase());
    const original = await loadPdf(originalBytes).catch(() => null);
    add('page_count', !!signed && !!original && signed.getPageCount() === original.getPageCount() + 1);
  }

  return { valid: checks.every((entry) => entry.passed), checks };
}
