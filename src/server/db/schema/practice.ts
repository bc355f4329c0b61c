import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';

/** One weekly opening period shown to patients (SET-1): weekday 1 = Monday … 7 = Sunday. */
export interface OpeningPeriod {
  weekday: number;
  opens: string;
  closes: string;
}

/** The organisation (SET-1). Every practice-owned row carries its `practice_id`. */
export const practices = pgTable(
  'practices',
  {
    id: id(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    phone: text(),
    email: text(),
    addressLine: text(),
    postalCode: text(),
    city: text(),
    country: text().$type<'FR' | 'CH'>().notNull().default('FR'),
    /** Swiss canton code (VD, GE…) for public holidays; null in France. */
    region: text(),
    mapUrl: text(),
    timeZone: text().notNull().default('Europe/Paris'),
    defaultLang: text().$type<'fr' | 'en'>().notNull().default('fr'),
    openingHours: jsonb().$type<OpeningPeriod[]>().notNull().default([]),
    /** Staff console locks after this many seconds without activity (SEC-1). */
    autoLockSeconds: integer().notNull().default(900),
    /** Minutes between possible appointment starts, counted from each opening range's start. */
    slotGridMinutes: integer().notNull().default(15),
    /** Online booking open for the whole practice (SET-7). */
    onlineBookingOpen: boolean().notNull().default(true),
    /** Public holidays of the country (and canton) close the practice. */
    closedOnPublicHolidays: boolean().notNull().default(true),
    /** Null: cancelling at the latest the day before is excused (RDV-7); N: at least N hours before. */
    excusedNoticeHours: integer(),
    /** Online cancellation or move allowed until this many hours before the appointment (manage link). */
    cancellationCutoffHours: integer().notNull().default(24),
    /** The reminder goes this many hours before, moved out of the night (08:00–20:00 local). */
    reminderHoursBefore: integer().notNull().default(24),
    /** What calendar feeds and exports show of patients: initials (default), full name, or nothing. */
    feedPatientDetail: text().$type<'initials' | 'full' | 'none'>().notNull().default('initials'),
    /** Freed slots are offered to waiting patients (RDV-10). */
    waitlistEnabled: boolean().notNull().default(true),
    /** Every staff member must sign in with a second factor (TOTP); those without one enrol first. */
    staffMfaRequired: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    check('practices_country_check', sql`${t.country} in ('FR', 'CH')`),
    check('practices_auto_lock_check', sql`${t.autoLockSeconds} between 2 and 86400`),
    check('practices_grid_check', sql`${t.slotGridMinutes} in (5, 10, 15, 20, 30)`),
    check(
      'practices_notice_check',
      sql`${t.excusedNoticeHours} is null or ${t.excusedNoticeHours} between 1 and 168`,
    ),
    check('practices_cutoff_check', sql`${t.cancellationCutoffHours} between 0 and 720`),
    check('practices_reminder_check', sql`${t.reminderHoursBefore} between 1 and 168`),
    check('practices_feed_detail_check', sql`${t.feedPatientDetail} in ('initials', 'full', 'none')`),
  ],
);

/** A site of the practice (SET-2). */
export const locations = pgTable(
  'locations',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    addressLine: text().notNull(),
    postalCode: text().notNull(),
    city: text().notNull(),
    phone: text(),
    mapUrl: text(),
    archivedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('locations_practice_id_id_unique').on(t.practiceId, t.id),
    index('locations_practice_idx').on(t.practiceId),
  ],
);
