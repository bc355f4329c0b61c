import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DocumentSettings, DocumentType, Visibility } from '../../../contracts/documents';
import type { AcceptedContentType } from '../../../domain/files/content-type';
import { oneTimeCodes } from './auth';
import { createdAt, id, instant } from './columns';
import { patients } from './patients';
import { practices } from './practice';
import { staff } from './staff';
import { tenantFk } from './tenancy';

/**
 * The practice's sharing rules of documents (DOC-2). No row: `defaultDocumentSettings`. One jsonb like
 * the app's module switches: the rules are read whole with every list and saved whole by the admin.
 */
export const practiceDocumentSettings = pgTable(
  'practice_document_settings',
  {
    practiceId: uuid()
      .primaryKey()
      .references(() => practices.id, { onDelete: 'cascade' }),
    settings: jsonb().$type<DocumentSettings>().notNull(),
    updatedAt: createdAt(),
    updatedBy: uuid(),
  },
  (t) => [
    tenantFk(
      'practice_document_settings_updated_by_tenant_fk',
      [t.practiceId, t.updatedBy],
      staff,
      'set null',
    ),
  ],
);

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
    patientId: uuid().notNull(),
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
    uploadedBy: uuid(),
    createdAt: createdAt(),
    signedAt: instant(),
  },
  (t) => [
    unique('documents_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('documents_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    tenantFk('documents_uploaded_by_tenant_fk', [t.practiceId, t.uploadedBy], staff, 'set null'),
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
    documentId: uuid().notNull(),
    signerPatientId: uuid(),
    signerName: text().notNull(),
    signerRole: text().$type<SignerRole>().notNull(),
    forPatientId: uuid(),
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
    tenantFk('document_signatures_document_id_tenant_fk', [t.practiceId, t.documentId], documents, 'cascade'),
    tenantFk(
      'document_signatures_signer_patient_id_tenant_fk',
      [t.practiceId, t.signerPatientId],
      patients,
      'set null',
    ),
    tenantFk(
      'document_signatures_for_patient_id_tenant_fk',
      [t.practiceId, t.forPatientId],
      patients,
      'set null',
    ),
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
    documentId: uuid().notNull(),
    tokenHash: text().notNull(),
    recipientName: text(),
    /** E.164: where the code goes (and the link, with channel sms) */
    phone: text().notNull(),
    email: text(),
    channel: text().$type<'sms' | 'email'>().notNull(),
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    revokedBy: uuid(),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('secure_links_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('secure_links_document_id_tenant_fk', [t.practiceId, t.documentId], documents, 'cascade'),
    tenantFk('secure_links_revoked_by_tenant_fk', [t.practiceId, t.revokedBy], staff, 'set null'),
    tenantFk('secure_links_created_by_tenant_fk', [t.practiceId, t.createdBy], staff, 'set null'),
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
    linkId: uuid().notNull(),
    openedAt: instant().notNull(),
    ip: text(),
    userAgent: text(),
    accessHash: text().notNull(),
    accessExpiresAt: instant().notNull(),
  },
  (t) => [
    tenantFk('secure_link_openings_link_id_tenant_fk', [t.practiceId, t.linkId], secureLinks, 'cascade'),
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
    codeId: uuid().primaryKey(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    documentId: uuid().notNull(),
    /** set for a secure link's code */
    linkId: uuid(),
    /** the signer (signature codes) */
    signerPatientId: uuid(),
  },
  (t) => [
    tenantFk('document_codes_code_id_tenant_fk', [t.practiceId, t.codeId], oneTimeCodes, 'cascade'),
    tenantFk('document_codes_document_id_tenant_fk', [t.practiceId, t.documentId], documents, 'cascade'),
    tenantFk('document_codes_link_id_tenant_fk', [t.practiceId, t.linkId], secureLinks, 'cascade'),
    tenantFk(
      'document_codes_signer_patient_id_tenant_fk',
      [t.practiceId, t.signerPatientId],
      patients,
      'cascade',
    ),
    index('document_codes_document_idx').on(t.documentId),
  ],
);
