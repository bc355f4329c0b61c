/**
 * The closed set of error codes the API answers with. Each code maps to exactly one HTTP status
 * (`errorStatus`), so the compiler forces every new code to be mapped once.
 */
export type AppErrorCode =
  /** The request body, query or params failed validation; `issues` lists the fields at fault. */
  | 'VALIDATION_FAILED'
  /** The JSON body could not be parsed. */
  | 'MALFORMED_BODY'
  /** The body is larger than the server accepts. */
  | 'BODY_TOO_LARGE'
  /** The content type is not accepted by this route. */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** No valid session: sign in first. */
  | 'UNAUTHENTICATED'
  /** Email or password wrong, or the account cannot sign in; deliberately says no more. */
  | 'INVALID_CREDENTIALS'
  /** The staff session was locked after inactivity; unlock with the password. */
  | 'SESSION_LOCKED'
  /** Signed in, but the role or grants do not allow this. */
  | 'FORBIDDEN'
  /** A cross-site request was refused. */
  | 'CSRF_REJECTED'
  /** The resource does not exist, or is not visible to the caller. */
  | 'NOT_FOUND'
  /** The patient identity (phone, names, birth date) matched nothing, or more than one person. */
  | 'IDENTITY_NOT_MATCHED'
  /** The patient asked the practice not to share their data through the app (SEC-3). */
  | 'APP_ACCESS_DISABLED'
  /** The practice switched this module of the patient app off (SET-8); `details.module` says which. */
  | 'MODULE_DISABLED'
  /** The one-time code is wrong; `attemptsLeft` tells how many tries remain. */
  | 'CODE_INVALID'
  /** The one-time code expired, was used, or had too many wrong attempts: ask for a new one. */
  | 'CODE_EXPIRED'
  /** The invitation link is unknown, used or expired. */
  | 'INVITATION_INVALID'
  /** The password-reset link is unknown, used or expired: ask for a new one. */
  | 'RESET_LINK_INVALID'
  /** The practice requires two-factor sign-in: enrol an authenticator app before anything else. */
  | 'MFA_ENROLMENT_REQUIRED'
  /** A unique value (email, slug...) is already taken. */
  | 'ALREADY_EXISTS'
  /** An uploaded file has no bytes; nothing was stored. */
  | 'FILE_EMPTY'
  /** An uploaded file is over the size limit (`details.maxMb`); nothing was stored. */
  | 'FILE_TOO_LARGE'
  /**
   * An uploaded file's content (never its name) is not of an accepted type (`details.accepted`): a
   * renamed executable, a text or a video. Nothing was stored.
   */
  | 'FILE_TYPE_NOT_ALLOWED'
  /** A PDF to sign is password-protected or unreadable, so it could never be signed; nothing was stored. */
  | 'PDF_NOT_SIGNABLE'
  /** Only the patient, or a responsable when the patient is a minor, signs a document. */
  | 'NOT_SIGNER'
  /** The document was already signed (by this phone or another). */
  | 'DOCUMENT_ALREADY_SIGNED'
  /** A secure link that expired or was revoked by the practice. */
  | 'LINK_EXPIRED'
  /** The slot overlaps another live appointment of the practitioner. */
  | 'SLOT_TAKEN'
  /** An online booking, move or cancellation that the practice's rules do not allow (`details.reason`). */
  | 'BOOKING_NOT_ALLOWED'
  /** The action needs an explicit confirmation (`details.reason`): resend it with the confirmation flag. */
  | 'CONFIRMATION_REQUIRED'
  /** The request conflicts with the current state of the resource. */
  | 'CONFLICT'
  /** Too many attempts; `retryAfterSeconds` says when to try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** Something failed on our side; the message never says what. */
  | 'INTERNAL'
  /** A dependency (database) is not available. */
  | 'UNAVAILABLE';

export const errorStatus: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_LOCKED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  IDENTITY_NOT_MATCHED: 400,
  APP_ACCESS_DISABLED: 403,
  MODULE_DISABLED: 403,
  CODE_INVALID: 400,
  CODE_EXPIRED: 410,
  INVITATION_INVALID: 410,
  RESET_LINK_INVALID: 410,
  MFA_ENROLMENT_REQUIRED: 403,
  ALREADY_EXISTS: 409,
  FILE_EMPTY: 400,
  FILE_TOO_LARGE: 400,
  FILE_TYPE_NOT_ALLOWED: 400,
  PDF_NOT_SIGNABLE: 400,
  NOT_SIGNER: 403,
  DOCUMENT_ALREADY_SIGNED: 409,
  LINK_EXPIRED: 410,
  SLOT_TAKEN: 409,
  CONFIRMATION_REQUIRED: 409,
  BOOKING_NOT_ALLOWED: 403,
  CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** One field at fault: `path` as a dotted string (`address.postalCode`), `message` in the caller's language. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  code: AppErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Why, for codes that have several reasons (BOOKING_NOT_ALLOWED: too_soon, follow_up_only…). */
  reason?: string;
  /** Extra facts some codes carry (attemptsLeft, retryAfterSeconds...). */
  details?: Record<string, unknown>;
  requestId?: string;
}
