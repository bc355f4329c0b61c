import { and, eq, inArray } from 'drizzle-orm';
import { defaultAppReminder } from '../../../domain/scheduling/app-reminders';
import type { Db } from '../../db/client';
import { type AppReminder, reminderPreferences } from '../../db/schema';

/** The reminder of a phone that never edited its list. */
export const defaultReminder: AppReminder = { id: 'default', ...defaultAppReminder };

/** A phone's reminders (NOT-2); `isDefault` when it never edited them. */
export async function remindersOf(
  db: Db,
  practiceId: string,
  phone: string,
): Promise<{ items: AppReminder[]; isDefault: boolean }> {
  const [row] = await db
    .select({ reminders: reminderPreferences.reminders })
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.practiceId, practiceId), eq(reminderPreferences.phone, phone)));
  return row
    ? { items: sorted(row.reminders), isDefault: false }
    : { items: [defaultReminder], isDefault: true };
}

/** The reminders of many phones in one query, keyed by `practiceId phone`. */
export async function remindersOfPhones(
  db: Db,
  pairs: { practiceId: string; phone: string }[],
): Promise<(practiceId: string, phone: string) => AppReminder[]> {
  const saved = new Map<string, AppReminder[]>();
  if (pairs.length > 0) {
    const rows = await db
      .select()
      .from(reminderPreferences)
      .where(
        and(
          inArray(reminderPreferences.practiceId, [...new Set(pairs.map((pair) => pair.practiceId))]),
          inArray(reminderPreferences.phone, [...new Set(pairs.map((pair) => pair.phone))]),
        ),
      );
    for (const row of rows) saved.set(`${row.practiceId} ${row.phone}`, row.reminders);
  }
  return (practiceId, phone) => saved.get(`${practiceId} ${phone}`) ?? [defaultReminder];
}

/** Earliest first: most days before, then the time of day. */
export function sorted(reminders: AppReminder[]): AppReminder[] {
  return [...reminders].sort((a, b) => b.daysBefore - a.daysBefore || a.time.localeCompare(b.time));
}
