import type {
  Message,
  MessageEvent as MessageNotice,
  maxFilesPerMessage,
  maxMessageLength,
  ThreadReadEvent,
} from '../../../contracts/messaging';
import { ApiError, api, formOf } from '../../shared/api';

/** The app's messaging routes (src/contracts/messaging.ts). */
export const messagingPaths = {
  threads: '/api/patient/messages/threads',
  thread: (patientId: string, cursor?: string | null) =>
    `/api/patient/messages/threads/${encodeURIComponent(patientId)}${
      cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
    }`,
  /** POST once the thread is shown: marks the practice's messages read (reading by GET changes nothing) */
  read: (patientId: string) => `/api/patient/messages/threads/${encodeURIComponent(patientId)}/read`,
  attachment: (attachmentId: string) =>
    `/api/patient/messages/attachments/${encodeURIComponent(attachmentId)}`,
  stream: '/api/patient/messages/stream',
};

// Values, not imports: the contract's module pulls zod into the bundle (CSP). The types keep them equal.
export const maxFiles = 5 satisfies typeof maxFilesPerMessage;
export const maxLength = 5000 satisfies typeof maxMessageLength;
/** What the file picker offers; the server judges the content anyway (JPEG, PNG, WebP, HEIC/HEIF, PDF). */
export const acceptedFiles = 'image/*,application/pdf';

/**
 * Sends a message as multipart (`body`, `authorPatientId` when someone was chosen as the writer, then up to
 * 5 `files`). Refusals become the same `ApiError` as the JSON client's, with the server's message in the
 * UI's language.
 */
export function sendMessage(
  patientId: string,
  message: { body: string; files: File[]; authorPatientId?: string | undefined },
): Promise<Message> {
  return api.send<Message>(
    'POST',
    messagingPaths.thread(patientId),
    formOf(
      // without an author the server signs with the person signed in
      { body: message.body, authorPatientId: message.authorPatientId || undefined },
      message.files.map((file) => ({ field: 'files', file })),
    ),
  );
}

/** The file codes the server answers for a refused attachment: said under the file field. */
export const isFileRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError &&
  (error.code === 'FILE_EMPTY' || error.code === 'FILE_TOO_LARGE' || error.code === 'FILE_TYPE_NOT_ALLOWED');

export type StreamEvent = { kind: 'message'; data: MessageNotice } | { kind: 'read'; data: ThreadReadEvent };
