import { and, eq, exists, gt, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appReminderDueAt } from '../../../domain/scheduling/app-reminders';
import type { Db } from '../../db/client';
import {
  type AppReminder,
  appointments,
  patientRelations,
  patients,
  practices,
  sessions,
} from '../../db/schema';
import { type NewJob, scheduleJobs } from '../../jobs/scheduled-jobs';
import { remindersOfPhones } from './reminder-preferences';

/** @public */
export const appReminderKind = 'app_reminder';
const responsable = alias(patients, 'responsable');
/** The longest a reminder may be set ahead (14 days) and a day of margin. */
const horizonMs = 15 * 24 * 3600_000;

export interface AppReminderPayload {
  appointmentId: string;
  version: number;
  phone: string;
  daysBefore: number;
  time: string;
  [key: string]: unknown;
}

/** Which appointments to (re)schedule reminders for. */
export type ReminderScope =
  | { appointmentId: string }
  | { practiceId: string; phone: string }
  | { upcomingDays: 'horizon' };

/**
 * Schedules the app reminders (NOT-2) of upcoming live appointments: for each phone that reaches the
 * patient (their own mobile or a responsable's) and is signed in to the app, one job per reminder of
 * that phone, due at local (day − N) HH:MM + 10 min. Keys are unique per appointment version, phone
 * and reminder, so calling this again (on a move, an edit of the reminders, a sign-in, the hourly pass)
 * never schedules twice; what changed since is skipped when the job runs.
 * @public
 */
export async function scheduleAppReminders(db: Db, now: Date, scope: ReminderScope): Promise<number> {
  const reached = await appointmentsReachedByApp(db, now, scope);
  if (reached.length === 0) return 0;
  const remindersOf = await remindersOfPhones(db, reached);
  const jobs: NewJob[] = [];
  for (const target of reached) {
    for (const reminder of remindersOf(target.practiceId, target.phone)) {
      const due = appReminderDueAt(target.startsAt.getTime(), target.timeZone, reminder);
      if (due === null || due <= now.getTime()) continue;
      jobs.push({
        kind: appReminderKind,
        practiceId: target.practiceId,
        runAt: new Date(due),
        payload: payloadOf(target, reminder),
        uniqueKey: `app_reminder:${target.appointmentId}:v${target.version}:${target.phone}:${reminder.daysBefore}d${reminder.time}`,
      });
    }
  }
  await scheduleJobs(db, jobs);
  return jobs.length;
}

/**
 * Whether the appointment's patient is reached in the app by a signed-in phone that keeps at least one
 * reminder. The app reminders then replace the practice's own reminder (NOT-1), so an app user is not
 * reminded twice; a patient who removed every reminder in the app gets the practice's reminder again.
 * @public
 */
export async function remindedInApp(db: Db, now: Date, appointmentId: string): Promise<boolean> {
  const reached = await appointmentsReachedByApp(db, now, { appointmentId });
  if (reached.length === 0) return false;
  const remindersOf = await remindersOfPhones(db, reached);
  return reached.some((target) => remindersOf(target.practiceId, target.phone).length > 0);
}

function payloadOf(
  target: { appointmentId: string; version: number; phone: string },
  reminder: AppReminder,
): AppReminderPayload {
  return {
    appointmentId: target.appointmentId,
    version: target.version,
    phone: target.phone,
    daysBefore: reminder.daysBefore,
    time: reminder.time,
  };
}

/**
 * Upcoming live appointments and the signed-in phones that reach their patient: one statement (own
 * phone, union responsables' phones), whatever the number of appointments.
 */
async function appointmentsReachedByApp(db: Db, now: Date, scope: ReminderScope) {
  const liveSessionOf = (phone: SQL | typeof patients.mobilePhone) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(sessions)
        .where(
          and(
            eq(sessions.practiceId, appointments.practiceId),
            eq(sessions.kind, 'patient'),
            eq(sessions.patientPhone, phone),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now),
          ),
        ),
    );
  const upcoming = and(
    gt(appointments.startsAt, now),
    isNull(appointments.cancelledAt),
    isNull(appointments.deletedAt),
    inArray(appointments.status, ['unknown', 'waiting_room']),
    eq(patients.appOptOut, false),
    isNull(patients.archivedAt),
    'appointmentId' in scope ? eq(appointments.id, scope.appointmentId) : undefined,
    'practiceId' in scope ? eq(appointments.practiceId, scope.practiceId) : undefined,
    'upcomingDays' in scope ? lt(appointments.startsAt, new Date(now.getTime() + horizonMs)) : undefined,
  );
  const columns = {
    appointmentId: appointments.id,
    version: appointments.version,
    startsAt: appointments.startsAt,
    practiceId: appointments.practiceId,
    timeZone: practices.timeZone,
  };
  // the own phone and the responsables' phones in one statement
  const reached = await db
    .select({ ...columns, phone: sql<string>`${patients.mobilePhone}` })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .where(
      and(
        upcoming,
        'phone' in scope ? eq(patients.mobilePhone, scope.phone) : undefined,
        liveSessionOf(patients.mobilePhone),
      ),
    )
    .unionAll(
      db
        .select({ ...columns, phone: sql<string>`${responsable.mobilePhone}` })
        .from(appointments)
        .innerJoin(patients, eq(patients.id, appointments.patientId))
        .innerJoin(practices, eq(practices.id, appointments.practiceId))
        .innerJoin(patientRelations, eq(patientRelations.patientId, patients.id))
        .innerJoin(responsable, eq(responsable.id, patientRelations.responsableId))
        .where(
          and(
            upcoming,
            eq(responsable.practiceId, appointments.practiceId),
            'phone' in scope ? eq(responsable.mobilePhone, scope.phone) : undefined,
            liveSessionOf(sql`${responsable.mobilePhone}`),
          ),
        ),
    );
  const seen = new Set<string>();
  return reached.filter((row) => {
    const key = `${row.appointmentId} ${row.phone}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The hourly pass: catches appointments and sign-ins the event hooks did not see.
 * @public
 */
export async function scheduleUpcomingAppReminders(deps: { db: Db; clock: { now(): Date } }): Promise<void> {
  await scheduleAppReminders(deps.db, deps.clock.now(), { upcomingDays: 'horizon' });
}
