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
      quote: visibilitySchema,
      informed_consent: visibilitySchema,
      invoice: visibilitySchema,
      letter: visibilitySchema,
      external_scanned: visibilitySchema,
      other: visibilitySchema,
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
  type: documentTypeSchema,
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
    title: z.string().trim().min(1).max(200).optional(),
    visibility: visibilitySchema.nullable().optional().describe('null: back to the type’s default'),
    letterToProfessional: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'nothing_to_change' })
  .describe('At least one field');

export const documentStatusSchema = z
  .enum(['shared', 'to_sign', 'signed'])
  .describe('shared: no signature; to_sign: waiting for the patient; signed');
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

export const staffDocumentSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  type: documentTypeSchema,
  title: z.string(),
  size: z.number().int().describe('Bytes of the original'),
  sha256: z.string().describe('SHA-256 of the original, hex'),
  pageCount: z.number().int().nullable(),
  status: documentStatusSchema,
  requiresSignature: z.boolean(),
  letterToProfessional: z.boolean(),
  visibilityOverride: visibilitySchema.nullable().describe('This document’s own visibility, or null'),
  visibility: visibilitySchema.describe('What applies: the override, or the type’s default'),
  sharedInApp: z
    .boolean()
    .describe('Reaches the app at all (visibility, "only signed" and letters rules; not the minors switch)'),
  uploadedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
});
export type StaffDocument = z.infer<typeof staffDocumentSchema>;

export const staffDocumentListSchema = z.object({ items: z.array(staffDocumentSchema) });

export const pendingSignatureSchema = staffDocumentSchema.extend({
  patient: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }),
});
export const pendingSignaturePageSchema = pageOf(pendingSignatureSchema);
export type PendingSignaturePage = z.infer<typeof pendingSignaturePageSchema>;

export const pendingSignatureQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
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
  documentId: z.uuid(),
  documentTitle: z.string(),
  signer: z.object({
    patientId: z.uuid().nullable(),
    name: z.string(),
    role: z.enum(['patient', 'responsable']).describe('responsable: signed for a minor'),
  }),
  forPatient: z.object({ id: z.uuid().nullable(), name: z.string() }),
  signedAt: z.iso.datetime(),
  maskedPhone: z.string().describe('The phone that received the code'),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  originalSha256: z.string(),
  signedSha256: z.string(),
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
  checks: z.array(z.object({ check: signatureCheckSchema, passed: z.boolean() })),
  verifiedAt: z.iso.datetime(),
});
export type SignatureVerificationResult = z.infer<typeof signatureVerificationSchema>;

// ——— Patient side (DOC-1) ———

export const patientDocumentSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid().describe('The family member it belongs to'),
  type: documentTypeSchema,
  title: z.string(),
  size: z.number().int(),
  status: documentStatusSchema,
  canSign: z.boolean().describe('This phone may sign it: the patient themself, or a responsable for a minor'),
  createdAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
});
export type PatientDocument = z.infer<typeof patientDocumentSchema>;

export const patientDocumentListSchema = z.object({
  toSign: z.array(patientDocumentSchema),
  signed: z.array(patientDocumentSchema),
  others: z.array(patientDocumentSchema).describe('Shared without a signature'),
});
export type PatientDocumentList = z.infer<typeof patientDocumentListSchema>;

// ——— Secure results channel (DOC-5) ———

export const secureLinkBody = z.strictObject({
  phone: phoneInputField.describe('The recipient’s mobile: the code to open the link goes there'),
  channel: z.enum(['sms', 'email']).default('sms').describe('How the link itself is sent'),
  email: emailField.optional().describe('Required with channel "email": receives the link only'),
  recipientName: z.string().trim().min(1).max(120).optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const secureLinkOpeningSchema = z.object({
  at: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const secureLinkSchema = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  recipientName: z.string().nullable(),
  maskedPhone: z.string(),
  email: z.string().nullable(),
  channel: z.enum(['sms', 'email']),
  status: z.enum(['active', 'expired', 'revoked']),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  openings: z.array(secureLinkOpeningSchema).describe('Every opening with the SMS code, newest first'),
});
export type SecureLink = z.infer<typeof secureLinkSchema>;

export const secureLinkListSchema = z.object({ items: z.array(secureLinkSchema) });

/** What the link's page shows before the code: nothing about the document, not even its title. */
export const secureLinkInfoSchema = z.object({
  practiceName: z.string(),
  maskedPhone: z.string().describe('Where the code goes'),
  expiresAt: z.iso.datetime(),
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
  ok: z.literal(true),
  documentTitle: z.string(),
  accessExpiresAt: z.iso.datetime().describe('The file can be downloaded until then from this browser'),
});
