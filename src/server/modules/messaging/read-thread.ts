import { and, eq, isNull } from 'drizzle-orm';
import type { MessagePage, StaffThread } from '../../../contracts/messaging';
import { type Ctx, withTransaction } from '../../context';
import { messages } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appFamilyMember } from '../patient-app/app-family';
import { findThread, threadPage } from './message-views';
import { cancelMessageNotices } from './queue-message-notice';
import { practicePatient } from './thread-patient';

type Page = { limit: number; cursor?: string | undefined };

/**
 * Marks the other side's unread messages of a thread as read by `side`, in the caller's transaction;
 * true when there were some (then the other side is told, once committed).
 */
async function markRead(tx: Ctx, threadId: string, side: 'patient' | 'staff'): Promise<boolean> {
  const marked =
    side === 'patient'
      ? await tx.db
          .update(messages)
          .set({ readByPatientAt: tx.now })
          .where(
            and(
              eq(messages.threadId, threadId),
              eq(messages.practiceId, tx.practiceId),
              eq(messages.authorKind, 'staff'),
              isNull(messages.readByPatientAt),
            ),
          )
          .returning({ id: messages.id })
      : await tx.db
          .update(messages)
          .set({ readByStaffAt: tx.now })
          .where(
            and(
              eq(messages.threadId, threadId),
              eq(messages.practiceId, tx.practiceId),
              eq(messages.authorKind, 'patient'),
              isNull(messages.readByStaffAt),
            ),
          )
          .returning({ id: messages.id });
  return marked.length > 0;
}

function announceRead(ctx: Ctx, thread: { id: string; patientId: string }, by: 'patient' | 'staff'): void {
  ctx.deps.live.publishNotice({
    kind: 'thread_read',
    practiceId: ctx.practiceId,
    threadId: thread.id,
    patientId: thread.patientId,
    by,
  });
}

/**
 * A family member's thread in the app (MSG-1), newest first. Reading changes nothing: the app marks the
 * thread read with `markPatientThreadRead` once it has shown it. Another family's patient: 404.
 */
export async function readPatientThread(ctx: Ctx, patientId: string, page: Page): Promise<MessagePage> {
  await appFamilyMember(ctx, patientId);
  const { result, thread } = await withTransaction(ctx, async (tx) => {
    const found = await findThread(tx, patientId);
    return { result: await threadPage(tx, found, page, 'patient'), thread: found };
  });
  return { threadId: thread?.id ?? null, ...result };
}

/**
 * The app has shown the thread: the practice's messages are read by the family (any phone of the family
 * that opens it), and the "new message" notices not sent yet (held back for the night) are cancelled.
 * Idempotent; another family's patient: 404 (a `POST`, so a cross-site link cannot do it).
 */
export async function markPatientThreadRead(ctx: Ctx, patientId: string): Promise<void> {
  await appFamilyMember(ctx, patientId);
  const { thread, marked } = await withTransaction(ctx, async (tx) => {
    const found = await findThread(tx, patientId);
    const wasMarked = found ? await markRead(tx, found.id, 'patient') : false;
    if (wasMarked) await cancelMessageNotices(tx, patientId);
    return { thread: found, marked: wasMarked };
  });
  if (thread && marked) announceRead(ctx, thread, 'patient');
}

/** A patient's thread in the console (MSG-3), newest first; changes nothing. The read is audited. */
export async function readStaffThread(ctx: Ctx, patientId: string, page: Page): Promise<StaffThread> {
  const patient = await practicePatient(ctx, patientId);
  const { result, thread } = await withTransaction(ctx, async (tx) => {
    const found = await findThread(tx, patientId);
    const read = await threadPage(tx, found, page, 'staff');
    await recordAudit(tx, {
      action: 'messages.read',
      entity: 'message_thread',
      entityId: found?.id ?? null,
      patientId,
      details: { messageIds: read.items.map((message) => message.id) },
    });
    return { result: read, thread: found };
  });
  return { patient, threadId: thread?.id ?? null, ...result };
}

/**
 * The console has shown the thread: the patient's messages are read by the practice (any staff member
 * of the practice, as for reading the thread). Idempotent; a patient of another practice: 404.
 * @public
 */
export async function markStaffThreadRead(ctx: Ctx, patientId: string): Promise<void> {
  await practicePatient(ctx, patientId);
  const { thread, marked } = await withTransaction(ctx, async (tx) => {
    const found = await findThread(tx, patientId);
    const wasMarked = found ? await markRead(tx, found.id, 'staff') : false;
    if (wasMarked) {
      await recordAudit(tx, {
        action: 'messages.mark_read',
        entity: 'message_thread',
        entityId: found?.id ?? null,
        patientId,
      });
    }
    return { thread: found, marked: wasMarked };
  });
  if (thread && marked) announceRead(ctx, thread, 'staff');
}
