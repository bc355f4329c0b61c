import { z } from 'zod';

/** The modules of the patient app a practice can switch on or off (SET-8). */
export const appModuleNames = [
  'appointments',
  'messaging',
  'imaging',
  'payments',
  'documents',
  'questionnaires',
] as const;
export const appModuleSchema = z.enum(appModuleNames).describe('A module of the patient app');
export type AppModule = z.infer<typeof appModuleSchema>;
