import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import {
  attachmentParams,
  attachmentSchema,
  fileAttachmentBody,
  inboxPageSchema,
  inboxQuery,
  maxFilesPerMessage,
  messagePageQuery,
  messagePageSchema,
  messageSchema,
  messageTemplateListSchema,
  messageTemplateSchema,
  patientThreadListSchema,
  sendMessageFields,
  staffSendMessageFields,
  staffThreadSchema,
  templateFields,
  templateParams,
  threadParams,
  unreadCountSchema,
} from '../../../contracts/messaging';
import { adminOnly, anyStaff, patientAccess } from '../../http/access';
import { patientCtx, staffCtx } from '../../http/ctx';
import { sendServerSentEvents } from '../../http/sse';
import { readUploadForm } from '../../http/upload-form';
import { sessionCookies } from '../auth/sessions';
import { countUnread } from './count-unread';
import { fileAttachmentToDocuments } from './file-attachment';
import { listInbox } from './list-inbox';
import { listPatientThreads } from './list-patient-threads';
import { listTemplates, openTemplateAttachment } from './list-templates';
import { type OpenedFile, openPatientAttachment, openStaffAttachment } from './open-attachment';
import {
  markPatientThreadRead,
  markStaffThreadRead,
  readPatientThread,
  readStaffThread,
} from './read-thread';
import { createTemplate, deleteTemplate, updateTemplate } from './save-template';
import { sendPatientMessage } from './send-patient-message';
import { sendStaffMessage } from './send-staff-message';
import { streamPatientMessages, streamStaffMessages } from './stream-messages';

const patientTags = ['patient app: messages'];
const staffTags = ['messages'];
const multipart = ['multipart/form-data'];
const downloadQuery = z.object({
  download: z.enum(['1']).optional().describe('1: save as a file instead of showing it'),
});

/**
 * Streams a stored file: its length, detected type and name; private, never cached by a shared cache,
 * never sniffed into another type. Shown inline unless `download`.
 */
function sendStoredFile(reply: FastifyReply, file: OpenedFile, download: boolean) {
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = download ? 'attachment' : 'inline';
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

/** @public */
export function messagingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Open event streams end when the server closes, so a graceful shutdown does not wait on them.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  const messaging = { access: patientAccess, module: 'messaging' as const };

  // ——— Patient app ———

  r.get(
    '/api/patient/messages/threads',
    {
      schema: {
        tags: patientTags,
        summary: 'One thread per family member, with its last message and the practice’s unread messages',
        response: { 200: patientThreadListSchema, ...errorResponses(401, 403) },
      },
      config: messaging,
    },
    async (request) => listPatientThreads(patientCtx(request)),
  );

  r.get(
    '/api/patient/messages/threads/:patientId',
    {
      schema: {
        tags: patientTags,
        summary: 'A family member’s thread, newest first; changes nothing (mark it read with POST …/read)',
        params: threadParams,
        querystring: messagePageQuery,
        response: { 200: messagePageSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: messaging,
    },
    async (request) => readPatientThread(patientCtx(request), request.params.patientId, request.query),
  );

  r.post(
    '/api/patient/messages/threads/:patientId/read',
    {
      schema: {
        tags: patientTags,
        summary:
          'Marks the practice’s messages of a family member’s thread read, once shown; cancels the “new message” notices not sent yet; idempotent',
        params: threadParams,
        response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: messaging,
    },
    async (request) => {
      await markPatientThreadRead(patientCtx(request), request.params.patientId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/patient/messages/threads/:patientId',
    {
      schema: {
        tags: patientTags,
        summary:
          'Send a message (multipart: `body`, `authorPatientId`: who of the family is writing, by default the person signed in, up to 5 `files`: photos or PDF, type judged from the content); a refusal stores nothing',
        consumes: multipart,
        params: threadParams,
        response: { 201: messageSchema, ...errorResponses(400, 401, 403, 404, 415) },
      },
      config: messaging,
    },
    async (request, reply) => {
      const form = await readUploadForm(request, {
        schema: sendMessageFields,
        fileField: 'files',
        maxFiles: maxFilesPerMessage,
      });
      const message = await sendPatientMessage(patientCtx(request), request.params.patientId, {
        body: form.fields.body,
        uploads: form.uploads,
        authorPatientId: form.fields.authorPatientId,
      });
      return reply.status(201).send(message);
    },
  );

  r.get(
    '/api/patient/messages/attachments/:attachmentId',
    {
      schema: {
        tags: patientTags,
        summary: 'An attachment of one of the family’s threads (streamed; another family’s: 404)',
        params: attachmentParams,
        querystring: downloadQuery,
      },
      config: messaging,
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await openPatientAttachment(patientCtx(request), request.params.attachmentId),
        request.query.download === '1',
      ),
  );

  r.get(
    '/api/patient/messages/stream',
    {
      schema: {
        tags: patientTags,
        summary: 'Server-sent events: `message` and `read` of the family’s threads (ids only)',
      },
      config: messaging,
    },
    (request, reply) =>
      sendServerSentEvents(request, reply, streams, (signal) =>
        streamPatientMessages(patientCtx(request), request.cookies[sessionCookies.patient] ?? '', signal),
      ),
  );

  // ——— Console ———

  r.get(
    '/api/console/messages',
    {
      schema: {
        tags: staffTags,
        summary: 'Inbox: threads, newest message first, with unread counts; search by patient name; audited',
        querystring: inboxQuery,
        response: { 200: inboxPageSchema, ...errorResponses(400, 401) },
      },
      config: { access: anyStaff },
    },
    async (request) => listInbox(staffCtx(request), request.query),
  );

  r.get(
    '/api/console/messages/unread-count',
    {
      schema: {
        tags: staffTags,
        summary: 'Patient messages no staff member opened yet (badge)',
        response: { 200: unreadCountSchema, ...errorResponses(401) },
      },
      config: { access: anyStaff, background: true },
    },
    async (request) => countUnread(staffCtx(request)),
  );

  r.get(
    '/api/console/messages/stream',
    {
      schema: {
        tags: staffTags,
        summary: 'Server-sent events: `message` (new message, for NOT-4 notifications) and `read` (ids only)',
      },
      config: { access: anyStaff, background: true },
    },
    (request, reply) =>
      sendServerSentEvents(request, reply, streams, (signal) =>
        streamStaffMessages(staffCtx(request), request.cookies[sessionCookies.staff] ?? '', signal),
      ),
  );

  r.get(
    '/api/console/messages/threads/:patientId',
    {
      schema: {
        tags: staffTags,
        summary: 'A patient’s thread, newest first; changes nothing (mark it read with POST …/read); audited',
        params: threadParams,
        querystring: messagePageQuery,
        response: { 200: staffThreadSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => readStaffThread(staffCtx(request), request.params.patientId, request.query),
  );

  r.post(
    '/api/console/messages/threads/:patientId/read',
    {
      schema: {
        tags: staffTags,
        summary:
          'Marks the patient’s messages of a thread read by the practice, once shown; idempotent; audited',
        params: threadParams,
        response: { 200: okSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      await markStaffThreadRead(staffCtx(request), request.params.patientId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/console/messages/threads/:patientId',
    {
      schema: {
        tags: staffTags,
        summary:
          'Reply (multipart: `body`, up to 5 `files`, `templateId` to use a predefined reply and copy its attachment); audited',
        consumes: multipart,
        params: threadParams,
        response: { 201: messageSchema, ...errorResponses(400, 401, 404, 415) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) => {
      const form = await readUploadForm(request, {
        schema: staffSendMessageFields,
        fileField: 'files',
        maxFiles: maxFilesPerMessage,
      });
      const message = await sendStaffMessage(staffCtx(request), request.params.patientId, {
        body: form.fields.body,
        uploads: form.uploads,
        templateId: form.fields.templateId,
      });
      return reply.status(201).send(message);
    },
  );

  r.get(
    '/api/console/messages/attachments/:attachmentId',
    {
      schema: {
        tags: staffTags,
        summary: 'An attachment of any thread of the practice (streamed); audited',
        params: attachmentParams,
        querystring: downloadQuery,
      },
      config: { access: anyStaff },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await openStaffAttachment(staffCtx(request), request.params.attachmentId),
        request.query.download === '1',
      ),
  );

  r.post(
    '/api/console/messages/attachments/:attachmentId/file',
    {
      schema: {
        tags: staffTags,
        summary:
          'File a patient’s attachment into the patient’s documents (a copy, type external_scanned by default); 409 when already filed; audited',
        params: attachmentParams,
        body: fileAttachmentBody,
        response: { 201: attachmentSchema, ...errorResponses(400, 401, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await fileAttachmentToDocuments(staffCtx(request), request.params.attachmentId, request.body)),
  );

  // ——— Predefined replies (MSG-2) ———

  r.get(
    '/api/console/message-templates',
    {
      schema: {
        tags: staffTags,
        summary: 'Predefined replies, by title',
        response: { 200: messageTemplateListSchema, ...errorResponses(401) },
      },
      config: { access: anyStaff },
    },
    async (request) => listTemplates(staffCtx(request)),
  );

  r.post(
    '/api/console/message-templates',
    {
      schema: {
        tags: staffTags,
        summary: 'New predefined reply (multipart: `title`, `body`, optional `file`); admin',
        consumes: multipart,
        response: { 201: messageTemplateSchema, ...errorResponses(400, 401, 403, 409, 415) },
      },
      config: { access: adminOnly },
    },
    async (request, reply) => {
      const form = await readUploadForm(request, { schema: templateFields, fileField: 'file', maxFiles: 1 });
      const template = await createTemplate(staffCtx(request), {
        title: form.fields.title,
        body: form.fields.body,
        upload: form.uploads[0] ?? null,
      });
      return reply.status(201).send(template);
    },
  );

  r.put(
    '/api/console/message-templates/:templateId',
    {
      schema: {
        tags: staffTags,
        summary:
          'Change a predefined reply (multipart: `title`, `body`, optional `file` to replace the attachment, `removeAttachment`); admin',
        consumes: multipart,
        params: templateParams,
        response: { 200: messageTemplateSchema, ...errorResponses(400, 401, 403, 404, 409, 415) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      const form = await readUploadForm(request, { schema: templateFields, fileField: 'file', maxFiles: 1 });
      return updateTemplate(staffCtx(request), request.params.templateId, {
        title: form.fields.title,
        body: form.fields.body,
        upload: form.uploads[0] ?? null,
        removeAttachment: form.fields.removeAttachment,
      });
    },
  );

  r.delete(
    '/api/console/message-templates/:templateId',
    {
      schema: {
        tags: staffTags,
        summary: 'Delete a predefined reply and its file (sent messages keep their copies); admin',
        params: templateParams,
        response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
      },
      config: { access: adminOnly },
    },
    async (request) => {
      await deleteTemplate(staffCtx(request), request.params.templateId);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/console/message-templates/:templateId/attachment',
    {
      schema: {
        tags: staffTags,
        summary: 'The attachment of a predefined reply (streamed)',
        params: templateParams,
        querystring: downloadQuery,
      },
      config: { access: anyStaff },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await openTemplateAttachment(staffCtx(request), request.params.templateId),
        request.query.download === '1',
      ),
  );
}
