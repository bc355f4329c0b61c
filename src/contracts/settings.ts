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
  name: z.string().trim().min(1).max(120),
  phone: z.string().nullable().describe('E.164; shown to patients'),
  email: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.enum(['FR', 'CH']),
  region: z.string().nullable().describe('Swiss canton code (VD, GE…) for public holidays'),
  timeZone: z.string(),
  openingHours: z.array(openingPeriodSchema),
  autoLockMinutes: z.number().int().describe('Console lock after inactivity'),
  slotGridMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30)]),
  onlineBookingOpen: z.boolean(),
  closedOnPublicHolidays: z.boolean(),
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
  feedPatientDetail: feedPatientDetailSchema,
  waitlistEnabled: z.boolean().describe('Freed slots are offered to waiting patients (RDV-10)'),
  staffMfaRequired: z
    .boolean()
    .describe('Every staff member signs in with an authenticator app; those without one enrol first'),
});
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const updatePracticeSettingsBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    phone: phoneInputField.nullable(),
    email: emailField.nullable(),
    addressLine: optionalText(200),
    postalCode: optionalText(10),
    city: optionalText(100),
    country: z.enum(['FR', 'CH']),
    region: z.string().trim().max(10).nullable(),
    timeZone: z.enum(['Europe/Paris', 'Europe/Zurich']),
    openingHours: z.array(openingPeriodSchema).max(28),
    autoLockMinutes: z.number().int().min(1).max(240),
    slotGridMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30)]),
    onlineBookingOpen: z.boolean(),
    closedOnPublicHolidays: z.boolean(),
    excusedNoticeHours: z.number().int().min(1).max(168).nullable(),
    cancellationCutoffHours: z.number().int().min(0).max(720),
    reminderHoursBefore: z.number().int().min(1).max(168),
    feedPatientDetail: feedPatientDetailSchema,
    waitlistEnabled: z.boolean(),
    staffMfaRequired: z.boolean(),
  })
  .partial();

export const locationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  mapUrl: z.string().nullable(),
});
export type Location = z.infer<typeof locationSchema>;

export const locationBody = z.object({
  name: z.string().trim().min(1).max(120),
  addressLine: z.string().trim().min(1).max(200),
  postalCode: z.string().trim().min(1).max(10),
  city: z.string().trim().min(1).max(100),
  phone: phoneInputField.nullable().optional(),
  mapUrl: z.url({ error: 'invalid_format' }).nullable().optional(),
});

export const motifKindSchema = z.enum(['on_site', 'phone', 'home']);
export const patientRestrictionSchema = z.enum(['all', 'new_only', 'existing_only']);

/** An appointment type with its booking rules (SET-4). */
export const motifSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.string().nullable(),
  durationMinutes: z.number().int(),
  firstVisitDurationMinutes: z.number().int().nullable(),
  colour: z.string(),
  kind: motifKindSchema,
  onlineBookable: z.boolean(),
  minBookingDelayMinutes: z.number().int(),
  maxBookingDelayDays: z.number().int().nullable(),
  patientRestriction: patientRestrictionSchema,
  followUpOnly: z.boolean(),
  bookableBySecretary: z.boolean(),
  notificationsEnabled: z.boolean(),
  instructionsBefore: z.string().nullable(),
  instructionsAfter: z.string().nullable(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  position: z.number().int(),
});
export type Motif = z.infer<typeof motifSchema>;

export const motifBody = z.object({
  name: z.string().trim().min(1).max(120),
  category: optionalText(80),
  durationMinutes: z.number().int().min(5).max(600),
  firstVisitDurationMinutes: z.number().int().min(5).max(600).nullable().optional(),
  colour: colourField.optional(),
  kind: motifKindSchema.optional(),
  onlineBookable: z.boolean().optional(),
  minBookingDelayMinutes: z.number().int().min(0).max(525_600).optional(),
  maxBookingDelayDays: z.number().int().min(1).max(730).nullable().optional(),
  patientRestriction: patientRestrictionSchema.optional(),
  followUpOnly: z.boolean().optional(),
  bookableBySecretary: z.boolean().optional(),
  notificationsEnabled: z.boolean().optional(),
  instructionsBefore: optionalText(4000),
  instructionsAfter: optionalText(4000),
  bufferBeforeMinutes: z.number().int().min(0).max(240).optional(),
  bufferAfterMinutes: z.number().int().min(0).max(240).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
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
  id: z.uuid(),
  practitionerId: z.uuid(),
  locationId: z.uuid(),
  title: z.string().nullable(),
  firstDay: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  weekly: weeklySchema.nullable(),
  monthly: monthlySchema.nullable(),
  motifIds: z.array(z.uuid()).describe('Empty: every motif'),
  rrule: z.string().nullable().describe('The recurrence as an iCalendar RRULE'),
});
export type OpeningRange = z.infer<typeof openingRangeSchema>;

export const openingRangeBody = z.object({
  practitionerId: z.uuid({ error: 'uuid' }),
  locationId: z.uuid({ error: 'uuid' }),
  title: optionalText(120),
  firstDay: dateField,
  startTime: timeField,
  endTime: timeField,
  weekly: weeklySchema.nullable(),
  monthly: monthlySchema.nullable().default(null).describe('Instead of weekly: a monthly recurrence'),
  motifIds: z.array(z.uuid()).max(200).default([]),
});

/** An absence (SET-6): one-off between two local date-times, or recurring hours on weekdays. */
export const absenceSchema = z.object({
  id: z.uuid(),
  practitionerId: z.uuid(),
  title: z.string(),
  oneOff: z.object({ startsAt: instantField, endsAt: instantField }).nullable(),
  recurring: z
    .object({
      firstDay: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      weekly: weeklySchema.nullable(),
      monthly: monthlySchema.nullable(),
    })
    .nullable(),
});
export type Absence = z.infer<typeof absenceSchema>;

export const absenceBody = z.object({
  practitionerId: z.uuid({ error: 'uuid' }),
  title: z.string().trim().min(1).max(120),
  oneOff: z
    .object({
      startDay: dateField,
      startTime: timeField,
      endDay: dateField,
      endTime: timeField,
    })
    .nullable(),
  recurring: z
    .object({
      firstDay: dateField,
      startTime: timeField,
      endTime: timeField,
      weekly: weeklySchema.nullable(),
      monthly: monthlySchema.nullable().default(null).describe('Instead of weekly: a monthly recurrence'),
    })
    .nullable(),
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
  role: staffRoleSchema.optional(),
  title: optionalText(20),
  firstName: nameField.optional(),
  lastName: nameField.optional(),
  speciality: optionalText(80),
  colour: colourField.nullable().optional(),
  activeInApp: z.boolean().optional(),
  onlineBookingOpen: z.boolean().optional(),
  /** practitioners whose agenda this member may see besides their own */
  agendaGrants: z.array(z.uuid()).max(100).optional(),
});

export const practitionerSchema = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  speciality: z.string().nullable(),
  colour: z.string().nullable(),
  onlineBookingOpen: z.boolean(),
  activeInApp: z.boolean(),
});
export type Practitioner = z.infer<typeof practitionerSchema>;
