import { z } from 'zod';
import { birthDateField, idField, nameField, oneTimeCodeField, phoneInputField, slugField } from './fields';
import { appModulesSchema } from './patient-app';

export const patientSignInStartBody = z.object({
  practice: slugField.describe('The practice'),
  phone: phoneInputField.describe('Phone, E.164'),
  lastName: nameField.describe('Last name'),
  firstName: nameField.describe('First name'),
  birthDate: birthDateField.describe('Date of birth, YYYY-MM-DD'),
});

export const codeChallengeSchema = z.object({
  challengeId: z.uuid().describe('Pass it back with the code'),
  maskedPhone: z.string().describe('Where the code was sent, e.g. +33 6 •• •• •• 78'),
  resendAfterSeconds: z.number().int().describe('Seconds before a new code may be asked for'),
  expiresInSeconds: z.number().int().describe('Seconds the code stays valid'),
});
export type CodeChallenge = z.infer<typeof codeChallengeSchema>;

export const patientSignInVerifyBody = z.object({ challengeId: idField, code: oneTimeCodeField });
export const resendCodeBody = z.object({ challengeId: idField });

export const familyMemberSchema = z.object({
  id: z.uuid().describe('The patient file'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
  /** The person whose identity was verified at sign-in. */
  isSelf: z.boolean().describe('The person whose identity was verified at sign-in'),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

export const patientMeSchema = z.object({
  maskedPhone: z.string().describe('The phone the code was sent to, mostly masked'),
  practice: z
    .object({
      id: z.uuid().describe('The practice'),
      slug: z.string().describe('URL name of the practice'),
      name: z.string().describe('Name of the practice'),
      phone: z.string().nullable().describe('E.164, to call the practice'),
      email: z.string().nullable().describe('Email address'),
    })
    .describe('The practice'),
  family: z.array(familyMemberSchema).describe('The person signed in and their dependants'),
  /** The practice's switches (SET-8): show a tile only for a module that is on. */
  modules: appModulesSchema.describe(
    'The practice’s switches (SET-8): show a tile only for a module that is on',
  ),
});
export type PatientMe = z.infer<typeof patientMeSchema>;

export const patientFileSchema = z.object({
  id: z.uuid().describe('The patient file'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
  mobilePhone: z.string().nullable().describe('Mobile phone, E.164, or null'),
  email: z.string().nullable().describe('Email address'),
  addressLine: z.string().nullable().describe('Street address'),
  postalCode: z.string().nullable().describe('Postal code'),
  city: z.string().nullable().describe('City'),
});
export type PatientFile = z.infer<typeof patientFileSchema>;
