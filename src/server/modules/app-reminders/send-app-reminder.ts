import { and, eq, gt, isNull } from 'drizzle-orm';
import { sameReminder } from '../../../domain/scheduling/app-reminders';
import type { AppDeps } from '../../context';
import { sessions } from '../../db/schema';
import type { JobRow } from '../../jobs/scheduled-jobs';
import { appReminderNotice } from '../../messages/app-reminder-templates';
import { appReminderPush } from '../../messages/message-notice-templates';
import { describeAppointment, loadNoticeFacts } from '../notifications/appointment-notices';
import { enqueueMessage } from '../outbox/enqueue-message';
import { phoneHolder } from '../patient-app/app-family';
import { familyOfPhone } from '../patients/family';
import { remindersOf } from './reminder-preferences';
import type { AppReminderPayload } from './schedule-app-reminders';

/**
 * The app reminder job (NOT-2). Sent only if everything still holds when it runs: the appointment is
 * the version it was scheduled for, live and ahead, its motif's notifications are on; the phone is
 * still signed in to the app, still reaches the patient, and still has this reminder. By SMS to the
 * phone, or by email when the phone's holder prefers email, unless a device of the phone allowed
 * notifications in the app: then by Web Push ("appointment reminder", nothing more on a lock screen), the
 * SMS or email being the fallback. The outbox key makes a second run send nothing.
 * @public
 */
export async function sendAppReminder(deps: AppDeps, job: JobRow): Promise<void> {
  const payload = job.payload as AppReminderPayload;
  const now = deps.clock.now();
  const facts = await loadNoticeFacts(deps.db, String(payload.appointmentId ?? ''));
  if (!facts) return;
  const { appointment, patient, motif } = facts;
  if (
    appointment.version !== payload.version ||
    appointment.cancelledAt ||
    appointment.deletedAt ||
    appointment.startsAt <= now ||
    !motif.notificationsEnabled ||
    patient.appOptOut
  )
    return;
  const [live] = await deps.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.practiceId, appointment.practiceId),
        eq(sessions.kind, 'patient'),
        eq(sessions.patientPhone, payload.phone),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .limit(1);
  if (!live) return;
  const family = await familyOfPhone(deps.db, appointment.practiceId, payload.phone);
  if (!family.some((member) => member.id === patient.id)) return;
  const { items } = await remindersOf(deps.db, appointment.practiceId, payload.phone);
  if (!items.some((reminder) => sameReminder(reminder, payload))) return;

  const holder = phoneHolder(family, payload.phone, patient.id);
  const lang = holder?.lang ?? patient.lang;
  const notice = appReminderNotice(
    lang,
    describeAppointment(deps, facts, lang),
    `${deps.config.publicUrl}/app`,
  );
  const email = holder?.notificationChannel === 'email' ? holder.email : null;
  const queued = await enqueueMessage(
    deps.db,
    {
      practiceId: appointment.practiceId,
      channel: email ? 'email' : 'sms',
      recipient: email ?? payload.phone,
      kind: 'app_reminder',
      ...(email ? { subject: notice.subject, body: notice.text } : { body: notice.sms }),
      push: {
        phones: [payload.phone],
        ...appReminderPush(lang, { practice: facts.practice.name }),
        url: '/app/rdv',
        tag: `reminder-${appointment.id}`,
      },
      sensitive: true,
      patientId: patient.id,
      appointmentId: appointment.id,
      idempotencyKey: job.uniqueKey ?? `app_reminder:${job.id}`,
    },
    now,
  );
  if (queued) deps.kickOutbox();
}
