import { z } from 'zod';
import { emailField, passwordField } from './fields';

export const staffRoleSchema = z.enum(['admin', 'practitioner', 'secretary']).describe('Staff role');
export type StaffRoleName = z.infer<typeof staffRoleSchema>;

export const staffSignInBody = z.object({
  email: emailField.describe('Email address (sign-in name)'),
  password: z.string().min(1).max(200).describe('Password'),
});

/** POST /api/staff/invitations/inspect: the token travels in the body, not the URL. */
export const invitationInspectBody = z.object({
  token: z.string().min(10).max(200).describe('The token from the invitation link'),
});

export const unlockBody = z.object({ password: z.string().min(1).max(200).describe('Password') });

export const staffMeSchema = z.object({
  id: z.uuid().describe('The staff member'),
  email: z.string().describe('Email address (sign-in name)'),
  title: z.string().nullable().describe('Title ("Dr"), or null'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  role: staffRoleSchema.describe('admin, secretary or practitioner'),
  locked: z.boolean().describe('The session is locked: the console must ask for the password'),
  mfa: z
    .object({
      enabled: z.boolean().describe('Two-factor sign-in is on for this account'),
      enrolmentRequired: z
        .boolean()
        .describe('The practice requires two-factor sign-in and this account has none yet: enrol first'),
    })
    .describe('Two-factor sign-in of this account'),
  practice: z
    .object({
      id: z.uuid().describe('The practice'),
      slug: z.string().describe('URL name of the practice'),
      name: z.string().describe('Name of the practice'),
      autoLockSeconds: z.number().int().describe('Inactivity before the console locks'),
      timeZone: z.string().describe('Times are shown in the practice’s zone, whatever the computer’s'),
    })
    .describe('The practice the member works at'),
});
export type StaffMe = z.infer<typeof staffMeSchema>;

export const invitationInfoSchema = z.object({
  email: z.string().describe('Email address (sign-in name)'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  practiceName: z.string().describe('Name of the practice'),
});
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;

export const acceptInvitationBody = z.object({
  token: z.string().min(10).max(200).describe('The token from the invitation link'),
  password: passwordField.describe('Password'),
});

export const mfaChallengeSchema = z.object({
  mfaRequired: z
    .literal(true)
    .describe('The password was right; the second factor is asked next (POST /api/staff/sign-in/mfa)'),
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;

export const staffSignInAnswer = z.union([staffMeSchema, mfaChallengeSchema]);
export type StaffSignInAnswer = z.infer<typeof staffSignInAnswer>;

export const secondFactorField = z
  .string()
  .trim()
  .regex(/^(\d{6}|[A-Za-z0-9][A-Za-z0-9 -]{8,18})$/, { error: 'mfa_code_format' })
  .describe('The 6-digit code of the authenticator app, or one of the recovery codes');

export const mfaCodeBody = z.object({ code: secondFactorField });

export const totpEnrolmentSchema = z.object({
  secret: z.string().describe('The secret in base32, for typing into the app by hand'),
  uri: z.string().describe('The otpauth:// URI the QR code holds'),
  qrSvg: z.string().describe('The QR code of `uri`, as an SVG document'),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const confirmTotpBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'code_format' })
    .describe('The 6-digit code the app shows now'),
  password: z.string().min(1).max(200).describe('Current password'),
});

export const recoveryCodesSchema = z.object({
  recoveryCodes: z
    .array(z.string())
    .describe('Ten one-time codes, shown once: each signs in once without the app'),
});
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const disableTotpBody = z.object({
  password: z.string().min(1).max(200).describe('Current password'),
  code: secondFactorField.describe('The 6-digit code received'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200).describe('Current password'),
  newPassword: passwordField.describe('New password, at least 10 characters'),
});

export const passwordResetRequestBody = z.object({ email: emailField });

export const passwordResetBody = z.object({
  token: z.string().min(10).max(200).describe('The token from the emailed link'),
  password: passwordField.describe('Password'),
});
