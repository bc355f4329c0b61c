import { z } from 'zod';
import { emailField, nameField, passwordField } from './fields';

/** The time zones an IANA-aware runtime knows (Europe/Paris, Europe/Zurich, Indian/Reunion…). */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/');
  } catch {
    return false;
  }
}

export const setupTokenField = z
  .string()
  .min(10)
  .max(200)
  .describe('The token of the one-time link printed at the first start (after `#` or `?token=`)');

export const setupInspectBody = z.object({ token: setupTokenField });

export const setupInfoSchema = z.object({
  expiresAt: z.string().describe('When the link stops working (ISO 8601)'),
});
export type SetupInfo = z.infer<typeof setupInfoSchema>;

/** What the first-administrator page sends: the practice, then the person who will run it. */
export const firstAdminBody = z.object({
  token: setupTokenField.describe('Opaque token'),
  practiceName: z.string().trim().min(2).max(100).describe('The practice’s name, shown to patients'),
  country: z.enum(['FR', 'CH'], { error: 'invalid_choice' }).describe('FR or CH: holidays, phone numbers'),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, { error: 'invalid_choice' })
    .describe('IANA time zone of the practice (Europe/Paris, Europe/Zurich)'),
  firstName: nameField.describe('The administrator’s first name'),
  lastName: nameField.describe('The administrator’s last name'),
  email: emailField.describe('The administrator’s email: the sign-in name'),
  password: passwordField.describe('Password of the first admin, at least 10 characters'),
});
export type FirstAdminInput = z.infer<typeof firstAdminBody>;
