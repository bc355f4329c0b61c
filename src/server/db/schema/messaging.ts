import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AcceptedContentType } from '../../../domain/files/content-type';
import { createdAt, id, instant } from './columns';
import { documents } from './documents';
import { patients } from './patients';
import { practices } from './practice';
import { staff } from './staff';
import { tenantFk } from './tenancy';

export type MessageAuthorKind = 'patient' | 'staff';

/**
 * The conversation between the practice and one patient (MSG-1): one per patient, created with its first
 * message. A responsable writes in a dependant's thread; the thread belongs to the dependant's file.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    patientId: uuid().notNull(),
    /** instant of the newest message: the inbox's order */
    lastMessageAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('message_threads_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('message_threads_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    uniqueIndex('message_threads_patient_unique').on(t.practiceId, t.patientId),
    index('message_threads_inbox_idx').on(t.practiceId, t.lastMessageAt.desc(), t.id.desc()),
  ],
);

/**
 * One message of a thread. Read state is kept per side: `readByPatientAt` for staff messages (any phone of
 * the family that opens the thread), `readByStaffAt` for patient messages (any staff member). Unread
 * counts are derived through the partial indexes below rather than kept in counters that could drift.
 */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    threadId: uuid().notNull(),
    authorKind: text().$type<MessageAuthorKind>().notNull(),
    /** the patient whose verified phone wrote it (the thread's patient or a responsable) */
    authorPatientId: uuid(),
    authorStaffId: uuid(),
    /** the app session's verified phone (E.164), patient side only */
    senderPhone: text(),
    /** may be empty when the message carries attachments */
    body: text().notNull().default(''),
    /** the template staff used, for information only */
    templateId: uuid(),
    createdAt: createdAt(),
    readByPatientAt: instant(),
    readByStaffAt: instant(),
  },
  (t) => [
    unique('messages_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('messages_thread_id_tenant_fk', [t.practiceId, t.threadId], messageThreads, 'cascade'),
    tenantFk('messages_author_patient_id_tenant_fk', [t.practiceId, t.authorPatientId], patients, 'set null'),
    tenantFk('messages_author_staff_id_tenant_fk', [t.practiceId, t.authorStaffId], staff, 'set null'),
    index('messages_thread_page_idx').on(t.threadId, t.createdAt.desc(), t.id.desc()),
    index('messages_unread_by_staff_idx')
      .on(t.practiceId, t.threadId)
      .where(sql`${t.authorKind} = 'patient' and ${t.readByStaffAt} is null`),
    index('messages_unread_by_patient_idx')
      .on(t.threadId)
      .where(sql`${t.authorKind} = 'staff' and ${t.readByPatientAt} is null`),
    index('messages_author_patient_idx').on(t.authorPatientId),
    check('messages_author_kind_check', sql`${t.authorKind} in ('patient', 'staff')`),
    check(
      'messages_author_check',
      sql`(${t.authorKind} = 'patient' and ${t.authorStaffId} is null and ${t.senderPhone} is not null)
        or (${t.authorKind} = 'staff' and ${t.authorPatientId} is null and ${t.senderPhone} is null)`,
    ),
    check('messages_body_length_check', sql`char_length(${t.body}) <= 5000`),
  ],
);

/**
 * A file sent with a message: the encrypted bytes live in FileStorage under `fileKey`; the type is the one
 * detected from the content, never the name's or the browser's.
 */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    messageId: uuid().notNull(),
    fileKey: text().notNull(),
    name: text().notNull(),
    contentType: text().$type<AcceptedContentType>().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    /**
     * The copy staff filed into the patient's documents (MSG-1), when and by whom. Deleting that document
     * clears `filedDocumentId` (the attachment can be filed again); `filedAt` keeps the history.
     */
    filedAt: instant(),
    filedBy: uuid(),
    filedDocumentId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('message_attachments_message_id_tenant_fk', [t.practiceId, t.messageId], messages, 'cascade'),
    tenantFk('message_attachments_filed_by_tenant_fk', [t.practiceId, t.filedBy], staff, 'set null'),
    tenantFk(
      'message_attachments_filed_document_id_tenant_fk',
      [t.practiceId, t.filedDocumentId],
      documents,
      'set null',
    ),
    uniqueIndex('message_attachments_file_key_unique').on(t.fileKey),
    index('message_attachments_message_idx').on(t.messageId),
    check('message_attachments_size_check', sql`${t.size} > 0`),
    check('message_attachments_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('message_attachments_name_check', sql`char_length(${t.name}) between 1 and 200`),
  ],
);

/**
 * A predefined reply (MSG-2), managed by the admin; using it copies its body and its attachment (a copy
 * of the file, so deleting the template never takes a sent attachment with it).
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    body: text().notNull(),
    attachmentFileKey: text(),
    attachmentName: text(),
    attachmentContentType: text().$type<AcceptedContentType>(),
    attachmentSize: integer(),
    attachmentSha256: text(),
    createdBy: uuid(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    tenantFk('message_templates_created_by_tenant_fk', [t.practiceId, t.createdBy], staff, 'set null'),
    uniqueIndex('message_templates_title_unique').on(t.practiceId, sql`lower(${t.title})`),
    uniqueIndex('message_templates_file_key_unique').on(t.attachmentFileKey),
    check('message_templates_title_check', sql`char_length(${t.title}) between 1 and 100`),
    check('message_templates_body_check', sql`char_length(${t.body}) <= 5000`),
    check(
      'message_templates_attachment_check',
      sql`(${t.attachmentFileKey} is null) = (${t.attachmentName} is null)
        and (${t.attachmentFileKey} is null) = (${t.attachmentContentType} is null)
        and (${t.attachmentFileKey} is null) = (${t.attachmentSize} is null)
        and (${t.attachmentFileKey} is null) = (${t.attachmentSha256} is null)`,
    ),
  ],
);
