import { z } from 'zod';
import { pageOf } from './common';
import { emailField, idField, oneTimeCodeField, phoneInputField } from './fields';

/**
 * Shared documents, signatures and the secure results channel (issue 6 §3–5: DOC-1…DOC-5).
 *
 * Patient routes (app session; module `documents`, 403 MODULE_DISABLED when off; another family's
 * document answers 404):
 * - GET  /api/patient/documents                                  → patientDocumentListSchema
 * - GET  /api/patient/documents/:id/file                         → the PDF (signed version once signed)
 * - POST /api/patient/documents/:id/signature/code               → codeChallengeSchema (SMS to the phone)
 * - POST /api/patient/documents/:id/signature/code/resend        resendCodeBody → codeChallengeSchema
 * - POST /api/patient/documents/:id/signature                    signDocumentBody → patientDocumentSchema
 *
 * Console routes (staff session):
 * - GET  /api/console/settings/documents                         → documentSettingsSchema
 * - PUT  /api/console/settings/documents                         documentSettingsSchema (admin)
 * - GET  /api/console/patients/:patientId/documents              → staffDocumentListSchema (audited)
 * - POST /api/console/patients/:patientId/documents              multipart (fields, then `file`) → 201
 * - PATCH /api/console/documents/:id                             documentUpdateBody → staffDocumentSchema
 * - GET  /api/console/documents/:id/file?version=original|signed → the PDF (audited)
 * - GET  /api/console/signatures/pending?limit&cursor            → pendingSignaturePageSchema (DOC-4)
 * - GET  /api/console/documents/:id/signature                    → signatureEvidenceSchema
 * - POST /api/console/documents/:id/signature/verify             → signatureVerificationSchema
 * - POST /api/console/documents/:id/secure-links                 secureLinkBody → secureLinkSchema (201)
 * - GET  /api/console/documents/:id/secure-links                 → secureLinkListSchema (with openings)
 * - POST /api/console/secure-links/:id/revoke                    → secureLinkSchema
 *
 * Public routes of the secure results channel (DOC-5; the link's token is the only key):
 * - GET  /api/public/secure/:token                               → secureLinkInfoSchema (410 when dead)
 * - POST /api/public/secure/:token/code                          → codeChallengeSchema
 * - POST /api/public/secure/:token/code/resend                   resendCodeBody → codeChallengeSchema
 * - POST /api/public/secure/:token/open                          secureOpenBody → secureOpenSchema (cookie)
 * - GET  /api/public/secure/:token/file                          → the PDF, with the opening's cookie
 */

// ——— Types and sharing rules (DOC-2) ———

export const documentTypes = [
  'quote',
  'informed_consent',
  'invoice',
  'letter',
  'external_scanned',
  'other',
] as const;
export const documentTypeSchema = z
  .enum(documentTypes)
  .describe('quote, informed_consent, invoice, letter, external_scanned (a scan from elsewhere), other');
export type DocumentType = z.infer<typeof documentTypeSchema>;

/** Who a document is shared with. */
export const visibilitySchema = z.strictObject({
  patient: z.boolean().describe('The patient, in the app, with their own phone'),
  responsables: z.boolean().describe('Parents and guarantor, in the app, for the patient’s documents'),
  correspondents: z
    .boolean()
    .describe('Other professionals treating the patient (kept for a practitioner portal; no reader yet)'),
});
export type Visibility = z.infer<typeof visibilitySchema>;

/** The practice's sharing rules (DOC-2). */
export const documentSettingsSchema = z.strictObject({
  types: z
    .strictObject({
      quote: visibilitySchema.describe('Quote'),
      informed_consent: visibilitySchema.describe('Informed consent'),
      invoice: visibilitySchema.describe('Invoice'),
      letter: visibilitySchema.describe('Letter'),
      external_scanned: visibilitySchema.describe('Scanned external document'),
      other: visibilitySchema.describe('Other'),
    })
    .describe('Default visibility of each type; one document can override it'),
  shareOnlySigned: z
    .boolean()
    .describe(
      'Overrides the rest: only documents with a signature (to sign or signed) reach the app; the others stay in the practice',
    ),
  excludeLettersToProfessionals: z
    .boolean()
    .describe('Letters addressed to another professional are never shared, whatever their visibility'),
});
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

const shared: Visibility = { patient: true, responsables: true, correspondents: false };
const notShared: Visibility = { patient: false, responsables: false, correspondents: false };

/** A practice that never saved its rules: everything but external scans shared with patient and responsables. */
export const defaultDocumentSettings: DocumentSettings = {
  types: {
    quote: shared,
    informed_consent: shared,
    invoice: shared,
    letter: shared,
    external_scanned: notShared,
    other: shared,
  },
  shareOnlySigned: false,
  excludeLettersToProfessionals: true,
};

// ——— Staff side (DOC-1, DOC-4) ———

const booleanField = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .describe('"true" or "false" (multipart field)');

/**
 * The text fields of the upload form, sent BEFORE the `file` part (multipart/form-data): the server
 * checks them before reading the file.
 */
export const documentUploadFields = z.strictObject({
  type: documentTypeSchema.describe('Type of document'),
  title: z.string().trim().min(1).max(200).describe('Shown to the patient'),
  requiresSignature: booleanField.default(false).describe('"true": the patient (or a responsable) signs it'),
  letterToProfessional: booleanField
    .default(false)
    .describe('"true": a letter addressed to another professional (excludable from sharing)'),
  visibility: z
    .string()
    .max(500)
    .optional()
    .describe('JSON of a visibility object overriding the type’s default, e.g. {"patient":true,…}'),
});
export type DocumentUploadFields = z.infer<typeof documentUploadFields>;

export const documentUpdateBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional().describe('Title of the document'),
    visibility: visibilitySchema.nullable().optional().describe('null: back to the type’s default'),
    letterToProfessional: z
      .boolean()
      .optional()
      .describe('A letter to another professional (never shown to the patient)'),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'nothing_to_change' })
  .describe('At least one field');

export const documentStatusSchema = z
  .enum(['shared', 'to_sign', 'signed'])
  .describe('shared: no signature; to_sign: waiting for the patient; signed');
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

export const staffDocumentSchema = z.object({
  id: z.uuid().describe('The document'),
  patientId: z.uuid().describe('The patient file'),
  type: documentTypeSchema.describe('Type of document'),
  title: z.string().describe('Title of the document'),
  size: z.number().int().describe('Bytes of the original'),
  sha256: z.string().describe('SHA-256 of the original, hex'),
  pageCount: z.number().int().nullable().describe('Number of pages'),
  status: documentStatusSchema.describe('Where the document stands (signature)'),
  requiresSignature: z.boolean().describe('The patient is asked to sign it'),
  letterToProfessional: z.boolean().describe('A letter to another professional (never shown to the patient)'),
  visibilityOverride: visibilitySchema.nullable().describe('This document’s own visibility, or null'),
  visibility: visibilitySchema.describe('What applies: the override, or the type’s default'),
  sharedInApp: z
    .boolean()
    .describe('Reaches the app at all (visibility, "only signed" and letters rules; not the minors switch)'),
  uploadedBy: z
    .object({ id: z.uuid().describe('The staff member'), name: z.string().describe('Their name') })
    .nullable()
    .describe('Who added it'),
  createdAt: z.iso.datetime().describe('When it was created, ISO 8601 in UTC'),
  signedAt: z.iso.datetime().nullable().describe('When it was signed, ISO 8601 in UTC, or null'),
});
export type StaffDocument = z.infer<typeof staffDocumentSchema>;

export const staffDocumentListSchema = z.object({
  items: z.array(staffDocumentSchema).describe('The documents, latest first'),
});

export const pendingSignatureSchema = staffDocumentSchema.extend({
  patient: z
    .object({
      id: z.uuid().describe('The patient file'),
      firstName: z.string().describe('First name'),
      lastName: z.string().describe('Last name'),
      birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
    })
    .describe('The patient'),
});
export const pendingSignaturePageSchema = pageOf(pendingSignatureSchema);
export type PendingSignaturePage = z.infer<typeof pendingSignaturePageSchema>;

export const pendingSignatureQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Items per page'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

export const documentFileQuery = z.object({
  version: z
    .enum(['current', 'original', 'signed'])
    .default('current')
    .describe('current: the signed PDF once signed, else the original'),
});

// ——— Signature (DOC-3) ———

export const signDocumentBody = z.strictObject({ challengeId: idField, code: oneTimeCodeField });

export const signatureEvidenceSchema = z.object({
  referenceId: z.uuid().describe('Printed on the evidence page and in the PDF metadata'),
  documentId: z.uuid().describe('The document'),
  documentTitle: z.string().describe('Title of the document'),
  signer: z
    .object({
      patientId: z.uuid().nullable().describe('The patient file'),
      name: z.string().describe('Name of the person'),
      role: z.enum(['patient', 'responsable']).describe('responsable: signed for a minor'),
    })
    .describe('Who signed'),
  forPatient: z
    .object({
      id: z.uuid().nullable().describe('The patient file, or null if deleted'),
      name: z.string().describe('The patient’s name'),
    })
    .describe('The patient it concerns'),
  signedAt: z.iso.datetime().describe('When it was signed, ISO 8601 in UTC, or null'),
  maskedPhone: z.string().describe('The phone that received the code'),
  ip: z.string().nullable().describe('IP address of the client'),
  userAgent: z.string().nullable().describe('User agent of the client'),
  originalSha256: z.string().describe('SHA-256 of the original PDF, hex'),
  signedSha256: z.string().describe('SHA-256 of the signed PDF, hex'),
});
export type SignatureEvidence = z.infer<typeof signatureEvidenceSchema>;

export const signatureCheckSchema = z.enum([
  'signed_file_readable',
  'original_file_readable',
  'signed_file_hash',
  'signed_file_metadata',
  'original_file_hash',
  'page_count',
]);

export const signatureVerificationSchema = z.object({
  valid: z.boolean().describe('Every check passed'),
  checks: z
    .array(
      z.object({
        check: signatureCheckSchema.describe('What was checked'),
        passed: z.boolean().describe('The check passed'),
      }),
    )
    .describe('The checks of the signature'),
  verifiedAt: z.iso.datetime().describe('When it was verified, ISO 8601 in UTC'),
});
export type SignatureVerificationResult = z.infer<typeof signatureVerificationSchema>;

// ——— Patient side (DOC-1) ———

export const patientDocumentSchema = z.object({
  id: z.uuid().describe('The document'),
  patientId: z.uuid().describe('The family member it belongs to'),
  type: documentTypeSchema.describe('Type of document'),
  title: z.string().describe('Title of the document'),
  size: z.number().int().describe('Size, in bytes'),
  status: documentStatusSchema.describe('Where the document stands (signature)'),
  canSign: z.boolean().describe('This phone may sign it: the patient themself, or a responsable for a minor'),
  createdAt: z.iso.datetime().describe('When it was created, ISO 8601 in UTC'),
  signedAt: z.iso.datetime().nullable().describe('When it was signed, ISO 8601 in UTC, or null'),
});
export type PatientDocument = z.infer<typeof patientDocumentSchema>;

export const patientDocumentListSchema = z.object({
  toSign: z.array(patientDocumentSchema).describe('Documents waiting for a signature'),
  signed: z.array(patientDocumentSchema).describe('Signed documents'),
  others: z.array(patientDocumentSchema).describe('Shared without a signature'),
});
export type PatientDocumentList = z.infer<typeof patientDocumentListSchema>;

// ——— Secure results channel (DOC-5) ———

export const secureLinkBody = z.strictObject({
  phone: phoneInputField.describe('The recipient’s mobile: the code to open the link goes there'),
  channel: z.enum(['sms', 'email']).default('sms').describe('How the link itself is sent'),
  email: emailField.optional().describe('Required with channel "email": receives the link only'),
  recipientName: z.string().trim().min(1).max(120).optional().describe('Who the link is for'),
  expiresInDays: z.number().int().min(1).max(30).default(7).describe('Days the link stays valid'),
});

export const secureLinkOpeningSchema = z.object({
  at: z.iso.datetime().describe('When, ISO 8601 in UTC'),
  ip: z.string().nullable().describe('IP address of the client'),
  userAgent: z.string().nullable().describe('User agent of the client'),
});

export const secureLinkSchema = z.object({
  id: z.uuid().describe('The secure link'),
  documentId: z.uuid().describe('The document'),
  recipientName: z.string().nullable().describe('Who the link is for'),
  maskedPhone: z.string().describe('The phone the code was sent to, mostly masked'),
  email: z.string().nullable().describe('Email address'),
  channel: z.enum(['sms', 'email']).describe('How the link is sent'),
  status: z.enum(['active', 'expired', 'revoked']).describe('active, expired or revoked'),
  expiresAt: z.iso.datetime().describe('When it expires, ISO 8601 in UTC'),
  revokedAt: z.iso.datetime().nullable().describe('When it was revoked, ISO 8601 in UTC, or null'),
  createdAt: z.iso.datetime().describe('When it was created, ISO 8601 in UTC'),
  createdBy: z
    .object({ id: z.uuid().describe('The staff member'), name: z.string().describe('Their name') })
    .nullable()
    .describe('Who created it'),
  openings: z.array(secureLinkOpeningSchema).describe('Every opening with the SMS code, newest first'),
});
export type SecureLink = z.infer<typeof secureLinkSchema>;

export const secureLinkListSchema = z.object({
  items: z.array(secureLinkSchema).describe('The secure links of the document, latest first'),
});

/** What the link's page shows before the code: nothing about the document, not even its title. */
export const secureLinkInfoSchema = z.object({
  practiceName: z.string().describe('Name of the practice'),
  maskedPhone: z.string().describe('Where the code goes'),
  expiresAt: z.iso.datetime().describe('When it expires, ISO 8601 in UTC'),
});
export type SecureLinkInfo = z.infer<typeof secureLinkInfoSchema>;

export const secureTokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'invalid_format' })
    .describe('The link’s token'),
});

export const secureOpenBody = z.strictObject({ challengeId: idField, code: oneTimeCodeField });

export const secureOpenSchema = z.object({
  ok: z.literal(true).describe('Always true'),
  documentTitle: z.string().describe('Title of the document'),
  accessExpiresAt: z.iso.datetime().describe('The file can be downloaded until then from this browser'),
});
