/** Why a PDF cannot be signed. */
export type SignatureErrorCode =
  /** The bytes are not a PDF pdf-lib can read. */
  | 'PDF_INVALID'
  /** The PDF is password-protected or encrypted: it cannot be rewritten with the evidence page. */
  | 'PDF_ENCRYPTED'
  /** The bytes to sign are not the document the signer was shown (their SHA-256 differs). */
  | 'ORIGINAL_MISMATCH';

export class SignatureError extends Error {
  constructor(
    readonly code: SignatureErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`signature: ${code}`, options);
    this.name = 'SignatureError';
  }
}
