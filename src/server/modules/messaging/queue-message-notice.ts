import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { noticeSendAt } from '../../../domain/time/quiet-hours';
import type { Ctx } from '../../context';
import { messages, outbox, patientRelations, patients, practices, type RelationRole } from '../../db/schema';
import { messageNotice } from '../../messages/message-notice-templates';
import { enqueueMessage } from '../outbox/enqueue-message';

export const messageNoticeKind = 'message';

type PatientRow = typeof patients.$inferSelect;
const roleOrder: Record<RelationRole, number> = { parent1: 0, parent2: 1, guarantor: 2 };

/**
 * The phones that read a patient's thread in the app (their own mobile, their responsables'), in the
 * order a notice looks for its recipient: the patient first, then parent 1, parent 2, the guarantor.
 * Files that opted out of the app (SEC-3) or are archived are left out.
 */
async function readers(tx: Ctx, patient: PatientRow): Promise<PatientRow[]> {
  const responsables = await tx.db
    .select({ role: patientRelations.role, responsable: patients })
    .from(patientRelations)
    .innerJoin(patients, eq(patients.id, patientRelations.responsableId))
    .where(and(eq(patientRelations.patientId, patient.id), eq(patients.practiceId, tx.practiceId)));
  responsables.sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
  return [patient, ...responsables.map((row) => row.responsable)].filter(
    (file) => file.mobilePhone && !file.appOptOut && !file.archivedAt,
  );
}

/**
 * The person holding a phone, whose channel and language a notice follows: the eldest file with that
 * mobile (a child's file that carries a parent's phone → the parent), as `phoneHolder` does for the app.
 */
async function holderOf(tx: Ctx, phone: string): Promise<PatientRow | null> {
  const [holder] = await tx.db
    .select()
    .from(patients)
    .where(
      and(
        eq(patients.practiceId, tx.practiceId),
        eq(patients.mobilePhone, phone),
        isNull(patients.archivedAt),
      ),
    )
    .orderBy(asc(patients.birthDate))
    .limit(1);
  return holder ?? null;
}

/**
 * Tells the family that the practice answered (issue 9 §3.14): "you have a new message from <practice>"
 * with the link to the thread, no content. Call it in the reply's transaction (after `appendMessage`,
 * whose upsert of the thread row serialises concurrent replies, so two replies cannot both see "nothing
 * unread").
 *
 * - Once per unread stretch: nothing when an earlier practice message of the thread is still unread by the
 *   family; they were told already (or will be in the morning).
 * - To the account holder who reads the thread in the app: the patient's own phone, else the first
 *   responsable's; by email when that person prefers email and has one, otherwise by SMS.
 * - Web Push first, to every device of those phones that allowed notifications; the SMS or email is the
 *   fallback (see `drainOutbox`).
 * - Never at night: written during the practice's quiet hours, it waits in the outbox until 08:00; reading
 *   the thread before then cancels it (`cancelMessageNotices`).
 */
export async function queueMessageNotice(
  tx: Ctx,
  input: { patientId: string; threadId: string; messageId: string },
): Promise<string | null> {
  const [earlier] = await tx.db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.threadId, input.threadId),
        eq(messages.authorKind, 'staff'),
        isNull(messages.readByPatientAt),
        ne(messages.id, input.messageId),
      ),
    )
    .limit(1);
  if (earlier) return null;
  const [row] = await tx.db
    .select({ patient: patients, practice: practices })
    .from(patients)
    .innerJoin(practices, eq(practices.id, patients.practiceId))
    .where(and(eq(patients.id, input.patientId), eq(patients.practiceId, tx.practiceId)));
  if (!row || row.patient.appOptOut || row.patient.archivedAt) return null;
  const phones = [...new Set((await readers(tx, row.patient)).map((file) => file.mobilePhone as string))];
  const [first] = phones;
  if (!first) return null;
  const holder = (await holderOf(tx, first)) ?? row.patient;
  const url = `${tx.deps.config.publicUrl}/app/messagerie/${row.patient.id}`;
  const notice = messageNotice(holder.lang, { practice: row.practice.name, url });
  const email = holder.notificationChannel === 'email' && holder.email ? holder.email : null;
  const id = await enqueueMessage(
    tx.db,
    {
      practiceId: tx.practiceId,
      channel: email ? 'email' : 'sms',
      recipient: email ?? first,
      kind: messageNoticeKind,
      ...(email ? { subject: notice.subject, body: notice.text } : { body: notice.sms }),
      push: {
        phones,
        ...notice.push,
        url: `/app/messagerie/${row.patient.id}`,
        tag: `message-${row.patient.id}`,
      },
      patientId: row.patient.id,
      idempotencyKey: `message_notice:${input.messageId}`,
      notBefore: noticeSendAt(tx.now, row.practice.timeZone),
    },
    tx.now,
  );
  if (id) tx.deps.kickOutbox();
  return id;
}

/**
 * The family read the thread: notices not sent yet (held back for the night, or waiting for a retry)
 * have no purpose any more and are deleted, in the transaction that marks the messages read.
 */
export async function cancelMessageNotices(tx: Ctx, patientId: string): Promise<number> {
  const cancelled = await tx.db
    .delete(outbox)
    .where(
      and(
        eq(outbox.practiceId, tx.practiceId),
        eq(outbox.patientId, patientId),
        eq(outbox.kind, messageNoticeKind),
        inArray(outbox.status, ['pending']),
      ),
    )
    .returning({ id: outbox.id });
  return cancelled.length;
}
