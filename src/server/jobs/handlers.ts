import type { AppDeps } from '../context';
import { sendReminder } from '../modules/app-reminders/appointment-reminders';
import {
  appReminderKind,
  scheduleUpcomingAppReminders,
} from '../modules/app-reminders/schedule-app-reminders';
import { sendAppReminder } from '../modules/app-reminders/send-app-reminder';
import { feedJobHandlers, feedSchedulers } from '../modules/feeds/job-handlers';
import { waitlistJobHandlers } from '../modules/waitlist/job-handlers';
import type { JobHandler } from './scheduled-jobs';

/** What each kind of scheduled job does. */
export const jobHandlers: Record<string, JobHandler> = {
  appointment_reminder: sendReminder,
  [appReminderKind]: sendAppReminder,
  ...waitlistJobHandlers,
  ...feedJobHandlers,
};

/** Recurring work each instance (re)schedules about once an hour; unique keys keep it single. */
export const recurringSchedulers: ((deps: AppDeps) => Promise<void>)[] = [
  ...feedSchedulers,
  scheduleUpcomingAppReminders,
];
