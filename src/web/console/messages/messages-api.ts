import type { Attachment, MessageTemplate } from '../../../contracts/messaging';
import { api, formOf } from '../../shared/api';

/** The console's messaging routes (src/contracts/messaging.ts). */
export const messagePaths = {
  inbox: (query: { q: string; unread: boolean; cursor?: string | null }) => {
    const params = new URLSearchParams();
    if (query.q.trim()) params.set('q', query.q.trim());
    if (query.unread) params.set('unread', 'true');
    if (query.cursor) params.set('cursor', query.cursor);
    const search = params.toString();
    return `/api/console/messages${search ? `?${search}` : ''}`;
  },
  unreadCount: '/api/console/messages/unread-count',
  stream: '/api/console/messages/stream',
  thread: (patientId: string, cursor?: string | null) =>
    `/api/console/messages/threads/${patientId}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
  /** POST once the thread is shown: marks the patient's messages read (reading by GET changes nothing) */
  read: (patientId: string) => `/api/console/messages/threads/${patientId}/read`,
  attachment: (attachment: Pick<Attachment, 'id'>) => `/api/console/messages/attachments/${attachment.id}`,
  fileAttachment: (attachmentId: string) => `/api/console/messages/attachments/${attachmentId}/file`,
  templates: '/api/console/message-templates',
  template: (templateId: string) => `/api/console/message-templates/${templateId}`,
  templateAttachment: (template: Pick<MessageTemplate, 'id'>) =>
    `/api/console/message-templates/${template.id}/attachment`,
};

/**
 * Sends a multipart form (a message or a template), the text fields first: the server checks them before
 * reading the files. Through the shared client: refusals are its `ApiError`, in the UI's language.
 */
export function sendForm<T>(
  method: 'POST' | 'PUT',
  path: string,
  fields: Record<string, string | undefined>,
  files: { field: string; file: File }[] = [],
): Promise<T> {
  return api.send<T>(method, path, formOf(fields, files));
}

/** Refusals about a file itself: shown next to the file input. */
export const fileErrorCodes = new Set(['FILE_EMPTY', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED']);

/** What the inputs accept, like the server (which judges the content, not this). */
export const acceptedFiles = 'image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf';
