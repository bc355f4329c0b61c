import { z } from 'zod';
import { bookedAppointmentSchema } from './booking';
import { dateField, idField } from './fields';

/** A patient waiting for an earlier slot (RDV-10). */
export const waitlistEntrySchema = z.object({
  id: z.uuid().describe('The waiting-list entry'),
  patient: z
    .object({
      id: z.uuid().describe('The patient file'),
      firstName: z.string().describe('First name'),
      lastName: z.string().describe('Last name'),
      birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
    })
    .describe('The patient'),
  motif: z
    .object({ id: z.uuid().describe('The motif'), name: z.string().describe('The motif’s name') })
    .describe('The motif'),
  practitionerId: z.uuid().nullable().describe('Null: any practitioner'),
  fromDay: z.string().describe('YYYY-MM-DD, inclusive'),
  toDay: z.string().describe('YYYY-MM-DD, inclusive'),
  status: z
    .enum(['active', 'fulfilled', 'cancelled', 'expired'])
    .describe('active, fulfilled, cancelled or expired'),
  offersSent: z.number().int().describe('At most 3 per request'),
  lastOfferAt: z.string().nullable().describe('When a slot was last offered, ISO 8601 in UTC, or null'),
  createdBy: z.enum(['staff', 'patient']).describe('Who added the entry'),
  createdAt: z.string().describe('When it was created, ISO 8601 in UTC'),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const waitlistEntryBody = z.object({
  patientId: idField.describe('The patient file'),
  motifId: idField.describe('The motif'),
  practitionerId: idField.nullable().optional().describe('The practitioner (staff id)'),
  fromDay: dateField.describe('Earliest day wished, YYYY-MM-DD'),
  toDay: dateField.describe('Latest day wished, YYYY-MM-DD'),
});

export const waitlistQuery = z.object({
  status: z
    .enum(['active', 'fulfilled', 'cancelled', 'expired'])
    .optional()
    .describe('Only entries in this status; default: all'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

/** A patient joins the waiting list online, with the booking token of their verified phone. */
export const publicWaitlistBody = z.object({
  bookingToken: z
    .string()
    .min(10)
    .max(200)
    .describe('The token of the verified identity (bookingGrant.bookingToken)'),
  patientId: idField.optional().describe('A member of the family; omit for the person identified'),
  motifId: idField.describe('The motif'),
  practitionerId: idField.nullable().optional().describe('The practitioner (staff id)'),
  fromDay: dateField.describe('Earliest day wished, YYYY-MM-DD'),
  toDay: dateField.describe('Latest day wished, YYYY-MM-DD'),
});

/** A freed slot offered by SMS/email with a link (RDV-10); the first to accept books it. */
export const offerSchema = z.object({
  status: z.enum(['open', 'accepted', 'taken', 'expired']).describe('open, accepted, taken or expired'),
  startsAt: z.string().describe('Start instant, ISO 8601'),
  endsAt: z.string().describe('End instant, ISO 8601'),
  expiresAt: z.string().describe('When it expires, ISO 8601 in UTC'),
  motif: z
    .object({
      name: z.string().describe('The motif’s name'),
      instructionsBefore: z.string().nullable().describe('Instructions to accept before booking, or null'),
    })
    .describe('The motif'),
  practitioner: z
    .object({
      title: z.string().nullable().describe('Title ("Dr"), or null'),
      firstName: z.string().describe('First name'),
      lastName: z.string().describe('Last name'),
      speciality: z.string().nullable().describe('Speciality, or null'),
    })
    .describe('The practitioner'),
  location: z
    .object({
      name: z.string().describe('Name of the location'),
      address: z.string().describe('Postal address on one line'),
      mapUrl: z.string().describe('Opens the address in a map'),
    })
    .describe('The location'),
  patient: z.object({ firstName: z.string().describe('First name') }).describe('The patient'),
  practice: z
    .object({
      name: z.string().describe('Name of the practice'),
      slug: z.string().describe('URL name of the practice'),
      phone: z.string().nullable().describe('Phone, E.164'),
      timeZone: z.string().describe('IANA time zone of the practice (Europe/Paris)'),
    })
    .describe('The practice'),
});
export type Offer = z.infer<typeof offerSchema>;

export const acceptOfferBody = z.object({
  acceptedInstructions: z.boolean().optional().describe('The motif’s instructions were read and accepted'),
});
export const acceptedOfferSchema = bookedAppointmentSchema;
