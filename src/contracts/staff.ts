import { z } from 'zod';
import { emailField, nameField } from './fields';
import { staffRoleSchema } from './staff-auth';

export const inviteStaffBody = z.object({
  email: emailField,
  role: staffRoleSchema,
  title: z.string().trim().max(20).optional().describe('Title shown to patients, e.g. "Dr"'),
  firstName: nameField,
  lastName: nameField,
  speciality: z.string().trim().max(80).optional().describe('e.g. "Chirurgien-dentiste", "Orthodontiste"'),
});

export const staffMemberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: staffRoleSchema,
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  speciality: z.string().nullable(),
  activeInApp: z.boolean(),
  onlineBookingOpen: z.boolean(),
  colour: z.string().nullable(),
  agendaGrants: z.array(z.uuid()).describe('Practitioners whose agenda this member sees besides their own'),
  status: z.enum(['invited', 'active']).describe('invited: has not set a password yet'),
  lastSignInAt: z.iso.datetime().nullable(),
  twoFactor: z.boolean().describe('Signs in with a code from an authenticator app besides the password'),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
