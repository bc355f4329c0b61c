import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { patients } from './patients';
import { locations, practices } from './practice';
import { staff } from './staff';
import { tenantFk } from './tenancy';

/** PostgreSQL `tstzrange`, read as its text form; Drizzle has no built-in type for it. */
const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });

export type MotifKind = 'on_site' | 'phone' | 'home';
export type PatientRestriction = 'all' | 'new_only' | 'existing_only';

/** An appointment type and its booking rules (SET-4). */
export const motifs = pgTable(
  'motifs',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    category: text(),
    durationMinutes: integer().notNull(),
    /** duration of a first visit, when longer than a follow-up */
    firstVisitDurationMinutes: integer(),
    colour: text().notNull().default('#2563eb'),
    kind: text().$type<MotifKind>().notNull().default('on_site'),
    onlineBookable: boolean().notNull().default(false),
    minBookingDelayMinutes: integer().notNull().default(0),
    maxBookingDelayDays: integer(),
    patientRestriction: text().$type<PatientRestriction>().notNull().default('all'),
    /** bookable only with the patient's own practitioner or a referent */
    followUpOnly: boolean().notNull().default(false),
    bookableBySecretary: boolean().notNull().default(true),
    notificationsEnabled: boolean().notNull().default(true),
    instructionsBefore: text(),
    instructionsAfter: text(),
    bufferBeforeMinutes: integer().notNull().default(0),
    bufferAfterMinutes: integer().notNull().default(0),
    position: integer().notNull().default(0),
    archivedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('motifs_practice_id_id_unique').on(t.practiceId, t.id),
    index('motifs_practice_idx').on(t.practiceId),
    check('motifs_duration_check', sql`${t.durationMinutes} between 5 and 600`),
    check(
      'motifs_first_visit_check',
      sql`${t.firstVisitDurationMinutes} is null or ${t.firstVisitDurationMinutes} between 5 and 600`,
    ),
    check('motifs_kind_check', sql`${t.kind} in ('on_site', 'phone', 'home')`),
    check('motifs_restriction_check', sql`${t.patientRestriction} in ('all', 'new_only', 'existing_only')`),
    check(
      'motifs_delays_check',
      sql`${t.minBookingDelayMinutes} >= 0 and (${t.maxBookingDelayDays} is null or ${t.maxBookingDelayDays} > 0)`,
    ),
    check(
      'motifs_buffers_check',
      sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`,
    ),
  ],
);

/**
 * A monthly recurrence (issue 9 §1.6): every N months, on a day of the month ("the 18th") or on the
 * n-th weekday ("the third Thursday"; -1 = the last). Null columns: not monthly.
 */
function monthlyColumns() {
  return {
    intervalMonths: integer(),
    monthDay: integer(),
    /** 1–5, or -1 for the last */
    monthNth: integer(),
    /** ISO weekday of `monthNth` */
    monthWeekday: integer(),
  };
}

function monthlyCheck(t: {
  intervalMonths: AnyPgColumn;
  monthDay: AnyPgColumn;
  monthNth: AnyPgColumn;
  monthWeekday: AnyPgColumn;
  intervalWeeks: AnyPgColumn;
  weekdays: AnyPgColumn;
}) {
  return sql`(${t.intervalMonths} is null and ${t.monthDay} is null and ${t.monthNth} is null and ${t.monthWeekday} is null)
    or (${t.intervalMonths} between 1 and 12 and ${t.intervalWeeks} is null and ${t.weekdays} is null
        and ((${t.monthDay} between 1 and 31 and ${t.monthNth} is null and ${t.monthWeekday} is null)
          or (${t.monthDay} is null and ${t.monthNth} in (1, 2, 3, 4, 5, -1) and ${t.monthWeekday} between 1 and 7)))`;
}

/** A practitioner's recurring availability at a location (SET-5), in local time of the practice. */
export const openingRanges = pgTable(
  'opening_ranges',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    practitionerId: uuid().notNull(),
    locationId: uuid().notNull(),
    title: text(),
    firstDay: date({ mode: 'string' }).notNull(),
    startMinute: integer().notNull(),
    endMinute: integer().notNull(),
    /** ISO weekdays (1 = Monday); null with interval_weeks null = the first day only */
    weekdays: integer().array(),
    intervalWeeks: integer(),
    ...monthlyColumns(),
    /** inclusive */
    untilDay: date({ mode: 'string' }),
    archivedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('opening_ranges_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('opening_ranges_practitioner_id_tenant_fk', [t.practiceId, t.practitionerId], staff, 'cascade'),
    tenantFk('opening_ranges_location_id_tenant_fk', [t.practiceId, t.locationId], locations, 'cascade'),
    index('opening_ranges_practitioner_idx').on(t.practiceId, t.practitionerId),
    check(
      'opening_ranges_minutes_check',
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.endMinute} > ${t.startMinute}`,
    ),
    check(
      'opening_ranges_weekly_check',
      sql`(${t.intervalWeeks} is null and ${t.weekdays} is null) or (${t.intervalWeeks} between 1 and 52 and cardinality(${t.weekdays}) > 0)`,
    ),
    check('opening_ranges_until_check', sql`${t.untilDay} is null or ${t.untilDay} >= ${t.firstDay}`),
    check('opening_ranges_monthly_check', monthlyCheck(t)),
  ],
);

/** Which motifs an opening range accepts; none listed = every motif. */
export const openingRangeMotifs = pgTable(
  'opening_range_motifs',
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    openingRangeId: uuid().notNull(),
    motifId: uuid().notNull(),
  },
  (t) => [
    tenantFk(
      'opening_range_motifs_opening_range_id_tenant_fk',
      [t.practiceId, t.openingRangeId],
      openingRanges,
      'cascade',
    ),
    tenantFk('opening_range_motifs_motif_id_tenant_fk', [t.practiceId, t.motifId], motifs, 'cascade'),
    primaryKey({ columns: [t.openingRangeId, t.motifId] }),
  ],
);

/**
 * A practitioner's absence (SET-6): one-off (from an instant to an instant) or recurring (local hours
 * on some weekdays, every N weeks, until a day).
 */
export const absences = pgTable(
  'absences',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    practitionerId: uuid().notNull(),
    title: text().notNull(),
    startsAt: instant(),
    endsAt: instant(),
    firstDay: date({ mode: 'string' }),
    startMinute: integer(),
    endMinute: integer(),
    weekdays: integer().array(),
    intervalWeeks: integer(),
    ...monthlyColumns(),
    untilDay: date({ mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('absences_practitioner_id_tenant_fk', [t.practiceId, t.practitionerId], staff, 'cascade'),
    index('absences_practitioner_idx').on(t.practiceId, t.practitionerId),
    check(
      'absences_shape_check',
      sql`(${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt} and ${t.firstDay} is null)
        or (${t.startsAt} is null and ${t.firstDay} is not null and ${t.startMinute} >= 0 and ${t.endMinute} <= 1440
            and ${t.endMinute} > ${t.startMinute}
            and ((${t.intervalWeeks} between 1 and 52 and cardinality(${t.weekdays}) > 0) or ${t.intervalMonths} is not null))`,
    ),
    check('absences_monthly_check', monthlyCheck(t)),
  ],
);

/** Practitioners whose agenda another staff member may see besides their own (RDV-1). */
export const agendaGrants = pgTable(
  'agenda_grants',
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    viewerId: uuid().notNull(),
    practitionerId: uuid().notNull(),
  },
  (t) => [
    tenantFk('agenda_grants_viewer_id_tenant_fk', [t.practiceId, t.viewerId], staff, 'cascade'),
    tenantFk('agenda_grants_practitioner_id_tenant_fk', [t.practiceId, t.practitionerId], staff, 'cascade'),
    primaryKey({ columns: [t.viewerId, t.practitionerId] }),
  ],
);

export const appointmentStatuses = [
  'unknown',
  'waiting_room',
  'seen',
  'excused',
  'not_excused',
  'cancelled',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
export type AppointmentChannel = 'staff' | 'online' | 'app';

/**
 * An appointment. Its time is `[starts_at, ends_at)`; `period` is derived from it, and the exclusion
 * constraint `appointments_no_overlap` (custom migration) makes two live appointments of one
 * practitioner overlapping impossible. Cancelled or deleted appointments free their time.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    practitionerId: uuid().notNull(),
    locationId: uuid().notNull(),
    motifId: uuid().notNull(),
    patientId: uuid().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    period: tstzrange().generatedAlwaysAs((): SQL => sql`tstzrange(starts_at, ends_at, '[)')`),
    status: text().$type<AppointmentStatus>().notNull().default('unknown'),
    cancelledAt: instant(),
    cancelledBy: text().$type<'patient' | 'practice'>(),
    cancellationReason: text(),
    deletedAt: instant(),
    comment: text(),
    channel: text().$type<AppointmentChannel>().notNull().default('staff'),
    createdByStaffId: uuid(),
    carteVitale: boolean().notNull().default(false),
    firstVisit: boolean().notNull().default(false),
    /** the patient agreed to see another practitioner than their own (RDV-5) */
    patientAgreedOtherPractitioner: boolean().notNull().default(false),
    /** bumped by every change that patients are told about (notification idempotency) */
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    unique('appointments_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('appointments_practitioner_id_tenant_fk', [t.practiceId, t.practitionerId], staff, 'no action'),
    tenantFk('appointments_location_id_tenant_fk', [t.practiceId, t.locationId], locations, 'no action'),
    tenantFk('appointments_motif_id_tenant_fk', [t.practiceId, t.motifId], motifs, 'no action'),
    tenantFk('appointments_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    tenantFk(
      'appointments_created_by_staff_id_tenant_fk',
      [t.practiceId, t.createdByStaffId],
      staff,
      'set null',
    ),
    index('appointments_agenda_idx').on(t.practiceId, t.practitionerId, t.startsAt),
    index('appointments_patient_idx').on(t.patientId, t.startsAt),
    check('appointments_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'appointments_status_check',
      sql`${t.status} in ('unknown', 'waiting_room', 'seen', 'excused', 'not_excused', 'cancelled')`,
    ),
    check('appointments_channel_check', sql`${t.channel} in ('staff', 'online', 'app')`),
  ],
);

/** What happened to an appointment, by whom, when (RDV-8). Appended, never changed. */
export const appointmentEvents = pgTable(
  'appointment_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    appointmentId: uuid().notNull(),
    at: createdAt(),
    actorKind: text().$type<'staff' | 'patient' | 'public' | 'system'>().notNull(),
    actorId: text(),
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    tenantFk(
      'appointment_events_appointment_id_tenant_fk',
      [t.practiceId, t.appointmentId],
      appointments,
      'cascade',
    ),
    index('appointment_events_appointment_idx').on(t.appointmentId, t.at),
  ],
);
