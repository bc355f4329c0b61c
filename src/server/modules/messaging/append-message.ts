import { eq, sql } from 'drizzle-orm';
import type { Message } from '../../../contracts/messaging';
import type { Ctx } from '../../context';
import { messageAttachments, messages, messageThreads } from '../../db/schema';
import { AppError } from '../../errors';
import type { StoredUpload } from '../../files/store-upload';
import { messagesWithAttachments, selectMessageRows } from './message-views';

export type MessageAuthor =
  | { kind: 'patient'; patientId: string | null; phone: string }
  | { kind: 'staff'; staffId: string };

/** A message needs words or files. */
export function assertNotEmpty(body: string, files: readonly unknown[]): void {
  if (body.trim() === '' && files.length === 0) throw AppError.field('body', 'message_empty');
}

/**
 * Writes a message and its attachments in the patient's thread, creating the thread with its first
 * message; call it inside `withTransaction` (`tx`). The thread's `lastMessageAt` only moves forward.
 * @public
 */
export async function appendMessage(
  tx: Ctx,
  input: {
    patientId: string;
    author: MessageAuthor;
    body: string;
    uploads: readonly StoredUpload[];
    templateId?: string | null;
  },
): Promise<Message> {
  const [thread] = await tx.db
    .insert(messageThreads)
    .values({
      practiceId: tx.practiceId,
      patientId: input.patientId,
      lastMessageAt: tx.now,
      createdAt: tx.now,
    })
    .onConflictDoUpdate({
      target: [messageThreads.practiceId, messageThreads.patientId],
      set: { lastMessageAt: sql`greatest(${messageThreads.lastMessageAt}, excluded.last_message_at)` },
    })
    .returning({ id: messageThreads.id });
  if (!thread) throw new Error('thread not written');
  const { author } = input;
  const [message] = await tx.db
    .insert(messages)
    .values({
      practiceId: tx.practiceId,
      threadId: thread.id,
      authorKind: author.kind,
      authorPatientId: author.kind === 'patient' ? author.patientId : null,
      authorStaffId: author.kind === 'staff' ? author.staffId : null,
      senderPhone: author.kind === 'patient' ? author.phone : null,
      body: input.body,
      templateId: input.templateId ?? null,
      createdAt: tx.now,
    })
    .returning({ id: messages.id });
  if (!message) throw new Error('message not written');
  if (input.uploads.length > 0) {
    await tx.db.insert(messageAttachments).values(
      input.uploads.map((upload) => ({
        practiceId: tx.practiceId,
        messageId: message.id,
        fileKey: upload.key,
        name: upload.name,
        contentType: upload.contentType,
        size: upload.size,
        sha256: upload.sha256,
        createdAt: tx.now,
      })),
    );
  }
  const rows = await selectMessageRows(tx, eq(messages.id, message.id), 1);
  const [view] = await messagesWithAttachments(tx, input.patientId, rows, author.kind);
  if (!view) throw new Error('message not read back');
  return view;
}

/** Tells the consoles and the family's phones that a message arrived (after the commit). */
export function announceMessage(ctx: Ctx, message: Message): void {
  ctx.deps.live.publishNotice({
    kind: 'message',
    practiceId: ctx.practiceId,
    threadId: message.threadId,
    patientId: message.patientId,
    messageId: message.id,
    authorKind: message.authorKind,
  });
}
