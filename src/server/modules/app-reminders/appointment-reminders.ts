import { eq } from 'drizzle-orm';
import { reminderTime } from '../../../domain/scheduling/reminders';
import type { AppDeps, Ctx } from '../../context';
import { appointments, practices } from '../../db/schema';
import { type JobRow, scheduleJob } from '../../jobs/scheduled-jobs';
import { queueAppointmentNotice } from '../notifications/appointment-notices';
import { remindedInApp, scheduleAppReminders } from './schedule-app-reminders';

// The reminders of an appointment: the practice's own (NOT-1) and those patients set in the app (NOT-2).
// They live here, not in notifications, so that the modules depend one way: reminders use notices.

/**
 * Schedules the reminder of the appointment's current version (a moved appointment gets a new one),
 * and the reminders patients set in the app (NOT-2) for the phones signed in that reach its patient.
 * @public
 */
export async function scheduleReminder(ctx: Ctx, appointmentId: string): Promise<void> {
  const [row] = await ctx.db
    .select({
      startsAt: appointments.startsAt,
      version: appointments.version,
      timeZone: practices.timeZone,
      hours: practices.reminderHoursBefore,
    })
    .from(appointments)
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .where(eq(appointments.id, appointmentId));
  if (!row) return;
  await scheduleReminderOf(ctx, { appointmentId, ...row });
}

/**
 * `scheduleReminder` of an appointment whose start, version and practice are already in memory.
 * @public
 */
export async function scheduleReminderOf(
  ctx: Ctx,
  row: { appointmentId: string; startsAt: Date; version: number; timeZone: string; hours: number },
): Promise<void> {
  const { appointmentId } = row;
  await scheduleAppReminders(ctx.db, ctx.now, { appointmentId });
  const at = reminderTime(row.startsAt.getTime(), row.hours, row.timeZone, ctx.now.getTime());
  if (at === null) return;
  await scheduleJob(ctx.db, {
    kind: 'appointment_reminder',
    practiceId: ctx.practiceId,
    runAt: new Date(at),
    payload: { appointmentId, version: row.version },
    uniqueKey: `reminder:${appointmentId}:v${row.version}`,
  });
}

/**
 * The reminder job: sent only if the appointment is still the one it was scheduled for, and not when
 * the patient's reminders set in the app cover it (they replace this one, see `remindedInApp`).
 * @public
 */
export async function sendReminder(deps: AppDeps, job: JobRow): Promise<void> {
  const appointmentId = String(job.payload.appointmentId ?? '');
  const [row] = await deps.db.select().from(appointments).where(eq(appointments.id, appointmentId));
  if (!row || row.version !== job.payload.version || row.cancelledAt || row.deletedAt) return;
  if (await remindedInApp(deps.db, deps.clock.now(), appointmentId)) return;
  await deps.db.transaction(async (db) => {
    await queueAppointmentNotice(
      {
        deps,
        db,
        practiceId: row.practiceId,
        actor: { kind: 'system' },
        requestId: `job:${job.id}`,
        ip: null,
        lang: 'fr',
        now: deps.clock.now(),
      },
      appointmentId,
      'reminder',
    );
  });
}
