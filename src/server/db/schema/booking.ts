import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { patients } from './patients';
import { locations, practices } from './practice';
import { motifs } from './scheduling';
import { staff } from './staff';
import { tenantFk } from './tenancy';

/**
 * A phone verified by SMS code during online booking (BOOK-2): for a while, it may book for the person
 * identified (and their family), or create a new patient file with that phone.
 */
export const bookingGrants = pgTable(
  'booking_grants',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    phone: text().notNull(),
    /** the identified person, or null for a new patient */
    patientId: uuid(),
    /** the identity typed (kept to create the file of a new patient) */
    lastName: text().notNull(),
    firstName: text().notNull(),
    birthDate: text().notNull(),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('booking_grants_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    index('booking_grants_practice_idx').on(t.practiceId),
  ],
);

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/**
 * Work to do at a given time (reminders, waiting-list offers, daily exports). Claimed with FOR UPDATE
 * SKIP LOCKED by any server instance; a unique key makes scheduling idempotent; survives restarts.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    practiceId: uuid().references(() => practices.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    runAt: instant().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    uniqueKey: text(),
    status: text().$type<JobStatus>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lockedUntil: instant(),
    lastError: text(),
    createdAt: createdAt(),
    doneAt: instant(),
  },
  (t) => [
    uniqueIndex('jobs_unique_key').on(t.uniqueKey),
    index('jobs_due_idx').on(t.runAt).where(sql`${t.status} = 'pending'`),
    check('jobs_status_check', sql`${t.status} in ('pending', 'running', 'done', 'failed')`),
  ],
);

export type WaitlistStatus = 'active' | 'fulfilled' | 'cancelled' | 'expired';

/** A patient waiting for an earlier slot (RDV-10): a motif, maybe a practitioner, a window of dates. */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    patientId: uuid().notNull(),
    motifId: uuid().notNull(),
    practitionerId: uuid(),
    /** YYYY-MM-DD, local, inclusive */
    fromDay: text().notNull(),
    toDay: text().notNull(),
    status: text().$type<WaitlistStatus>().notNull().default('active'),
    offersSent: integer().notNull().default(0),
    lastOfferAt: instant(),
    createdBy: text().$type<'staff' | 'patient'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('waitlist_entries_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('waitlist_entries_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    tenantFk('waitlist_entries_motif_id_tenant_fk', [t.practiceId, t.motifId], motifs, 'cascade'),
    tenantFk(
      'waitlist_entries_practitioner_id_tenant_fk',
      [t.practiceId, t.practitionerId],
      staff,
      'cascade',
    ),
    index('waitlist_entries_active_idx').on(t.practiceId, t.motifId).where(sql`${t.status} = 'active'`),
    index('waitlist_entries_patient_idx').on(t.patientId),
    check(
      'waitlist_entries_status_check',
      sql`${t.status} in ('active', 'fulfilled', 'cancelled', 'expired')`,
    ),
    check('waitlist_entries_window_check', sql`${t.toDay} >= ${t.fromDay}`),
  ],
);

export type OfferStatus = 'sent' | 'accepted' | 'taken' | 'expired';

/** A freed slot offered to a waiting patient, by a link; the first to accept books it. */
export const waitlistOffers = pgTable(
  'waitlist_offers',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    entryId: uuid().notNull(),
    practitionerId: uuid().notNull(),
    locationId: uuid().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    tokenHash: text().notNull().unique(),
    status: text().$type<OfferStatus>().notNull().default('sent'),
    appointmentId: uuid(),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('waitlist_offers_entry_id_tenant_fk', [t.practiceId, t.entryId], waitlistEntries, 'cascade'),
    tenantFk('waitlist_offers_practitioner_id_tenant_fk', [t.practiceId, t.practitionerId], staff, 'cascade'),
    tenantFk('waitlist_offers_location_id_tenant_fk', [t.practiceId, t.locationId], locations, 'cascade'),
    index('waitlist_offers_entry_idx').on(t.entryId),
    index('waitlist_offers_slot_idx').on(t.practiceId, t.practitionerId, t.startsAt),
    check('waitlist_offers_status_check', sql`${t.status} in ('sent', 'accepted', 'taken', 'expired')`),
  ],
);

/** A practitioner's private, revocable iCalendar URL (their planning on a phone's calendar). */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    practitionerId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: createdAt(),
    revokedAt: instant(),
  },
  (t) => [
    tenantFk('calendar_feeds_practitioner_id_tenant_fk', [t.practiceId, t.practitionerId], staff, 'cascade'),
    index('calendar_feeds_practitioner_idx').on(t.practitionerId),
    // at most one live URL per practitioner: regenerating revokes the previous one in the same transaction
    uniqueIndex('calendar_feeds_live_idx').on(t.practitionerId).where(sql`${t.revokedAt} is null`),
  ],
);
