import { z } from 'zod';
import { appModuleSchema } from './app-module';
import type { ErrorCodeName } from './error-codes';

/**
 * The closed set of error codes the API answers with: each code has exactly one HTTP status and the
 * schema of the `details` it carries (none, optional or required). The server's `AppError` accepts only
 * these codes with their details (checked by the compiler), the error responses of the OpenAPI document
 * list them per status, and the web narrows `details` by `code` without casts.
 *
 * This file imports nothing but Zod and leaf contracts: every other contract may import it.
 */

const uuid = z.uuid();

/** Reasons of BOOKING_NOT_ALLOWED, each with its own message (BOOK-3). */
export const refusalReasonSchema = z
  .enum([
    'booking_closed',
    'practitioner_closed',
    'motif_not_online',
    'too_soon',
    'too_late',
    'new_patients_only',
    'existing_patients_only',
    'follow_up_only',
    'not_a_slot',
    'not_in_family',
    'cutoff_passed',
    'appointment_past',
    'appointment_cancelled',
    'offer_taken',
    'offer_expired',
  ])
  .describe('Why the practice’s online rules refuse the action; each reason has its own message');
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

/** A free slot offered instead of one just taken (same shape as the booking page's slots). */
const nextSlotSchema = z.object({
  start: z.string().describe('Start instant, ISO 8601 in UTC'),
  end: z.string().describe('End instant, ISO 8601 in UTC'),
  options: z
    .array(
      z.object({
        practitionerId: uuid.describe('A practitioner free then'),
        locationId: uuid.describe('Where that practitioner receives then'),
      }),
    )
    .describe('Who is free then, and where'),
});

/** A patient file that looks like the one being created (same folded names and birth date). */
const duplicateMatchSchema = z.object({
  id: uuid.describe('The existing patient file'),
  lastName: z.string().describe('Last name of the existing file'),
  firstName: z.string().describe('First name of the existing file'),
  birthDate: z.string().describe('Birth date of the existing file, YYYY-MM-DD'),
  mobilePhone: z.string().nullable().describe('Mobile phone of the existing file, E.164, or null'),
});

/** An appointment an absence would cover (`details.appointments` of reason absence_covers_appointments). */
export const coveredAppointmentSchema = z.object({
  id: uuid.describe('The appointment'),
  startsAt: z.string().describe('Start instant, ISO 8601 in UTC'),
  endsAt: z.string().describe('End instant, ISO 8601 in UTC'),
  patientName: z.string().describe('The patient as "LAST First"'),
  motifName: z.string().describe('The motif’s name'),
});
export type CoveredAppointment = z.infer<typeof coveredAppointmentSchema>;

const confirmationDetails = z
  .discriminatedUnion('reason', [
    z.object({
      reason: z
        .literal('possible_duplicate')
        .describe('A patient file with the same names and birth date exists'),
      matches: z.array(duplicateMatchSchema).describe('The look-alike files (at most 5)'),
    }),
    z.object({
      reason: z
        .literal('own_practitioner')
        .describe('The appointment is with another practitioner than the patient’s own dentist'),
      ownPractitioner: z
        .object({
          id: uuid.describe('The patient’s own dentist'),
          title: z.string().nullable().describe('Title ("Dr"), or null'),
          firstName: z.string().describe('First name'),
          lastName: z.string().describe('Last name'),
        })
        .nullable()
        .describe('The patient’s own dentist, or null if no longer on the staff'),
    }),
    z.object({
      reason: z.literal('absence_covers_appointments').describe('The absence covers booked appointments'),
      appointments: z.array(coveredAppointmentSchema).describe('The covered appointments (at most 200)'),
    }),
  ])
  .describe('What needs confirming; resend with the confirmation flag of the route');

/** Why a 409 CONFLICT happened, for the conflicts the web explains. */
export const conflictReasonSchema = z
  .enum(['patient_archived', 'requester_gone', 'parents_taken', 'changed_since', 'last_admin', 'self'])
  .describe(
    'patient_archived: the patient file was archived; requester_gone: the requesting parent left; ' +
      'parents_taken: the child has two responsables already; changed_since: the appointment changed since; ' +
      'last_admin: the practice keeps at least one admin; self: an admin cannot do this to themselves',
  );

/** One code: its HTTP status, what it means, and the schema of its `details` (absent when it has none). */
interface ErrorCodeEntry {
  status: number;
  description: string;
  details?: z.ZodType;
}

function entry<const S extends number, D extends z.ZodType | undefined = undefined>(
  status: S,
  description: string,
  details?: D,
): { status: S; description: string; details: D } {
  return { status, description, details: details as D };
}

export const errorCatalog = {
  VALIDATION_FAILED: entry(
    400,
    'The request body, query or params failed validation; `issues` lists the fields at fault.',
  ),
  MALFORMED_BODY: entry(400, 'The JSON body could not be parsed.'),
  BODY_TOO_LARGE: entry(413, 'The body is larger than the server accepts.'),
  UNSUPPORTED_MEDIA_TYPE: entry(415, 'The content type is not accepted by this route.'),
  UNAUTHENTICATED: entry(401, 'No valid session: sign in first.'),
  INVALID_CREDENTIALS: entry(
    401,
    'Email or password wrong, or the account cannot sign in; deliberately says no more.',
  ),
  SESSION_LOCKED: entry(401, 'The staff session was locked after inactivity; unlock with the password.'),
  FORBIDDEN: entry(403, 'Signed in, but the role or grants do not allow this.'),
  CSRF_REJECTED: entry(403, 'A cross-site request was refused.'),
  NOT_FOUND: entry(404, 'The resource does not exist, or is not visible to the caller.'),
  IDENTITY_NOT_MATCHED: entry(
    400,
    'The patient identity (phone, names, birth date) matched nothing, or more than one person.',
  ),
  APP_ACCESS_DISABLED: entry(
    403,
    'The patient asked the practice not to share their data through the app (SEC-3).',
  ),
  MODULE_DISABLED: entry(
    403,
    'The practice switched this module of the patient app off (SET-8).',
    z.object({ module: appModuleSchema.describe('The module switched off') }),
  ),
  CODE_INVALID: entry(
    400,
    'The one-time code is wrong.',
    z
      .object({
        attemptsLeft: z.number().int().min(0).describe('Wrong codes still accepted before the code expires'),
      })
      .optional(),
  ),
  CODE_EXPIRED: entry(
    410,
    'The one-time code expired, was used, or had too many wrong attempts: ask for a new one.',
  ),
  INVITATION_INVALID: entry(410, 'The invitation link is unknown, used or expired.'),
  RESET_LINK_INVALID: entry(410, 'The password-reset link is unknown, used or expired: ask for a new one.'),
  MFA_ENROLMENT_REQUIRED: entry(
    403,
    'The practice requires two-factor sign-in: enrol an authenticator app before anything else.',
  ),
  ALREADY_EXISTS: entry(
    409,
    'A unique value (email, slug, active waiting-list entry…) is already taken.',
    z.object({ entryId: uuid.describe('The active waiting-list entry that already exists') }).optional(),
  ),
  FILE_EMPTY: entry(400, 'An uploaded file has no bytes; nothing was stored.'),
  FILE_TOO_LARGE: entry(
    400,
    'An uploaded file is over the size limit; nothing was stored.',
    z.object({ maxMb: z.number().int().min(0).describe('The size limit, in MiB') }),
  ),
  FILE_TYPE_NOT_ALLOWED: entry(
    400,
    'An uploaded file’s content (never its name) is not of an accepted type: a renamed executable, a text or a video. Nothing was stored.',
    z.object({ accepted: z.string().describe('The accepted types, as a comma-separated list of labels') }),
  ),
  PDF_NOT_SIGNABLE: entry(
    400,
    'A PDF to sign is password-protected or unreadable, so it could never be signed; nothing was stored.',
  ),
  NOT_SIGNER: entry(403, 'Only the patient, or a responsable when the patient is a minor, signs a document.'),
  DOCUMENT_ALREADY_SIGNED: entry(409, 'The document was already signed (by this phone or another).'),
  LINK_EXPIRED: entry(410, 'A secure link that expired or was revoked by the practice.'),
  SLOT_TAKEN: entry(
    409,
    'The slot overlaps another live appointment of the practitioner.',
    z
      .object({
        nextSlots: z
          .array(nextSlotSchema)
          .describe('Online booking only: the next free slots to choose from instead (at most 6)'),
      })
      .optional(),
  ),
  BOOKING_NOT_ALLOWED: entry(
    403,
    'An online booking, move or cancellation that the practice’s rules do not allow; `reason` says why.',
    z
      .object({
        phone: z.string().nullable().describe('The practice’s phone to call instead, or null if it has none'),
      })
      .optional(),
  ),
  CONFIRMATION_REQUIRED: entry(
    409,
    'The action needs an explicit confirmation (`details.reason`): resend it with the confirmation flag.',
    confirmationDetails,
  ),
  CONFLICT: entry(
    409,
    'The request conflicts with the current state of the resource.',
    z
      .object({
        status: z
          .string()
          .optional()
          .describe(
            'The current status of the resource, when it is no longer in the status the action needs',
          ),
        reason: conflictReasonSchema.optional(),
      })
      .optional(),
  ),
  TOO_MANY_ATTEMPTS: entry(
    429,
    'Too many attempts; `details.retryAfterSeconds` (and the Retry-After header) say when to try again.',
    z.object({ retryAfterSeconds: z.number().int().min(1).describe('Seconds to wait before trying again') }),
  ),
  INTERNAL: entry(500, 'Something failed on our side; the message never says what.'),
  UNAVAILABLE: entry(503, 'A dependency (database) is not available.'),
} satisfies Record<string, ErrorCodeEntry>;

type Catalog = typeof errorCatalog;
export type AppErrorCode = keyof Catalog;

/** The catalog and the leaf list of names (`error-codes.ts`, for the web) hold the same codes. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const catalogMatchesNames: SameKeys<AppErrorCode, ErrorCodeName> = true;
void catalogMatchesNames;

export const errorCodes = Object.keys(errorCatalog) as [AppErrorCode, ...AppErrorCode[]];

/** Every error code, as a Zod enum. */
export const errorCodeSchema = z.enum(errorCodes).describe('The error code');

/** The HTTP status of each code. */
export const errorStatus = Object.fromEntries(
  errorCodes.map((code) => [code, errorCatalog[code].status]),
) as { [C in AppErrorCode]: Catalog[C]['status'] };

/** The `details` a code carries, as the server builds them (undefined for a code without details). */
export type ErrorDetails<C extends AppErrorCode> = Catalog[C]['details'] extends z.ZodType
  ? z.input<Catalog[C]['details']>
  : undefined;

/** One field at fault: `path` as a dotted string (`address.postalCode`), `message` in the caller's language. */
export const fieldIssueSchema = z.object({
  path: z.string().describe('The field at fault, dotted (`address.postalCode`); empty for the whole body'),
  message: z.string().describe('What is wrong, in the caller’s language'),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

function bodyOf<C extends AppErrorCode>(code: C) {
  const { description, details } = errorCatalog[code] as ErrorCodeEntry;
  return z
    .object({
      code: z.literal(code).describe(description),
      message: z.string().describe('Human-readable, in the caller’s language'),
      ...(code === 'VALIDATION_FAILED'
        ? { issues: z.array(fieldIssueSchema).optional().describe('The fields at fault') }
        : {}),
      ...(code === 'BOOKING_NOT_ALLOWED' ? { reason: refusalReasonSchema } : {}),
      ...(details ? { details: details.describe(details.description ?? `Facts of ${code}`) } : {}),
      requestId: z.string().optional().describe('The request’s id, as in the server’s log'),
    })
    .describe(`${code} (${errorCatalog[code].status})`);
}

/** The body of an error of one code. */
export type ErrorBodyOf<C extends AppErrorCode> = {
  code: C;
  message: string;
  requestId?: string;
} & (C extends 'VALIDATION_FAILED' ? { issues?: FieldIssue[] } : unknown) &
  (C extends 'BOOKING_NOT_ALLOWED' ? { reason: RefusalReason } : unknown) &
  (Catalog[C]['details'] extends z.ZodType
    ? undefined extends z.output<Catalog[C]['details']>
      ? { details?: z.output<Catalog[C]['details']> }
      : { details: z.output<Catalog[C]['details']> }
    : unknown);

/** The body of every error response: a union discriminated by `code`. */
export type ErrorBody = { [C in AppErrorCode]: ErrorBodyOf<C> }[AppErrorCode];

const bodies = Object.fromEntries(errorCodes.map((code) => [code, bodyOf(code)])) as {
  [C in AppErrorCode]: ReturnType<typeof bodyOf<C>>;
};

type ErrorBodySchema = z.ZodType<ErrorBody>;

/** The error body of the codes answered with `status`, discriminated by `code` (the OpenAPI document lists them). */
export function errorBodySchemaFor(status: number): ErrorBodySchema {
  const codes = errorCodes.filter((code) => errorCatalog[code].status === status);
  const [first, ...rest] = codes.map((code) => bodies[code]);
  if (!first) throw new Error(`No error code answers with status ${status}`);
  return z
    .discriminatedUnion('code', [first, ...rest])
    .describe(`Error: ${codes.join(', ')}`) as unknown as ErrorBodySchema;
}

/** Every error body, discriminated by `code`. */
export const errorBodySchema = z
  .discriminatedUnion(
    'code',
    Object.values(bodies) as [ReturnType<typeof bodyOf>, ...ReturnType<typeof bodyOf>[]],
  )
  .describe('Error') as unknown as ErrorBodySchema;
