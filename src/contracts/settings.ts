import { z } from 'zod';
import { dateField, emailField, instantField, nameField, phoneInputField } from './fields';
import { openingPeriodSchema } from './practice';
import { staffRoleSchema } from './staff-auth';

const timeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'time' })
  .describe('Local time HH:MM');
const colourField = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'invalid_format' })
  .describe('Colour #RRGGBB');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** What calendar feeds and exports show of patients (issue 4 §8). */
export const feedPatientDetailSchema = z
  .enum(['initials', 'full', 'none'])
  .describe('Patient detail in calendar feeds and exports');

/** Practice details and settings (SET-1, SET-7, SEC-1), as the admin edits them. */
export const practiceSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120).describe('Name of the practice'),
  phone: z.string().nullable().describe('E.164; shown to patients'),
  email: z.string().nullable().describe('Email address'),
  addressLine: z.string().nullable().describe('Street address'),
  postalCode: z.string().nullable().describe('Postal code'),
  city: z.string().nullable().describe('City'),
  country: z.enum(['FR', 'CH']).describe('Country, ISO 3166-1 alpha-2'),
  region: z.string().nullable().describe('Swiss canton code (VD, GE…) for public holidays'),
  timeZone: z.string().describe('IANA time zone of the practice (Europe/Paris)'),
  openingHours: z.array(openingPeriodSchema).describe('Opening hours per weekday'),
  autoLockMinutes: z.number().int().describe('Console lock after inactivity'),
  slotGridMinutes: z
    .union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30)])
    .describe('Slot grid, in minutes: slots start on multiples of it'),
  onlineBookingOpen: z.boolean().describe('Takes online bookings'),
  closedOnPublicHolidays: z.boolean().describe('No online slots on public holidays'),
  excusedNoticeHours: z
    .number()
    .int()
    .nullable()
    .describe('Null: cancelling the day before is excused (RDV-7)'),
  cancellationCutoffHours: z
    .number()
    .int()
    .describe('The manage link cancels or moves until this many hours before'),
  reminderHoursBefore: z.number().int().describe('The reminder goes this many hours before (08:00–20:00)'),
  feedPatientDetail: feedPatientDetailSchema.describe('What calendar feeds show of a patient'),
  waitlistEnabled: z.boolean().describe('Freed slots are offered to waiting patients (RDV-10)'),
  staffMfaRequired: z
    .boolean()
    .describe('Every staff member signs in with an authenticator app; those without one enrol first'),
});
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const updatePracticeSettingsBody = z
  .object({
    name: z.string().trim().min(1).max(120).describe('Name of the practice'),
    phone: phoneInputField.nullable().describe('Phone, E.164'),
    email: emailField.nullable().describe('Email address'),
    addressLine: optionalText(200).describe('Street address'),
    postalCode: optionalText(10).describe('Postal code'),
    city: optionalText(100).describe('City'),
    country: z.enum(['FR', 'CH']).describe('Country, ISO 3166-1 alpha-2'),
    region: z.string().trim().max(10).nullable().describe('Region whose public holidays apply'),
    timeZone: z
      .enum(['Europe/Paris', 'Europe/Zurich'])
      .describe('IANA time zone of the practice (Europe/Paris)'),
    openingHours: z.array(openingPeriodSchema).max(28).describe('Opening hours per weekday'),
    autoLockMinutes: z
      .number()
      .int()
      .min(1)
      .max(240)
      .describe('Inactivity before the console locks, in minutes'),
    slotGridMinutes: z
      .union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30)])
      .describe('Slot grid, in minutes: slots start on multiples of it'),
    onlineBookingOpen: z.boolean().describe('Takes online bookings'),
    closedOnPublicHolidays: z.boolean().describe('No online slots on public holidays'),
    excusedNoticeHours: z
      .number()
      .int()
      .min(1)
      .max(168)
      .nullable()
      .describe('A patient cancellation at least this many hours ahead counts as excused'),
    cancellationCutoffHours: z
      .number()
      .int()
      .min(0)
      .max(720)
      .describe('Online move or cancellation allowed until this many hours before'),
    reminderHoursBefore: z
      .number()
      .int()
      .min(1)
      .max(168)
      .describe('Reminder sent this many hours before the appointment'),
    feedPatientDetail: feedPatientDetailSchema.describe('What calendar feeds show of a patient'),
    waitlistEnabled: z.boolean().describe('The waiting list is offered online'),
    staffMfaRequired: z.boolean().describe('Staff must sign in with two factors'),
  })
  .partial();

export const locationSchema = z.object({
  id: z.uuid().describe('The location'),
  name: z.string().describe('Name of the location'),
  addressLine: z.string().describe('Street address'),
  postalCode: z.string().describe('Postal code'),
  city: z.string().describe('City'),
  phone: z.string().nullable().describe('Phone, E.164'),
  mapUrl: z.string().nullable().describe('Opens the address in a map'),
});
export type Location = z.infer<typeof locationSchema>;

export const locationBody = z.object({
  name: z.string().trim().min(1).max(120).describe('Name of the location'),
  addressLine: z.string().trim().min(1).max(200).describe('Street address'),
  postalCode: z.string().trim().min(1).max(10).describe('Postal code'),
  city: z.string().trim().min(1).max(100).describe('City'),
  phone: phoneInputField.nullable().optional().describe('Phone, E.164'),
  mapUrl: z.url({ error: 'invalid_format' }).nullable().optional().describe('Opens the address in a map'),
});

export const motifKindSchema = z.enum(['on_site', 'phone', 'home']);
export const patientRestrictionSchema = z.enum(['all', 'new_only', 'existing_only']);

/** An appointment type with its booking rules (SET-4). */
export const motifSchema = z.object({
  id: z.uuid().describe('The motif'),
  name: z.string().describe('The motif’s name'),
  category: z.string().nullable().describe('Category, or null'),
  durationMinutes: z.number().int().describe('Length, in minutes'),
  firstVisitDurationMinutes: z
    .number()
    .int()
    .nullable()
    .describe('Length of a first visit, in minutes; null: same as durationMinutes'),
  colour: z.string().describe('Colour, #RRGGBB'),
  kind: motifKindSchema.describe('on_site, phone (a call) or home (a home visit)'),
  onlineBookable: z.boolean().describe('Bookable online'),
  minBookingDelayMinutes: z.number().int().describe('Booked online at least this many minutes ahead'),
  maxBookingDelayDays: z.number().int().nullable().describe('Booked online at most this many days ahead'),
  patientRestriction: patientRestrictionSchema.describe(
    'all; new_only: patients never seen at the practice; existing_only: patients already followed',
  ),
  followUpOnly: z.boolean().describe('Booked online only with the patient’s own practitioner'),
  bookableBySecretary: z.boolean().describe('The front desk may book it'),
  notificationsEnabled: z.boolean().describe('Patients get notices for it'),
  instructionsBefore: z.string().nullable().describe('Instructions to accept before booking, or null'),
  instructionsAfter: z.string().nullable().describe('Instructions shown after booking, or null'),
  bufferBeforeMinutes: z.number().int().describe('Free time kept before, in minutes'),
  bufferAfterMinutes: z.number().int().describe('Free time kept after, in minutes'),
  position: z.number().int().describe('Order in lists, ascending'),
});
export type Motif = z.infer<typeof motifSchema>;

export const motifBody = z.object({
  name: z.string().trim().min(1).max(120).describe('The motif’s name'),
  category: optionalText(80).describe('Category the booking page groups motifs by'),
  durationMinutes: z.number().int().min(5).max(600).describe('Length, in minutes'),
  firstVisitDurationMinutes: z
    .number()
    .int()
    .min(5)
    .max(600)
    .nullable()
    .optional()
    .describe('Length of a first visit, in minutes; null: same as durationMinutes'),
  colour: colourField.optional().describe('Colour, #RRGGBB'),
  kind: motifKindSchema.optional().describe('on_site, phone (a call) or home (a home visit)'),
  onlineBookable: z.boolean().optional().describe('Bookable online'),
  minBookingDelayMinutes: z
    .number()
    .int()
    .min(0)
    .max(525_600)
    .optional()
    .describe('Booked online at least this many minutes ahead'),
  maxBookingDelayDays: z
    .number()
    .int()
    .min(1)
    .max(730)
    .nullable()
    .optional()
    .describe('Booked online at most this many days ahead'),
  patientRestriction: patientRestrictionSchema
    .optional()
    .describe('all; new_only: patients never seen at the practice; existing_only: patients already followed'),
  followUpOnly: z.boolean().optional().describe('Booked online only with the patient’s own practitioner'),
  bookableBySecretary: z.boolean().optional().describe('The front desk may book it'),
  notificationsEnabled: z.boolean().optional().describe('Patients get notices for it'),
  instructionsBefore: optionalText(4000).describe('Instructions to accept before booking'),
  instructionsAfter: optionalText(4000).describe('Instructions shown after booking'),
  bufferBeforeMinutes: z
    .number()
    .int()
    .min(0)
    .max(240)
    .optional()
    .describe('Free time kept before, in minutes'),
  bufferAfterMinutes: z
    .number()
    .int()
    .min(0)
    .max(240)
    .optional()
    .describe('Free time kept after, in minutes'),
  position: z.number().int().min(0).max(10_000).optional().describe('Order in lists, ascending'),
});

const weeklySchema = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('ISO weekdays, 1 = Monday'),
  intervalWeeks: z.number().int().min(1).max(52).describe('1 = every week, 2 = every other week'),
  until: dateField.nullable().describe('Last day, inclusive'),
});

const monthlySchema = z
  .object({
    intervalMonths: z.number().int().min(1).max(12).describe('1 = every month, 2 = every other month'),
    monthDay: z
      .number()
      .int()
      .min(1)
      .max(31)
      .nullable()
      .describe('"Every month on the 18th"; months without it are skipped'),
    nth: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)])
      .nullable()
      .describe('With weekday: "the third Thursday" (3); -1 = the last'),
    weekday: z.number().int().min(1).max(7).nullable().describe('ISO weekday of nth, 1 = Monday'),
    until: dateField.nullable().describe('Last day, inclusive'),
  })
  .refine((monthly) => (monthly.monthDay === null) !== (monthly.nth === null || monthly.weekday === null), {
    error: 'required',
    path: ['monthDay'],
  });
export type MonthlyRule = z.infer<typeof monthlySchema>;

/** A practitioner's recurring opening at a location (SET-5). */
export const openingRangeSchema = z.object({
  id: z.uuid().describe('The opening range'),
  practitionerId: z.uuid().describe('The practitioner (staff id)'),
  locationId: z.uuid().describe('The location'),
  title: z.string().nullable().describe('Label of the opening range shown in the agenda, or null'),
  firstDay: z.string().describe('First day, YYYY-MM-DD'),
  startTime: z.string().describe('Start time, HH:MM local'),
  endTime: z.string().describe('End time, HH:MM local'),
  weekly: weeklySchema.nullable().describe('A weekly recurrence, or null'),
  monthly: monthlySchema.nullable().describe('A monthly recurrence, or null'),
  motifIds: z.array(z.uuid()).describe('Empty: every motif'),
  rrule: z.string().nullable().describe('The recurrence as an iCalendar RRULE'),
});
export type OpeningRange = z.infer<typeof openingRangeSchema>;

export const openingRangeBody = z.object({
  practitionerId: z.uuid({ error: 'uuid' }).describe('The practitioner (staff id)'),
  locationId: z.uuid({ error: 'uuid' }).describe('The location'),
  title: optionalText(120).describe('Label of the opening range shown in the agenda'),
  firstDay: dateField.describe('First day, YYYY-MM-DD'),
  startTime: timeField.describe('Start time, HH:MM local'),
  endTime: timeField.describe('End time, HH:MM local'),
  weekly: weeklySchema.nullable().describe('A weekly recurrence, or null'),
  monthly: monthlySchema.nullable().default(null).describe('Instead of weekly: a monthly recurrence'),
  motifIds: z.array(z.uuid()).max(200).default([]).describe('Motifs'),
});

/** An absence (SET-6): one-off between two local date-times, or recurring hours on weekdays. */
export const absenceSchema = z.object({
  id: z.uuid().describe('The absence'),
  practitionerId: z.uuid().describe('The practitioner (staff id)'),
  title: z.string().describe('What the absence is (shown in the agenda)'),
  oneOff: z
    .object({
      startsAt: instantField.describe('Start instant, ISO 8601'),
      endsAt: instantField.describe('End instant, ISO 8601'),
    })
    .nullable()
    .describe('A one-off absence between two instants, or null'),
  recurring: z
    .object({
      firstDay: z.string().describe('First day, YYYY-MM-DD'),
      startTime: z.string().describe('Start time, HH:MM local'),
      endTime: z.string().describe('End time, HH:MM local'),
      weekly: weeklySchema.nullable().describe('A weekly recurrence, or null'),
      monthly: monthlySchema.nullable().describe('A monthly recurrence, or null'),
    })
    .nullable()
    .describe('Recurring hours on some days, in the practice’s zone, or null'),
});
export type Absence = z.infer<typeof absenceSchema>;

export const absenceBody = z.object({
  practitionerId: z.uuid({ error: 'uuid' }).describe('The practitioner (staff id)'),
  title: z.string().trim().min(1).max(120).describe('What the absence is (shown in the agenda)'),
  oneOff: z
    .object({
      startDay: dateField.describe('First day, YYYY-MM-DD'),
      startTime: timeField.describe('Start time, HH:MM local'),
      endDay: dateField.describe('Last day, YYYY-MM-DD'),
      endTime: timeField.describe('End time, HH:MM local'),
    })
    .nullable()
    .describe('A one-off absence between two local date-times, or null'),
  recurring: z
    .object({
      firstDay: dateField.describe('First day, YYYY-MM-DD'),
      startTime: timeField.describe('Start time, HH:MM local'),
      endTime: timeField.describe('End time, HH:MM local'),
      weekly: weeklySchema.nullable().describe('A weekly recurrence, or null'),
      monthly: monthlySchema.nullable().default(null).describe('Instead of weekly: a monthly recurrence'),
    })
    .nullable()
    .describe('Recurring hours on some days, in the practice’s zone, or null'),
  coveredAppointments: z
    .enum(['cancel', 'keep'])
    .optional()
    .describe(
      'What to do with the appointments the absence covers. Without it, an absence over appointments is ' +
        'refused with 409 CONFIRMATION_REQUIRED (reason absence_covers_appointments) listing them; ' +
        "'cancel' cancels them as the practice, with a notice to each patient; 'keep' keeps them on purpose.",
    ),
});

export type { CoveredAppointment } from './errors';

/** A staff member as the admin manages them (SET-3). */
export const staffUpdateBody = z.object({
  role: staffRoleSchema.optional().describe('admin, secretary or practitioner'),
  title: optionalText(20).describe('Title ("Dr")'),
  firstName: nameField.optional().describe('First name'),
  lastName: nameField.optional().describe('Last name'),
  speciality: optionalText(80).describe('Speciality'),
  colour: colourField.nullable().optional().describe('Colour, #RRGGBB'),
  activeInApp: z.boolean().optional().describe('Shown to patients in the patient app'),
  onlineBookingOpen: z.boolean().optional().describe('Takes online bookings'),
  /** practitioners whose agenda this member may see besides their own */
  agendaGrants: z
    .array(z.uuid())
    .max(100)
    .optional()
    .describe('Agendas this member may see and edit (practitioner staff ids)'),
});

export const practitionerSchema = z.object({
  id: z.uuid().describe('The practitioner (staff id)'),
  title: z.string().nullable().describe('Title ("Dr"), or null'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  speciality: z.string().nullable().describe('Speciality, or null'),
  colour: z.string().nullable().describe('Colour, #RRGGBB'),
  onlineBookingOpen: z.boolean().describe('Takes online bookings'),
  activeInApp: z.boolean().describe('Shown to patients in the patient app'),
});
export type Practitioner = z.infer<typeof practitionerSchema>;

/** A practitioner in the console's lists, and whether the caller may see their agenda. */
export const practitionerListSchema = z.object({
  items: z
    .array(practitionerSchema.extend({ visible: z.boolean().describe('The caller may see their agenda') }))
    .describe('The practice’s practitioners'),
});
export const locationListSchema = z.object({
  items: z.array(locationSchema).describe('The locations, by name'),
});
export const motifListSchema = z.object({
  items: z.array(motifSchema).describe('The motifs, in list order'),
});
export const openingRangeListSchema = z.object({
  items: z.array(openingRangeSchema).describe('The opening ranges'),
});
export const absenceListSchema = z.object({ items: z.array(absenceSchema).describe('The absences') });
