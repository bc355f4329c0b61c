import type { Db } from '../../db/client';
import { type OutboxAttachment, type OutboxChannel, type OutboxPush, outbox } from '../../db/schema';

export interface NewMessage {
  practiceId: string;
  channel: OutboxChannel;
  recipient: string;
  kind: string;
  body: string;
  subject?: string;
  html?: string;
  attachments?: OutboxAttachment[];
  /** Tried first by Web Push to these phones' app devices; the SMS or email goes only if none took it. */
  push?: OutboxPush;
  sensitive?: boolean;
  patientId?: string | null;
  appointmentId?: string | null;
  /** Same key, same message: a second enqueue is ignored. */
  idempotencyKey?: string;
  /** Not before (defaults to now): a notice held back for the night waits until then. */
  notBefore?: Date;
}

/**
 * Queues a message in the outbox; call it inside the transaction of the change that causes it, so a
 * rolled-back change sends nothing. Returns the id, or null when the idempotency key was already used.
 * @public
 */
export async function enqueueMessage(db: Db, message: NewMessage, now: Date): Promise<string | null> {
  const rows = await db
    .insert(outbox)
    .values({
      practiceId: message.practiceId,
      channel: message.channel,
      recipient: message.recipient,
      kind: message.kind,
      body: message.body,
      subject: message.subject ?? null,
      html: message.html ?? null,
      attachments: message.attachments ?? null,
      push: message.push ?? null,
      sensitive: message.sensitive ?? false,
      patientId: message.patientId ?? null,
      appointmentId: message.appointmentId ?? null,
      idempotencyKey: message.idempotencyKey ?? null,
      nextAttemptAt: message.notBefore ?? now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  return rows[0]?.id ?? null;
}
