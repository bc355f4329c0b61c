import { z } from 'zod';
import { emailField, nameField } from './fields';
import { staffRoleSchema } from './staff-auth';

export const inviteStaffBody = z.object({
  email: emailField.describe('Email address'),
  role: staffRoleSchema.describe('admin, secretary or practitioner'),
  title: z.string().trim().max(20).optional().describe('Title shown to patients, e.g. "Dr"'),
  firstName: nameField.describe('First name'),
  lastName: nameField.describe('Last name'),
  speciality: z.string().trim().max(80).optional().describe('e.g. "Chirurgien-dentiste", "Orthodontiste"'),
});

export const staffMemberSchema = z.object({
  id: z.uuid().describe('The staff member'),
  email: z.string().describe('Email address'),
  role: staffRoleSchema.describe('admin, secretary or practitioner'),
  title: z.string().nullable().describe('Title ("Dr"), or null'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  speciality: z.string().nullable().describe('Speciality, or null'),
  activeInApp: z.boolean().describe('Shown to patients in the patient app'),
  onlineBookingOpen: z.boolean().describe('Takes online bookings'),
  colour: z.string().nullable().describe('Colour, #RRGGBB'),
  agendaGrants: z.array(z.uuid()).describe('Practitioners whose agenda this member sees besides their own'),
  status: z.enum(['invited', 'active']).describe('invited: has not set a password yet'),
  lastSignInAt: z.iso.datetime().nullable().describe('Last sign-in, ISO 8601 in UTC, or null'),
  twoFactor: z.boolean().describe('Signs in with a code from an authenticator app besides the password'),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListSchema = z.object({
  items: z.array(staffMemberSchema).describe('The practice’s staff'),
});
export const invitedStaffSchema = z.object({ staffId: z.uuid().describe('The invited member (staff id)') });
