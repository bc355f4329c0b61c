import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReminderList, reminderBody } from '../../../contracts/patient-app';
import { maxAppReminders, sameReminder } from '../../../domain/scheduling/app-reminders';
import { type Ctx, withTransaction } from '../../context';
import { type AppReminder, reminderPreferences } from '../../db/schema';
import { AppError } from '../../errors';
import { appFamily, phoneHolder, sessionPhone } from '../patient-app/app-family';
import { remindersOf, sorted } from './reminder-preferences';
import { scheduleAppReminders } from './schedule-app-reminders';

/** The signed-in phone's reminders (APP-7), and how they reach it. */
export async function listReminders(ctx: Ctx): Promise<ReminderList> {
  const { phone, patientId } = sessionPhone(ctx);
  const { items, isDefault } = await remindersOf(ctx.db, ctx.practiceId, phone);
  const holder = phoneHolder(await appFamily(ctx), phone, patientId);
  return {
    items,
    isDefault,
    max: maxAppReminders,
    channel: holder?.notificationChannel === 'email' && holder.email ? 'email' : 'sms',
  };
}

/** Adds a reminder "N days before at HH:MM" (at most 5, no twice the same); the default stays. */
export async function addReminder(ctx: Ctx, input: z.infer<typeof reminderBody>): Promise<ReminderList> {
  await editReminders(ctx, (current) => {
    if (current.some((reminder) => sameReminder(reminder, input)))
      throw AppError.field('time', 'reminder_duplicate');
    if (current.length >= maxAppReminders)
      throw AppError.field('', 'reminders_max', { max: maxAppReminders });
    return [...current, { id: randomUUID(), daysBefore: input.daysBefore, time: input.time }];
  });
  return listReminders(ctx);
}

/** Removes a reminder (the default one included: a phone may want none). */
export async function deleteReminder(ctx: Ctx, id: string): Promise<ReminderList> {
  await editReminders(ctx, (current) => {
    if (!current.some((reminder) => reminder.id === id)) throw AppError.notFound();
    return current.filter((reminder) => reminder.id !== id);
  });
  return listReminders(ctx);
}

/**
 * Changes the phone's list under a row lock (two devices editing at once cannot exceed 5), then
 * schedules the reminders of the family's upcoming appointments in the same transaction.
 */
async function editReminders(ctx: Ctx, change: (current: AppReminder[]) => AppReminder[]): Promise<void> {
  const { phone } = sessionPhone(ctx);
  await withTransaction(ctx, async (tx) => {
    const key = and(eq(reminderPreferences.practiceId, tx.practiceId), eq(reminderPreferences.phone, phone));
    const [row] = await tx.db.select().from(reminderPreferences).where(key).for('update');
    const current = row ? row.reminders : (await remindersOf(tx.db, tx.practiceId, phone)).items;
    const next = sorted(change(current));
    await tx.db
      .insert(reminderPreferences)
      .values({ practiceId: tx.practiceId, phone, reminders: next, updatedAt: tx.now })
      .onConflictDoUpdate({
        target: [reminderPreferences.practiceId, reminderPreferences.phone],
        set: { reminders: next, updatedAt: tx.now },
      });
    await scheduleAppReminders(tx.db, tx.now, { practiceId: tx.practiceId, phone });
  });
}
