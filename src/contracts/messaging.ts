import { z } from 'zod';
import { pageOf } from './common';
import { documentTypeSchema } from './documents';
import { idField } from './fields';

/**
 * Messaging between patients and the practice (issue 6 §1: MSG-1, MSG-2, MSG-3, NOT-4).
 *
 * A thread belongs to one patient file and is addressed by that patient's id on both sides (it is
 * created with its first message). A responsable writes in a dependant's thread from the app; every phone
 * of the family sees it. Sending is `multipart/form-data`: a `body` text field and up to 5 `files`
 * (JPEG, PNG, WebP, HEIC/HEIF or PDF, judged from the content; FILES_MAX_MB each). A refused file
 * (400 FILE_EMPTY, FILE_TOO_LARGE with details.maxMb, FILE_TYPE_NOT_ALLOWED with details.accepted)
 * refuses the whole message and stores nothing.
 *
 * Patient routes (app session; module 'messaging', 403 MODULE_DISABLED when off; another family's
 * patient or attachment answers 404):
 * - GET  /api/patient/messages/threads                        → patientThreadListSchema
 * - GET  /api/patient/messages/threads/:patientId?cursor      → messagePageSchema (marks staff messages read)
 * - POST /api/patient/messages/threads/:patientId             multipart body, authorPatientId, files → messageSchema (201)
 * - GET  /api/patient/messages/attachments/:attachmentId      → the file (streamed)
 * - GET  /api/patient/messages/stream                         → server-sent events (see below)
 *
 * Console routes (any staff unless said; reads and changes of patient data are audited):
 * - GET    /api/console/messages?q&unread&cursor                  → inboxPageSchema
 * - GET    /api/console/messages/unread-count                     → unreadCountSchema (nav badge)
 * - GET    /api/console/messages/stream                           → server-sent events (NOT-4)
 * - GET    /api/console/messages/threads/:patientId?cursor        → staffThreadSchema (marks patient messages read)
 * - POST   /api/console/messages/threads/:patientId               multipart body, files, templateId → messageSchema (201)
 * - GET    /api/console/messages/attachments/:attachmentId        → the file (streamed)
 * - POST   /api/console/messages/attachments/:attachmentId/file   fileAttachmentBody → attachmentSchema (201)
 * - GET    /api/console/message-templates                         → messageTemplateListSchema
 * - POST   /api/console/message-templates                         multipart title, body, file → messageTemplateSchema (201, admin)
 * - PUT    /api/console/message-templates/:templateId             multipart title, body, file, removeAttachment → messageTemplateSchema (admin)
 * - DELETE /api/console/message-templates/:templateId             → okSchema (admin)
 * - GET    /api/console/message-templates/:templateId/attachment  → the file (streamed)
 *
 * Event streams (`text/event-stream`, ids only, never patient data; the session is checked at each
 * event and every 25 s heartbeat):
 * - `event: message`  data messageEventSchema     a new message in a thread the caller may see
 * - `event: read`     data threadReadEventSchema  one side read the other's messages
 */

export const authorKindSchema = z
  .enum(['patient', 'staff'])
  .describe('Who wrote it: the family or the practice');
export type AuthorKind = z.infer<typeof authorKindSchema>;

/** Largest text of one message. */
export const maxMessageLength = 5000;
/** Most files in one message. */
export const maxFilesPerMessage = 5;

export const attachmentSchema = z.object({
  id: z.uuid().describe('Download it from …/messages/attachments/:id'),
  name: z.string().describe('File name, with the extension of its detected type'),
  contentType: z.string().describe('Type detected from the content (image/jpeg, application/pdf…)'),
  size: z.number().int().describe('Bytes'),
  sha256: z.string().describe('SHA-256 of the content, hex'),
  filedAt: z.iso
    .datetime()
    .nullable()
    .describe('When staff last filed it into the patient’s documents (console only; null in the app)'),
  filedDocumentId: z
    .uuid()
    .nullable()
    .describe('The document it was filed as, while that document exists (console only; null in the app)'),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const messageSchema = z.object({
  id: z.uuid().describe('The message'),
  threadId: z.uuid().describe('The thread (the patient file’s id)'),
  patientId: z.uuid().describe('The thread’s patient'),
  authorKind: authorKindSchema.describe('Who wrote it'),
  authorName: z
    .string()
    .describe('The family member who wrote it, or the staff member (“Dr Sophie Bernard”, “Nadia Lefèvre”)'),
  body: z.string().describe('The text; may be empty when the message carries files'),
  attachments: z.array(attachmentSchema).describe('Attached files'),
  createdAt: z.iso.datetime().describe('When it was created, ISO 8601 in UTC'),
  readByPatientAt: z.iso.datetime().nullable().describe('Staff messages: when the family opened the thread'),
  readByStaffAt: z.iso.datetime().nullable().describe('Patient messages: when staff opened the thread'),
});
export type Message = z.infer<typeof messageSchema>;

export const messagePageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30).describe('Messages per page (max 100)'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor: older messages'),
});

/** A page of a thread, newest first; `nextCursor` gives older messages. */
export const messagePageSchema = pageOf(messageSchema).extend({
  threadId: z.uuid().nullable().describe('null until the first message'),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

const lastMessageSchema = z
  .object({
    preview: z.string().describe('The first 140 characters of the text'),
    authorKind: authorKindSchema.describe('Who wrote it'),
    attachmentCount: z.number().int().describe('Number of attached files'),
    createdAt: z.iso.datetime().describe('When it was created, ISO 8601 in UTC'),
  })
  .describe('The newest message');

// ——— Patient app ———

export const patientThreadSchema = z.object({
  patientId: z.uuid().describe('A member of the signed-in family'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  threadId: z.uuid().nullable().describe('null while nobody has written'),
  lastMessage: lastMessageSchema.nullable().describe('The latest message of the thread, or null'),
  unreadCount: z.number().int().describe('Practice messages the family has not opened yet'),
});
export type PatientThread = z.infer<typeof patientThreadSchema>;

/** One thread per family member, those with the newest message first, then the others by age. */
export const patientThreadListSchema = z.object({
  items: z.array(patientThreadSchema).describe('One thread per family member'),
});
export type PatientThreadList = z.infer<typeof patientThreadListSchema>;

export const threadParams = z.object({ patientId: idField });
export const attachmentParams = z.object({ attachmentId: idField });

const messageBodyField = z
  .string()
  .trim()
  .max(maxMessageLength)
  .default('')
  .describe('The text; may be empty when files are attached');

/** The text fields of a message sent from the app (multipart); files come as `files` parts. */
export const sendMessageFields = z.object({
  body: messageBodyField.describe('Text of the message'),
  authorPatientId: idField
    .optional()
    .describe(
      'Who is writing: a member of the signed-in phone’s family (another id: 400 on this field); by default the person signed in on the app',
    ),
});

// ——— Console ———

export const inboxQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Patient name (accents and typos forgiven)'),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('true: only threads with unread patient messages'),
  limit: z.coerce.number().int().min(1).max(100).default(30).describe('Items per page'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

const threadPatientSchema = z.object({
  id: z.uuid().describe('The patient file'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  birthDate: z.string().describe('YYYY-MM-DD'),
});

export const inboxThreadSchema = z.object({
  threadId: z.uuid().describe('The thread (the patient file’s id)'),
  patient: threadPatientSchema.describe('The patient'),
  lastMessage: lastMessageSchema.describe('The latest message of the thread, or null'),
  unreadCount: z.number().int().describe('Patient messages no staff member has opened yet'),
});
export type InboxThread = z.infer<typeof inboxThreadSchema>;

/** Threads, the newest message first. */
export const inboxPageSchema = pageOf(inboxThreadSchema);
export type InboxPage = z.infer<typeof inboxPageSchema>;

export const unreadCountSchema = z.object({
  unreadMessages: z.number().int().describe('Patient messages not opened by staff'),
  unreadThreads: z.number().int().describe('Threads holding them'),
});
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** A thread in the console: the patient, then a page of messages (newest first). */
export const staffThreadSchema = messagePageSchema.extend({
  patient: threadPatientSchema.describe('The patient whose thread it is'),
});
export type StaffThread = z.infer<typeof staffThreadSchema>;

export const staffSendMessageFields = z.object({
  body: messageBodyField.describe('Text of the message'),
  templateId: idField
    .optional()
    .describe('A predefined reply: its attachment is copied; its body is used when `body` is empty'),
});

/**
 * Files a patient's attachment into the patient's documents (MSG-1): a copy of the file becomes a
 * document (never to sign), shared by its type's default rules.
 */
export const fileAttachmentBody = z.strictObject({
  type: documentTypeSchema.default('external_scanned').describe('MIME type'),
  title: z.string().trim().min(1).max(200).optional().describe('Default: the attachment’s file name'),
});

// ——— Templates (MSG-2) ———

export const messageTemplateSchema = z.object({
  id: z.uuid().describe('The template'),
  title: z.string().describe('Title ("Dr"), or null'),
  body: z.string().describe('Text of the message'),
  attachment: z
    .object({
      name: z.string().describe('Name of the template'),
      contentType: z.string().describe('MIME type of the file'),
      size: z.number().int().describe('Size, in bytes'),
    })
    .nullable()
    .describe('Copied into each message that uses the template'),
  updatedAt: z.iso.datetime().describe('When it last changed, ISO 8601 in UTC'),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const messageTemplateListSchema = z.object({
  items: z.array(messageTemplateSchema).describe('The templates, by name'),
});
export type MessageTemplateList = z.infer<typeof messageTemplateListSchema>;

export const templateParams = z.object({ templateId: idField });

/** The text fields of a template (multipart); an optional `file` part is its attachment. */
export const templateFields = z.object({
  title: z.string().trim().min(1).max(100).describe('Shown in the list of predefined replies'),
  body: z.string().trim().min(1).max(maxMessageLength).describe('Text of the message'),
  removeAttachment: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('Update only: true drops the current attachment (a new `file` replaces it anyway)'),
});

// ——— Events ———

export const messageEventSchema = z.object({
  threadId: z.uuid().describe('The thread (the patient file’s id)'),
  patientId: z.uuid().describe('The patient file'),
  messageId: z.uuid().describe('The message'),
  authorKind: authorKindSchema.describe('Who wrote it'),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const threadReadEventSchema = z.object({
  threadId: z.uuid().describe('The thread (the patient file’s id)'),
  patientId: z.uuid().describe('The patient file'),
  by: authorKindSchema.describe('The side that opened the thread'),
});
export type ThreadReadEvent = z.infer<typeof threadReadEventSchema>;
