import { z } from 'zod';

export const openingPeriodSchema = z.object({
  weekday: z.number().int().min(1).max(7).describe('1 = Monday … 7 = Sunday'),
  opens: z.string().regex(/^\d{2}:\d{2}$/, { error: 'time' }),
  closes: z.string().regex(/^\d{2}:\d{2}$/, { error: 'time' }),
});

export const publicLocationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  mapUrl: z.string().describe('Opens the address in a map'),
});

/** What anyone may know of a practice (SET-1, SET-2): never any patient data. */
export const publicPracticeSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.enum(['FR', 'CH']),
  mapUrl: z.string().nullable(),
  timeZone: z.string(),
  openingHours: z.array(openingPeriodSchema),
  locations: z.array(publicLocationSchema),
});
export type PublicPractice = z.infer<typeof publicPracticeSchema>;

export const practiceSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  city: z.string().nullable(),
});
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;
