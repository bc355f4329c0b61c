import { z } from 'zod';

export const openingPeriodSchema = z.object({
  weekday: z.number().int().min(1).max(7).describe('1 = Monday … 7 = Sunday'),
  opens: z
    .string()
    .regex(/^\d{2}:\d{2}$/, { error: 'time' })
    .describe('Opening time, HH:MM local'),
  closes: z
    .string()
    .regex(/^\d{2}:\d{2}$/, { error: 'time' })
    .describe('Closing time, HH:MM local'),
});

export const publicLocationSchema = z.object({
  id: z.uuid().describe('The location'),
  name: z.string().describe('Name of the location'),
  addressLine: z.string().describe('Street address'),
  postalCode: z.string().describe('Postal code'),
  city: z.string().describe('City'),
  phone: z.string().nullable().describe('Phone of the location, E.164, or null'),
  mapUrl: z.string().describe('Opens the address in a map'),
});

/** What anyone may know of a practice (SET-1, SET-2): never any patient data. */
export const publicPracticeSchema = z.object({
  id: z.uuid().describe('The practice'),
  slug: z.string().describe('URL name of the practice'),
  name: z.string().describe('Name of the practice'),
  phone: z.string().nullable().describe('Phone, E.164, or null'),
  email: z.string().nullable().describe('Email address, or null'),
  addressLine: z.string().nullable().describe('Street address, or null'),
  postalCode: z.string().nullable().describe('Postal code, or null'),
  city: z.string().nullable().describe('City, or null'),
  country: z.enum(['FR', 'CH']).describe('Country, ISO 3166-1 alpha-2'),
  mapUrl: z.string().nullable().describe('Opens the address in a map, or null without an address'),
  timeZone: z.string().describe('IANA time zone of the practice (Europe/Paris)'),
  openingHours: z.array(openingPeriodSchema).describe('Opening hours per weekday'),
  locations: z.array(publicLocationSchema).describe('Where the practice receives patients'),
});
export type PublicPractice = z.infer<typeof publicPracticeSchema>;

export const practiceSummarySchema = z.object({
  slug: z.string().describe('URL name of the practice'),
  name: z.string().describe('Name of the practice'),
  city: z.string().nullable().describe('City, or null'),
});
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;

export const practiceListSchema = z.object({
  items: z.array(practiceSummarySchema).describe('Practices hosted here, by name'),
});
