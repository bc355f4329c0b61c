import { z } from 'zod';
import {
  birthDateField,
  emailField,
  idField,
  instantField,
  nameField,
  oneTimeCodeField,
  phoneInputField,
} from './fields';
import { publicPracticeSchema } from './practice';

/** A motif as patients see it on the booking page (SET-4): never the internal rules' numbers. */
export const publicMotifSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.string().nullable(),
  durationMinutes: z.number().int(),
  firstVisitDurationMinutes: z
    .number()
    .int()
    .nullable()
    .describe("A first visit's own length; the page then asks whether the patient has been seen before"),
  kind: z.enum(['on_site', 'phone', 'home']),
  instructionsBefore: z.string().nullable().describe('To accept before booking'),
  instructionsAfter: z.string().nullable().describe('Shown after booking and in the confirmation'),
  patientRestriction: z.enum(['all', 'new_only', 'existing_only']),
  followUpOnly: z.boolean(),
  practitionerIds: z.array(z.uuid()).describe('Practitioners who take this motif online'),
});
export type PublicMotif = z.infer<typeof publicMotifSchema>;

export const publicPractitionerSchema = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  speciality: z.string().nullable(),
});
export type PublicPractitioner = z.infer<typeof publicPractitionerSchema>;

export const bookingPageSchema = z.object({
  practice: publicPracticeSchema,
  bookingOpen: z.boolean().describe('False: nothing can be booked online; show the phone and hours'),
  motifs: z.array(publicMotifSchema),
  practitioners: z.array(publicPractitionerSchema),
});
export type BookingPage = z.infer<typeof bookingPageSchema>;

export const publicSlotQuery = z.object({
  motifId: idField,
  practitionerId: idField.optional().describe('Omit for "any practitioner"'),
  from: instantField.optional().describe('Default: now; the answer says where the first availability is'),
  days: z.coerce.number().int().min(1).max(14).default(7),
  firstVisit: z
    .enum(['true', 'false'])
    .optional()
    .describe("'true' for a patient who has never been seen at the practice: the motif's first-visit length"),
});

export const publicSlotSchema = z.object({
  start: z.string(),
  end: z.string(),
  options: z.array(z.object({ practitionerId: z.uuid(), locationId: z.uuid() })).describe('Who is free then'),
});
export type PublicSlot = z.infer<typeof publicSlotSchema>;

export const publicSlotPageSchema = z.object({
  from: z.string(),
  to: z.string(),
  slots: z.array(publicSlotSchema),
  /** the first availability after this page when it is empty, or the next page's start */
  nextFrom: z.string().nullable(),
  previousFrom: z.string().nullable(),
});
export type PublicSlotPage = z.infer<typeof publicSlotPageSchema>;

export const identifyBody = z.object({
  phone: phoneInputField,
  lastName: nameField,
  firstName: nameField,
  birthDate: birthDateField,
});

export const verifyBookingBody = z.object({ challengeId: idField, code: oneTimeCodeField });

export const bookingGrantSchema = z.object({
  bookingToken: z.string().describe('Send it with the booking, valid 30 minutes'),
  known: z.boolean().describe('The person has a file at the practice'),
  /** the person identified and their dependants: a parent may book for a child */
  family: z.array(
    z.object({
      id: z.uuid(),
      firstName: z.string(),
      lastName: z.string(),
      birthDate: z.string(),
      isSelf: z.boolean(),
    }),
  ),
});
export type BookingGrant = z.infer<typeof bookingGrantSchema>;

export const createBookingBody = z.object({
  bookingToken: z.string().min(10).max(200),
  motifId: idField,
  practitionerId: idField,
  locationId: idField,
  startsAt: instantField,
  /** a member of the family (known patients); omit for the person identified */
  patientId: idField.optional(),
  /** the rest of a new patient's file (seed 002 §4) */
  newPatient: z
    .object({
      email: emailField,
      addressLine: z.string().trim().min(1).max(200),
      postalCode: z.string().trim().min(1).max(10),
      city: z.string().trim().min(1).max(100),
      notificationChannel: z.enum(['sms', 'email', 'both']).optional(),
    })
    .optional(),
  /** the motif's instructions were read and accepted */
  acceptedInstructions: z.boolean().optional(),
});

/** What the confirmation page, the messages and the manage page show (BOOK-4). */
export const bookedAppointmentSchema = z.object({
  id: z.uuid(),
  manageToken: z.string(),
  status: z.enum(['unknown', 'waiting_room', 'seen', 'excused', 'not_excused', 'cancelled']),
  cancelled: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number().int(),
  motif: z.object({ id: z.uuid(), name: z.string(), instructionsAfter: z.string().nullable() }),
  practitioner: publicPractitionerSchema,
  location: z.object({ name: z.string(), address: z.string(), mapUrl: z.string() }),
  patient: z.object({ firstName: z.string(), lastName: z.string() }),
  practice: z.object({
    name: z.string(),
    slug: z.string(),
    phone: z.string().nullable(),
    timeZone: z.string(),
  }),
  /** moving or cancelling online is possible until then */
  changeableUntil: z.string().nullable(),
  canChange: z.boolean(),
});
export type BookedAppointment = z.infer<typeof bookedAppointmentSchema>;

export const moveBookingBody = z.object({ startsAt: instantField, locationId: idField.optional() });
