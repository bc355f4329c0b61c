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
  id: z.uuid().describe('The motif'),
  name: z.string().describe('The motif’s name'),
  category: z.string().nullable().describe('Category the page groups motifs by, or null'),
  durationMinutes: z.number().int().describe('Length, in minutes'),
  firstVisitDurationMinutes: z
    .number()
    .int()
    .nullable()
    .describe("A first visit's own length; the page then asks whether the patient has been seen before"),
  kind: z.enum(['on_site', 'phone', 'home']).describe('on_site, phone (a call) or home (a home visit)'),
  instructionsBefore: z.string().nullable().describe('To accept before booking'),
  instructionsAfter: z.string().nullable().describe('Shown after booking and in the confirmation'),
  patientRestriction: z
    .enum(['all', 'new_only', 'existing_only'])
    .describe('all; new_only: patients never seen at the practice; existing_only: patients already followed'),
  followUpOnly: z.boolean().describe('Booked online only with the patient’s own practitioner'),
  practitionerIds: z.array(z.uuid()).describe('Practitioners who take this motif online'),
});
export type PublicMotif = z.infer<typeof publicMotifSchema>;

export const publicPractitionerSchema = z.object({
  id: z.uuid().describe('The practitioner (staff id)'),
  title: z.string().nullable().describe('Title ("Dr"), or null'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  speciality: z.string().nullable().describe('Speciality, or null'),
});
export type PublicPractitioner = z.infer<typeof publicPractitionerSchema>;

export const bookingPageSchema = z.object({
  practice: publicPracticeSchema.describe('The practice'),
  bookingOpen: z.boolean().describe('False: nothing can be booked online; show the phone and hours'),
  motifs: z.array(publicMotifSchema).describe('Motifs open online'),
  practitioners: z.array(publicPractitionerSchema).describe('Practitioners who take bookings online'),
});
export type BookingPage = z.infer<typeof bookingPageSchema>;

export const publicSlotQuery = z.object({
  motifId: idField.describe('The motif to book'),
  practitionerId: idField.optional().describe('Omit for "any practitioner"'),
  from: instantField.optional().describe('Default: now; the answer says where the first availability is'),
  days: z.coerce.number().int().min(1).max(14).default(7).describe('Days per page (1 to 14)'),
  firstVisit: z
    .enum(['true', 'false'])
    .optional()
    .describe("'true' for a patient who has never been seen at the practice: the motif's first-visit length"),
});

export const publicSlotSchema = z.object({
  start: z.string().describe('Start instant, ISO 8601 in UTC'),
  end: z.string().describe('End instant, ISO 8601 in UTC'),
  options: z
    .array(
      z.object({
        practitionerId: z.uuid().describe('A practitioner free then'),
        locationId: z.uuid().describe('Where that practitioner receives then'),
      }),
    )
    .describe('Who is free then, and where'),
});
export type PublicSlot = z.infer<typeof publicSlotSchema>;

export const publicSlotPageSchema = z.object({
  from: z.string().describe('Start of this page, ISO 8601 in UTC'),
  to: z.string().describe('End of this page, ISO 8601 in UTC'),
  slots: z.array(publicSlotSchema).describe('Free slots, by start'),
  /** the first availability after this page when it is empty, or the next page's start */
  nextFrom: z
    .string()
    .nullable()
    .describe(
      'The first availability after this page when it is empty, or the next page’s start; null: none',
    ),
  previousFrom: z.string().nullable().describe('Start of the previous page, or null'),
});
export type PublicSlotPage = z.infer<typeof publicSlotPageSchema>;

export const identifyBody = z.object({
  phone: phoneInputField.describe('Phone, E.164'),
  lastName: nameField.describe('Last name'),
  firstName: nameField.describe('First name'),
  birthDate: birthDateField.describe('Date of birth, YYYY-MM-DD'),
});

export const verifyBookingBody = z.object({
  challengeId: idField.describe('The code challenge, from the identify step'),
  code: oneTimeCodeField,
});

export const bookingGrantSchema = z.object({
  bookingToken: z.string().describe('Send it with the booking, valid 30 minutes'),
  known: z.boolean().describe('The person has a file at the practice'),
  /** the person identified and their dependants: a parent may book for a child */
  family: z
    .array(
      z.object({
        id: z.uuid().describe('The family member’s patient file'),
        firstName: z.string().describe('First name'),
        lastName: z.string().describe('Last name'),
        birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
        isSelf: z.boolean().describe('The person identified themselves'),
      }),
    )
    .describe('The person identified and their dependants: a parent may book for a child'),
});
export type BookingGrant = z.infer<typeof bookingGrantSchema>;

export const createBookingBody = z.object({
  bookingToken: z
    .string()
    .min(10)
    .max(200)
    .describe('The token of the verified identity (bookingGrant.bookingToken)'),
  motifId: idField.describe('The motif to book'),
  practitionerId: idField.describe('The practitioner (staff id)'),
  locationId: idField.describe('Where the appointment takes place'),
  startsAt: instantField.describe('Start instant, ISO 8601 with offset'),
  /** a member of the family (known patients); omit for the person identified */
  patientId: idField
    .optional()
    .describe('A member of the family (known patients); omit for the person identified'),
  /** the rest of a new patient's file (seed 002 §4) */
  newPatient: z
    .object({
      email: emailField.describe('Email address'),
      addressLine: z.string().trim().min(1).max(200).describe('Street address'),
      postalCode: z.string().trim().min(1).max(10).describe('Postal code'),
      city: z.string().trim().min(1).max(100).describe('City'),
      notificationChannel: z
        .enum(['sms', 'email', 'both'])
        .optional()
        .describe('How the patient receives notices; default sms'),
    })
    .optional()
    .describe('The rest of a new patient’s file (seed 002 §4); omit for a known patient'),
  /** the motif's instructions were read and accepted */
  acceptedInstructions: z.boolean().optional().describe('The motif’s instructions were read and accepted'),
});

/** What the confirmation page, the messages and the manage page show (BOOK-4). */
export const bookedAppointmentSchema = z.object({
  id: z.uuid().describe('The appointment'),
  manageToken: z.string().describe('Token of the manage link (move, cancel) sent to the patient'),
  status: z
    .enum(['unknown', 'waiting_room', 'seen', 'excused', 'not_excused', 'cancelled'])
    .describe('Where the appointment stands (RDV-7)'),
  cancelled: z.boolean().describe('The appointment is cancelled'),
  startsAt: z.string().describe('Start instant, ISO 8601 in UTC'),
  endsAt: z.string().describe('End instant, ISO 8601 in UTC'),
  durationMinutes: z.number().int().describe('Length, in minutes'),
  motif: z
    .object({
      id: z.uuid().describe('The motif'),
      name: z.string().describe('The motif’s name'),
      instructionsAfter: z.string().nullable().describe('Instructions to follow after booking, or null'),
    })
    .describe('The motif'),
  practitioner: publicPractitionerSchema.describe('The practitioner'),
  location: z
    .object({
      name: z.string().describe('Name of the location'),
      address: z.string().describe('Postal address on one line'),
      mapUrl: z.string().describe('Opens the address in a map'),
    })
    .describe('Where the appointment takes place'),
  patient: z
    .object({ firstName: z.string().describe('First name'), lastName: z.string().describe('Last name') })
    .describe('Who the appointment is for'),
  practice: z
    .object({
      name: z.string().describe('Name of the practice'),
      slug: z.string().describe('URL name of the practice'),
      phone: z.string().nullable().describe('Phone, E.164'),
      timeZone: z.string().describe('IANA time zone of the practice (Europe/Paris)'),
    })
    .describe('The practice'),
  /** moving or cancelling online is possible until then */
  changeableUntil: z
    .string()
    .nullable()
    .describe('Moving or cancelling online is possible until then, ISO 8601 in UTC; null: not online'),
  canChange: z.boolean().describe('Moving or cancelling online is possible now'),
});
export type BookedAppointment = z.infer<typeof bookedAppointmentSchema>;

export const moveBookingBody = z.object({
  startsAt: instantField.describe('New start instant, ISO 8601 with offset'),
  locationId: idField
    .optional()
    .describe('Location to move to; default: any where the practitioner receives then'),
});
