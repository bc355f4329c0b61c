import { z } from 'zod';

/**
 * Reusable field schemas. They normalise (trim, lower-case) and carry message keys (see
 * `i18n/messages.ts`), never user-facing text. They are pure: checks that need the clock or the
 * practice (a birth date in the future, a phone in the practice's country) live in the use cases.
 */

export const nameField = z.string().trim().min(1).max(80).describe('A person’s last or first name');

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'email' }))
  .describe('Email address');

/** A phone as typed by a person, national or international; normalised to E.164 by the use case. */
export const phoneInputField = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^\+?[0-9 ().\-/]+$/, { error: 'phone' })
  .describe('Phone number, national (06 12 34 56 78) or international (+33 6 12 34 56 78)');

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export const dateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })
  .refine(isRealDate, { error: 'date' })
  .describe('Calendar date, YYYY-MM-DD');

export const birthDateField = dateField
  .refine((value) => Number(value.slice(0, 4)) >= 1900, { error: 'birth_date_too_old' })
  .describe('Date of birth, YYYY-MM-DD');

const firstYear = 1900;
const lastYear = 2200;

/**
 * An instant, ISO 8601 with an offset, in the years an appointment can have: a far date
 * (`9999-12-31T00:00:00Z`) would otherwise reach the slot engine or PostgreSQL and fail there.
 */
export const instantField = z.iso
  .datetime({ offset: true, error: 'invalid_format' })
  .refine(
    (value) => {
      const year = new Date(value).getUTCFullYear();
      // a value that is no instant at all is already refused by the format check, once
      return Number.isNaN(year) || (year >= firstYear && year <= lastYear);
    },
    { error: 'date_out_of_range' },
  )
  .describe(`Instant, ISO 8601 with offset, years ${firstYear} to ${lastYear}`);

export const passwordField = z
  .string()
  .min(10, { error: 'password_weak' })
  .max(200)
  .describe('Password, at least 10 characters');

export const oneTimeCodeField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'code_format' })
  .describe('The 6-digit code received by SMS');

export const idField = z.uuid({ error: 'uuid' }).describe('Identifier');

export const slugField = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalid_format' })
  .describe('URL name of the practice');

/**
 * A NUL byte or a lone UTF-16 surrogate: PostgreSQL cannot store either in a text column, and neither
 * is ever typed by a person, so every text the API receives is refused with them (see `text-guard.ts`).
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !loneSurrogate.test(value);
}

/**
 * The path (`a.b.0`) of the first string in `value` (object keys included) that cannot be stored, or
 * `null` when every string can.
 */
export function firstUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path.join('.');
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, key].join('.');
    const found = firstUnstorableText(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The fields that name a patient file in an answer (spread into a response object). */
export const patientFileShape = {
  id: z.uuid().describe('The patient file'),
  lastName: z.string().describe('Last name'),
  firstName: z.string().describe('First name'),
  birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
};

/** A patient's contact details in an answer (spread into a response object). */
export const contactShape = {
  mobilePhone: z.string().nullable().describe('Mobile phone, E.164, or null'),
  email: z.string().nullable().describe('Email address, or null'),
};
