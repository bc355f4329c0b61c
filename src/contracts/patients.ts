import { z } from 'zod';
import { pageOf } from './common';
import { birthDateField, contactShape, patientFileShape } from './fields';
import { appointmentSchema } from './scheduling';

export const relationRoleSchema = z.enum(['parent1', 'parent2', 'guarantor']);

export const relatedPatientSchema = z.object({
  id: z.uuid().describe('The related patient file'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
  mobilePhone: z.string().nullable().describe('Mobile phone, E.164, or null'),
  role: relationRoleSchema.describe('parent1, parent2 or guarantor'),
});

/** A patient file as staff see it (PAT-1, PAT-2). */
export const patientDetailSchema = z.object({
  ...patientFileShape,
  ...contactShape,
  addressLine: z.string().nullable().describe('Street address, or null'),
  postalCode: z.string().nullable().describe('Postal code, or null'),
  city: z.string().nullable().describe('City, or null'),
  ownPractitionerId: z.uuid().nullable().describe('The patient’s own dentist (staff id), or null'),
  referentIds: z.array(z.uuid()).describe('Other practitioners who follow the patient (staff ids)'),
  notes: z.string().nullable().describe('Free notes of the practice, never shown to the patient'),
  appOptOut: z.boolean().describe('True: the patient refused the patient app (SEC-3)'),
  notificationChannel: z.enum(['sms', 'email', 'both']).describe('How the patient receives notices'),
  responsables: z.array(relatedPatientSchema).describe('Parents and guarantor of this patient'),
  dependants: z.array(relatedPatientSchema).describe('Patients this one is a responsable of; role is theirs'),
});
export type PatientDetail = z.infer<typeof patientDetailSchema>;

const optional = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * A patient file as the front desk enters it (seed 002 §4): names, birth date, mobile, email and postal
 * address are required — except for a dependant, who is reached through a responsable.
 */
export const patientBody = z.object({
  lastName: z.string().trim().min(1).max(80).describe('Last name'),
  firstName: z.string().trim().min(1).max(80).describe('First name'),
  birthDate: birthDateField,
  mobilePhone: optional(30).describe(
    'Mobile phone as typed, normalised to E.164; required unless a dependant',
  ),
  email: optional(254).describe('Email address; required unless a dependant'),
  addressLine: optional(200).describe('Street address; required unless a dependant'),
  postalCode: optional(10).describe('Postal code, checked against the practice’s country'),
  city: optional(100).describe('City'),
  ownPractitionerId: z
    .uuid({ error: 'uuid' })
    .nullable()
    .optional()
    .describe('The patient’s own dentist (staff id)'),
  referentIds: z.array(z.uuid()).max(20).optional().describe('Other practitioners who follow the patient'),
  notes: optional(4000).describe('Free notes of the practice, never shown to the patient'),
  notificationChannel: z
    .enum(['sms', 'email', 'both'])
    .optional()
    .describe('How the patient receives notices'),
  appOptOut: z.boolean().optional().describe('True: the patient refuses the patient app (SEC-3)'),
  responsables: z
    .object({
      parent1Id: z
        .uuid({ error: 'uuid' })
        .nullable()
        .optional()
        .describe('First parent’s patient file, or null'),
      parent2Id: z
        .uuid({ error: 'uuid' })
        .nullable()
        .optional()
        .describe('Second parent’s patient file, or null'),
      guarantorId: z
        .uuid({ error: 'uuid' })
        .nullable()
        .optional()
        .describe('Guarantor’s patient file, or null'),
    })
    .optional()
    .describe('The patient’s responsables (patient files of the practice)'),
  confirmDuplicate: z
    .boolean()
    .optional()
    .describe('True: save although a file with the same names and birth date exists'),
});

export const patientSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Name, first name, phone (any format), email or birth date (DD/MM/YYYY)'),
  limit: z.coerce.number().int().min(1).max(50).default(20).describe('Patients per page (max 50)'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

export const patientSummarySchema = z.object({
  ...patientFileShape,
  ...contactShape,
  ownPractitionerId: z.uuid().nullable().describe('The patient’s own dentist (staff id), or null'),
  responsables: z.array(relatedPatientSchema).describe('Parents and guarantor of this patient'),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;
export const patientSummaryPageSchema = pageOf(patientSummarySchema);

export const patientHistorySchema = z.object({
  counts: z
    .object({
      toFill: z.number().int().describe('Past, no status given yet'),
      seen: z.number().int().describe('Past and seen'),
      upcoming: z.number().int().describe('Not started yet'),
      excused: z.number().int().describe('Missed with an excuse'),
      notExcused: z.number().int().describe('Missed without an excuse'),
      cancelled: z.number().int().describe('Cancelled by the practice'),
    })
    .describe('The patient’s appointments by outcome'),
  items: z.array(appointmentSchema).describe('The appointments, latest first'),
});
export type PatientHistory = z.infer<typeof patientHistorySchema>;
