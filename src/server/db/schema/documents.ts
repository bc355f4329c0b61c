import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DocumentSettings, DocumentType, Visibility } from '../../../contracts/documents';
import type { AcceptedContentType } from '../../../domain/files/content-type';
import { oneTimeCodes } from './auth';
import { createdAt, id, instant } from './columns';
import { patients } from './patients';
import { practices } from './practice';
import { staff } from './staff';

/**
 * The practice's sharing rules of documents (DOC-2). No row: `defaultDocumentSettings`. One jsonb like
 * the app's module switches: the rules are read whole with every list and saved whole by the admin.
 */
export const practiceDocumentSettings = pgTable('practice_document_settings', {
  practiceId: uuid()
    .primaryKey()
    .references(() => practices.id, { onDelete: 'cascade' }),
  settings: jsonb().$type<DocumentSettings>().notNull(),
  updatedAt: createdAt(),
  updatedBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
});

/**
 * A PDF the practice shares with a patient (DOC-1). The bytes live in the encrypted file storage under
 * `fileKey`; the row keeps their size and SHA-256, which is the fingerprint a signature refers to.
 * `signedAt` mirrors the signature row so that "waiting for a signature" is one indexed condition.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    patientId: uuid()
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    type: text().$type<DocumentType>().notNull(),
    title: text().notNull(),
    fileKey: uuid().notNull(),
    contentType: text().$type<AcceptedContentType>().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    /** read when the document is to be signed (the PDF must be signable) */
    pageCount: integer(),
    requiresSignature: boolean().notNull().default(false),
    letterToProfessional: boolean().notNull().default(false),
    /** this document's own visibility; null: its type's default */
    visibility: jsonb().$type<Visibility>(),
    uploadedBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    signedAt: instant(),
  },
  (t) => [
    uniqueIndex('documents_file_key_unique').on(t.fileKey),
    index('documents_patient_idx').on(t.practiceId, t.patientId, t.createdAt),
    index('documents_pending_signature_idx')
      .on(t.practiceId, t.createdAt, t.id)
      .where(sql`${t.requiresSignature} and ${t.signedAt} is null`),
    check(
      'documents_type_check',
      sql`${t.type} in ('quote', 'informed_consent', 'invoice', 'letter', 'external_scanned', 'other')`,
    ),
    // uploads are PDF only; a photo a patient sent may be filed from messaging, but only a PDF is signed
    check(
      'documents_content_type_check',
      sql`${t.contentType} in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif')`,
    ),
    check(
      'documents_signature_pdf_check',
      sql`not ${t.requiresSignature} or ${t.contentType} = 'application/pdf'`,
    ),
    check('documents_size_check', sql`${t.size} > 0`),
    check('documents_signed_check', sql`${t.signedAt} is null or ${t.requiresSignature}`),
  ],
);

export type SignerRole = 'patient' | 'responsable';

/**
 * The evidence of a signature (DOC-3), written in the transaction that marks the document signed: who
 * signed (the patient, or a responsable for a minor), for whom, when, from where, which phone received
 * the code, and the fingerprints of the original and of the signed PDF stored under `signedFileKey`.
 * Names are copied: the evidence must not change when a file is renamed. Its id is the reference
 * printed on the evidence page.
 */
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    signerPatientId: uuid().references(() => patients.id, { onDelete: 'set null' }),
    signerName: text().notNull(),
    signerRole: text().$type<SignerRole>().notNull(),
    forPatientId: uuid().references(() => patients.id, { onDelete: 'set null' }),
    forPatientName: text().notNull(),
    /** the code-verified phone, E.164 (shown masked) */
    phone: text().notNull(),
    codeId: uuid(),
    signedAt: instant().notNull(),
    ip: text(),
    userAgent: text(),
    originalSha256: text().notNull(),
    signedSha256: text().notNull(),
    signedFileKey: uuid().notNull(),
    signedSize: integer().notNull(),
  },
  (t) => [
    uniqueIndex('document_signatures_document_unique').on(t.documentId),
    uniqueIndex('document_signatures_file_key_unique').on(t.signedFileKey),
    index('document_signatures_practice_idx').on(t.practiceId, t.signedAt),
    check('document_signatures_role_check', sql`${t.signerRole} in ('patient', 'responsable')`),
  ],
);

/**
 * A link of the secure results channel (DOC-5): one document for one recipient, opened with an SMS
 * code to `phone`. Only the SHA-256 of the token is stored. Dead once expired or revoked.
 */
export const secureLinks = pgTable(
  'secure_links',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    recipientName: text(),
    /** E.164: where the code goes (and the link, with channel sms) */
    phone: text().notNull(),
    email: text(),
    channel: text().$type<'sms' | 'email'>().notNull(),
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    revokedBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => staff.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('secure_links_token_unique').on(t.tokenHash),
    index('secure_links_document_idx').on(t.documentId, t.createdAt),
    check('secure_links_channel_check', sql`${t.channel} in ('sms', 'email')`),
    check('secure_links_email_check', sql`${t.channel} <> 'email' or ${t.email} is not null`),
  ],
);

/**
 * Every opening of a secure link with a right code: when, from where. It grants downloads of the
 * document for a short while to the browser holding `accessHash`'s token (a cookie).
 */
export const secureLinkOpenings = pgTable(
  'secure_link_openings',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    linkId: uuid()
      .notNull()
      .references(() => secureLinks.id, { onDelete: 'cascade' }),
    openedAt: instant().notNull(),
    ip: text(),
    userAgent: text(),
    accessHash: text().notNull(),
    accessExpiresAt: instant().notNull(),
  },
  (t) => [
    index('secure_link_openings_link_idx').on(t.linkId, t.openedAt),
    uniqueIndex('secure_link_openings_access_unique').on(t.accessHash),
  ],
);

/**
 * What a one-time code of purpose 'signature' or 'secure_link' is for: the code table is shared with
 * sign-in and booking, so the document (and the link) a code may unlock is kept here, and a code asked
 * for one document cannot sign another.
 */
export const documentCodes = pgTable(
  'document_codes',
  {
    codeId: uuid()
      .primaryKey()
      .references(() => oneTimeCodes.id, { onDelete: 'cascade' }),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** set for a secure link's code */
    linkId: uuid().references(() => secureLinks.id, { onDelete: 'cascade' }),
    /** the signer (signature codes) */
    signerPatientId: uuid().references(() => patients.id, { onDelete: 'cascade' }),
  },
  (t) => [index('document_codes_document_idx').on(t.documentId)],
);
