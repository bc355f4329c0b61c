import { z } from 'zod';
import { birthDateField, idField, nameField, oneTimeCodeField, phoneInputField, slugField } from './fields';
import { appModulesSchema } from './patient-app';

export const patientSignInStartBody = z.object({
  practice: slugField,
  phone: phoneInputField,
  lastName: nameField,
  firstName: nameField,
  birthDate: birthDateField,
});

export const codeChallengeSchema = z.object({
  challengeId: z.uuid().describe('Pass it back with the code'),
  maskedPhone: z.string().describe('Where the code was sent, e.g. +33 6 •• •• •• 78'),
  resendAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});
export type CodeChallenge = z.infer<typeof codeChallengeSchema>;

export const patientSignInVerifyBody = z.object({ challengeId: idField, code: oneTimeCodeField });
export const resendCodeBody = z.object({ challengeId: idField });

export const familyMemberSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  /** The person whose identity was verified at sign-in. */
  isSelf: z.boolean(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

export const patientMeSchema = z.object({
  maskedPhone: z.string(),
  practice: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    phone: z.string().nullable().describe('E.164, to call the practice'),
    email: z.string().nullable(),
  }),
  family: z.array(familyMemberSchema),
  /** The practice's switches (SET-8): show a tile only for a module that is on. */
  modules: appModulesSchema,
});
export type PatientMe = z.infer<typeof patientMeSchema>;

export const patientFileSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  mobilePhone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
});
export type PatientFile = z.infer<typeof patientFileSchema>;
