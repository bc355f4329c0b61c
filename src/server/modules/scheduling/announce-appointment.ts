import type { Ctx } from '../../context';
import { scheduleReminderOf } from '../app-reminders/appointment-reminders';
import {
  type AppointmentRows,
  type NoticeFacts,
  noticeFactsOf,
  queueNoticeOf,
} from '../notifications/appointment-notices';

/**
 * A new appointment's confirmation (SMS/email per the patient's channel) and its reminders, made of the
 * rows the caller already holds — nothing is read back. Online booking and the desk both end with it,
 * inside the transaction that wrote the appointment. Returns the facts, from which the answer is built.
 * @public
 */
export async function announceNewAppointment(ctx: Ctx, rows: AppointmentRows): Promise<NoticeFacts> {
  const facts = await noticeFactsOf(ctx.db, rows);
  await queueNoticeOf(ctx, facts, 'confirmation');
  await scheduleReminderOf(ctx, {
    appointmentId: rows.appointment.id,
    startsAt: rows.appointment.startsAt,
    version: rows.appointment.version,
    timeZone: rows.practice.timeZone,
    hours: rows.practice.reminderHoursBefore,
  });
  return facts;
}
