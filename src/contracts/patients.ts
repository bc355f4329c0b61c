import { z } from 'zod';
import { birthDateField } from './fields';
import { appointmentSchema } from './scheduling';

export const relationRoleSchema = z.enum(['parent1', 'parent2', 'guarantor']);

export const relatedPatientSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  mobilePhone: z.string().nullable(),
  role: relationRoleSchema,
});

/** A patient file as staff see it (PAT-1, PAT-2). */
export const patientDetailSchema = z.object({
  id: z.uuid(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
  mobilePhone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  ownPractitionerId: z.uuid().nullable(),
  referentIds: z.array(z.uuid()),
  notes: z.string().nullable(),
  appOptOut: z.boolean(),
  notificationChannel: z.enum(['sms', 'email', 'both']),
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
  lastName: z.string().trim().min(1).max(80),
  firstName: z.string().trim().min(1).max(80),
  birthDate: birthDateField,
  mobilePhone: optional(30),
  email: optional(254),
  addressLine: optional(200),
  postalCode: optional(10),
  city: optional(100),
  ownPractitionerId: z.uuid({ error: 'uuid' }).nullable().optional(),
  referentIds: z.array(z.uuid()).max(20).optional(),
  notes: optional(4000),
  notificationChannel: z.enum(['sms', 'email', 'both']).optional(),
  appOptOut: z.boolean().optional(),
  responsables: z
    .object({
      parent1Id: z.uuid({ error: 'uuid' }).nullable().optional(),
      parent2Id: z.uuid({ error: 'uuid' }).nullable().optional(),
      guarantorId: z.uuid({ error: 'uuid' }).nullable().optional(),
    })
    .optional(),
  /** save although a file with the same names and birth date exists */
  confirmDuplicate: z.boolean().optional(),
});

export const patientSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Name, first name, phone (any format), email or birth date (DD/MM/YYYY)'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(200).optional(),
});

export const patientSummarySchema = z.object({
  id: z.uuid(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
  mobilePhone: z.string().nullable(),
  email: z.string().nullable(),
  ownPractitionerId: z.uuid().nullable(),
  responsables: z.array(relatedPatientSchema),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const patientHistorySchema = z.object({
  counts: z.object({
    toFill: z.number().int().describe('Past, no status given yet'),
    seen: z.number().int(),
    upcoming: z.number().int(),
    excused: z.number().int(),
    notExcused: z.number().int(),
    cancelled: z.number().int().describe('Cancelled by the practice'),
  }),
  items: z.array(appointmentSchema),
});
export type PatientHistory = z.infer<typeof patientHistorySchema>;
