import { Temporal } from 'temporal-polyfill';

/** A reminder of the patient app: N days before the appointment's local day, at HH:MM local (NOT-2). */
export interface AppReminderRule {
  daysBefore: number;
  time: string;
}

/** Every phone has this one until it edits its reminders: the day before at 12:00. */
export const defaultAppReminder: AppReminderRule = { daysBefore: 1, time: '12:00' };
export const maxAppReminders = 5;
/** Reminders go out this long after the time the patient set (the seed: "12:00 → received 12:10"). */
export const appReminderDelayMs = 10 * 60_000;

/**
 * When an app reminder goes out: on the appointment's local day minus N days, at HH:MM in the
 * practice's zone, plus 10 minutes. Local arithmetic is Temporal's, so a DST change between the two
 * days moves nothing (a time skipped in spring moves forward, a repeated one takes its first
 * occurrence). Null when that instant is not before the appointment.
 */
export function appReminderDueAt(
  appointmentStart: number,
  timeZone: string,
  rule: AppReminderRule,
): number | null {
  const start = Temporal.Instant.fromEpochMilliseconds(appointmentStart).toZonedDateTimeISO(timeZone);
  const day = start.toPlainDate().subtract({ days: rule.daysBefore });
  const local = day.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(rule.time) });
  const due = local.epochMilliseconds + appReminderDelayMs;
  return due < appointmentStart ? due : null;
}

/** The same rule twice is one reminder. */
export function sameReminder(a: AppReminderRule, b: AppReminderRule): boolean {
  return a.daysBefore === b.daysBefore && a.time === b.time;
}
