import { z } from 'zod';
import { emailField, passwordField } from './fields';

export const staffRoleSchema = z.enum(['admin', 'practitioner', 'secretary']).describe('Staff role');
export type StaffRoleName = z.infer<typeof staffRoleSchema>;

export const staffSignInBody = z.object({
  email: emailField,
  password: z.string().min(1).max(200).describe('Password'),
});

export const unlockBody = z.object({ password: z.string().min(1).max(200).describe('Password') });

export const staffMeSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  role: staffRoleSchema,
  locked: z.boolean().describe('The session is locked: the console must ask for the password'),
  practice: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    autoLockSeconds: z.number().int().describe('Inactivity before the console locks'),
    timeZone: z.string().describe('Times are shown in the practice’s zone, whatever the computer’s'),
  }),
});
export type StaffMe = z.infer<typeof staffMeSchema>;

export const invitationInfoSchema = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  practiceName: z.string(),
});
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;

export const acceptInvitationBody = z.object({
  token: z.string().min(10).max(200).describe('The token from the invitation link'),
  password: passwordField,
});
