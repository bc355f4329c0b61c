/**
 * The names of the API's error codes, without their schemas: a leaf the web can import without Zod (to tell
 * an API error body from a foreign one, e.g. a proxy's). `errors.ts` holds the catalog (status, details)
 * and the compiler checks that both list the same codes.
 */
export const errorCodeNames = [
  'VALIDATION_FAILED',
  'MALFORMED_BODY',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'IDENTITY_NOT_MATCHED',
  'APP_ACCESS_DISABLED',
  'MODULE_DISABLED',
  'CODE_INVALID',
  'CODE_EXPIRED',
  'INVITATION_INVALID',
  'RESET_LINK_INVALID',
  'MFA_ENROLMENT_REQUIRED',
  'ALREADY_EXISTS',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'PDF_NOT_SIGNABLE',
  'NOT_SIGNER',
  'DOCUMENT_ALREADY_SIGNED',
  'LINK_EXPIRED',
  'SLOT_TAKEN',
  'BOOKING_NOT_ALLOWED',
  'CONFIRMATION_REQUIRED',
  'CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL',
  'UNAVAILABLE',
] as const;

export type ErrorCodeName = (typeof errorCodeNames)[number];

const known: ReadonlySet<string> = new Set(errorCodeNames);

/** Whether a value is one of the API's error codes. */
export function isErrorCodeName(value: unknown): value is ErrorCodeName {
  return typeof value === 'string' && known.has(value);
}
