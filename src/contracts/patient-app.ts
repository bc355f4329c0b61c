import { z } from 'zod';
import { bookedAppointmentSchema, bookingGrantSchema } from './booking';
import { pageOf } from './common';
import { birthDateField, emailField, idField, nameField, phoneInputField } from './fields';
import { publicPracticeSchema } from './practice';

/**
 * The patient app (issue 5: APP-2…APP-7, SET-8, CON-1, NOT-2, SEC-3) and its console side.
 *
 * Patient routes (session cookie of the app; a module switched off answers 403 MODULE_DISABLED):
 * - GET    /api/patient/home                                 → patientHomeSchema
 * - GET    /api/patient/appointments?patientId&scope&cursor  → patientAppointmentPageSchema   (appointments)
 * - POST   /api/patient/booking-grant                        → bookingGrantSchema             (appointments)
 * - GET    /api/patient/practice                             → patientPracticeSchema
 * - POST   /api/patient/patients/:patientId/change-requests  infoChangeBody → changeRequestSchema (201)
 * - POST   /api/patient/dependant-requests                   dependantRequestBody → changeRequestSchema (201)
 * - GET    /api/patient/change-requests                      → changeRequestListSchema
 * - GET    /api/patient/reminders                            → reminderListSchema
 * - POST   /api/patient/reminders                            reminderBody → reminderListSchema (201)
 * - DELETE /api/patient/reminders/:id                        → reminderListSchema
 * - GET    /api/patient/devices                              → deviceListSchema
 * - DELETE /api/patient/devices/:id                          → okSchema
 *
 * Console routes (staff session; like every console route they live under /api/console):
 * - GET    /api/console/settings/modules                     → appModulesSchema (any staff)
 * - PUT    /api/console/settings/modules                     appModulesSchema → appModulesSchema (admin)
 * - GET    /api/console/change-requests?status&cursor        → staffChangeRequestPageSchema (any staff)
 * - GET    /api/console/change-requests/pending-count        → pendingCountSchema (any staff, badge)
 * - POST   /api/console/change-requests/:id/accept           acceptChangeRequestBody → staffChangeRequestSchema
 * - POST   /api/console/change-requests/:id/reject           rejectChangeRequestBody → staffChangeRequestSchema
 * - GET    /api/console/app-users?q&cursor                   → appUserPageSchema (any staff, audited)
 */

// ——— Module switches (SET-8) ———

export { type AppModule, appModuleNames, appModuleSchema } from './app-module';

const enabled = z.boolean().describe('Shown in the patient app');
const minors = z.boolean().describe('Patients under 18 see it too');

/** The practice's switches of the patient app (console "Options"); a module off answers 403 to patients. */
export const appModulesSchema = z.strictObject({
  appointments: z.strictObject({ enabled }).describe('The appointments'),
  messaging: z.strictObject({ enabled }).describe('Messaging module'),
  imaging: z.strictObject({ enabled }).describe('Imaging module'),
  payments: z
    .strictObject({
      enabled,
      onlinePayment: z.boolean().describe('Off: the balance is shown but cannot be paid online'),
      onlyDueInstalments: z.boolean().describe('Show only the instalments due'),
      minors,
    })
    .describe('Payments module'),
  documents: z.strictObject({ enabled, minors }).describe('Documents module'),
  questionnaires: z.strictObject({ enabled, minors }).describe('Questionnaires module'),
});
export type AppModules = z.infer<typeof appModulesSchema>;

/** A practice that never saved its options: appointments, messaging and documents on. */
export const defaultAppModules: AppModules = {
  appointments: { enabled: true },
  messaging: { enabled: true },
  imaging: { enabled: false },
  payments: { enabled: false, onlinePayment: false, onlyDueInstalments: false, minors: false },
  documents: { enabled: true, minors: false },
  questionnaires: { enabled: false, minors: false },
};

// ——— Appointments (APP-2, APP-3, RDV-9) ———

/**
 * An appointment in the app: the manage-page shape (its `manageToken` works with
 * /api/public/appointments/:token/{cancel,slots,move,calendar.ics}), whom it is for, and the Carte
 * Vitale warning.
 */
export const patientAppointmentSchema = bookedAppointmentSchema.extend({
  patientId: z.uuid().describe('The family member it is for'),
  carteVitaleToRead: z.boolean().describe('Bring the Carte Vitale: it is read at this visit (RDV-9)'),
  past: z.boolean().describe('Started before now'),
});
export type PatientAppointment = z.infer<typeof patientAppointmentSchema>;

export const patientAppointmentsQuery = z.object({
  patientId: idField.describe('A member of the signed-in family'),
  scope: z
    .enum(['upcoming', 'all'])
    .default('upcoming')
    .describe('upcoming: live ones from now on; all: the whole history, oldest first, every status'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

export const patientAppointmentPageSchema = pageOf(patientAppointmentSchema);
export type PatientAppointmentPage = z.infer<typeof patientAppointmentPageSchema>;

/**
 * The home screen (APP-2, issue 9 §3.15): the figures of its tiles for the whole family the phone sees,
 * and the tiles to show.
 */
export const patientHomeSchema = z.object({
  nextAppointment: patientAppointmentSchema
    .nullable()
    .describe('The whole family’s next one; null when none, or the appointments module is off'),
  unreadMessages: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe(
      'Messages from the practice not opened yet, in every thread of the family; null when messaging is off',
    ),
  documentsToSign: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe(
      'Documents of the family waiting for a signature that this phone reads (the Documents screen’s “to sign”); null when documents are off',
    ),
  modules: appModulesSchema.describe(
    'The practice’s switches (SET-8): show a tile only for a module that is on',
  ),
});
export type PatientHome = z.infer<typeof patientHomeSchema>;

/** A booking token for the app's own booking flow: the phone is already verified by the session. */
export const patientBookingGrantSchema = bookingGrantSchema;

// ——— My practice (APP-6) ———

export const patientPracticeSchema = publicPracticeSchema;
export type PatientPractice = z.infer<typeof patientPracticeSchema>;

// ——— Review requests: my info (APP-4) and family (APP-5) ———

export const changeRequestKindSchema = z.enum(['update_info', 'add_dependant']);
export const changeRequestStatusSchema = z.enum(['pending', 'accepted', 'rejected']);
export type ChangeRequestStatus = z.infer<typeof changeRequestStatusSchema>;

export const infoFieldNames = [
  'lastName',
  'firstName',
  'email',
  'mobilePhone',
  'addressLine',
  'postalCode',
  'city',
] as const;
export const infoFieldSchema = z.enum(infoFieldNames);
export type InfoField = z.infer<typeof infoFieldSchema>;

/**
 * A patient's wish to change a file of the family: only the fields sent are asked for, and only those
 * that differ from the file are kept. Nothing changes until the practice accepts.
 */
export const infoChangeBody = z.strictObject({
  lastName: nameField.optional().describe('Last name'),
  firstName: nameField.optional().describe('First name'),
  email: emailField.optional().describe('Email address'),
  mobilePhone: phoneInputField.optional().describe('Mobile phone, E.164, or null'),
  addressLine: z.string().trim().min(1).max(200).optional().describe('Street address'),
  postalCode: z.string().trim().min(1).max(10).optional().describe('Postal code'),
  city: z.string().trim().min(1).max(100).optional().describe('City'),
});
export type InfoChange = z.infer<typeof infoChangeBody>;

/** Asks the practice to add a dependant (a child) to the family. */
export const dependantRequestBody = z.strictObject({
  lastName: nameField.describe('Last name'),
  firstName: nameField.describe('First name'),
  birthDate: birthDateField.describe('Date of birth, YYYY-MM-DD'),
});
export type DependantRequest = z.infer<typeof dependantRequestBody>;

/** The changes asked, field by field (normalised: phone in E.164, email lower-case). */
export const infoChangesSchema = z.object({
  lastName: z.string().optional().describe('Last name'),
  firstName: z.string().optional().describe('First name'),
  email: z.string().optional().describe('Email address'),
  mobilePhone: z.string().optional().describe('Mobile phone, E.164, or null'),
  addressLine: z.string().optional().describe('Street address'),
  postalCode: z.string().optional().describe('Postal code'),
  city: z.string().optional().describe('City'),
});

/** A review request as the patient sees it. */
export const changeRequestSchema = z.object({
  id: z.uuid().describe('The review request'),
  kind: changeRequestKindSchema.describe(
    'update_info: new details for a file; add_dependant: a child to add',
  ),
  status: changeRequestStatusSchema.describe('pending, accepted or rejected'),
  patient: z
    .object({
      id: z.uuid().describe('The patient file'),
      firstName: z.string().describe('First name'),
      lastName: z.string().describe('Last name'),
    })
    .nullable()
    .describe('The file to change (update_info), or the dependant’s file once accepted (add_dependant)'),
  changes: infoChangesSchema.nullable().describe('update_info: the new values'),
  dependant: dependantRequestBody.nullable().describe('add_dependant: who to add'),
  reason: z.string().nullable().describe('Why it was rejected'),
  createdAt: z.string().describe('When it was created, ISO 8601 in UTC'),
  decidedAt: z.string().nullable().describe('When it was decided, ISO 8601 in UTC, or null'),
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const changeRequestListSchema = z.object({
  items: z
    .array(changeRequestSchema)
    .describe('Pending ones and those decided in the last 90 days, newest first'),
});

export const changeDiffSchema = z.object({
  field: infoFieldSchema.describe('The field of the file'),
  before: z.string().nullable().describe('Pending: in the file now; decided: in the file when staff decided'),
  after: z.string().describe('The value asked for'),
});

const personSchema = z.object({
  id: z.uuid().describe('The person’s patient file'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
});

/** A review request as staff see it in the console. */
export const staffChangeRequestSchema = z.object({
  id: z.uuid().describe('The review request'),
  kind: changeRequestKindSchema.describe(
    'update_info: new details for a file; add_dependant: a child to add',
  ),
  status: changeRequestStatusSchema.describe('pending, accepted or rejected'),
  createdAt: z.string().describe('When it was created, ISO 8601 in UTC'),
  requestedBy: personSchema
    .extend({ phone: z.string().describe('The phone that asked, E.164') })
    .nullable()
    .describe('The patient holding the phone that asked'),
  patient: personSchema.nullable().describe('The file concerned (for add_dependant: created on accept)'),
  diff: z
    .array(changeDiffSchema)
    .describe('update_info: before (the file now, or at the decision) and after, per field'),
  dependant: dependantRequestBody.nullable().describe('The child to add (add_dependant), or null'),
  possibleDuplicates: z
    .array(personSchema)
    .describe('add_dependant, pending: files with the same names and birth date'),
  decidedBy: z
    .object({
      id: z.uuid().describe('The staff member'),
      firstName: z.string().describe('First name'),
      lastName: z.string().describe('Last name'),
    })
    .nullable()
    .describe('The staff member who decided, or null'),
  decidedAt: z.string().nullable().describe('When it was decided, ISO 8601 in UTC, or null'),
  reason: z.string().nullable().describe('Why, or null'),
});
export type StaffChangeRequest = z.infer<typeof staffChangeRequestSchema>;

export const staffChangeRequestQuery = z.object({
  status: changeRequestStatusSchema
    .optional()
    .describe('Default: every status, newest first (the console opens on pending, oldest first)'),
  limit: z.coerce.number().int().min(1).max(100).default(30).describe('Items per page'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});
export const staffChangeRequestPageSchema = pageOf(staffChangeRequestSchema);

export const pendingCountSchema = z.object({
  pending: z.number().int().describe('Review requests waiting for a decision'),
});

export const acceptChangeRequestBody = z.strictObject({
  /** add_dependant: create the file although one with the same names and birth date exists */
  confirmDuplicate: z.boolean().optional().describe('True: create the file although a look-alike exists'),
  /** add_dependant: link this existing file instead of creating one (e.g. the child the other parent added) */
  existingPatientId: idField.optional().describe('Link this existing patient file instead of creating one'),
});
export const rejectChangeRequestBody = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe('Shown to the patient'),
});

// ——— Reminders (APP-7, NOT-2) ———

export const reminderTimeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time' })
  .describe('Local time of the practice, HH:MM');

export const reminderBody = z.strictObject({
  daysBefore: z.number().int().min(0).max(14).describe('0 = the day of the appointment'),
  time: reminderTimeField.describe('Local time, HH:MM'),
});

export const reminderSchema = z.object({
  id: z.string().describe('"default" for the reminder every phone has until it edits them'),
  daysBefore: z.number().int().describe('Days before the appointment'),
  time: z.string().describe('Local time, HH:MM'),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const reminderListSchema = z.object({
  items: z.array(reminderSchema).describe('The items of this page'),
  isDefault: z.boolean().describe('The phone never edited them: one day before at 12:00'),
  max: z.number().int().describe('At most this many reminders'),
  channel: z.enum(['sms', 'email']).describe('How reminders reach this phone'),
});
export type ReminderList = z.infer<typeof reminderListSchema>;

// ——— Devices (issue 5 §8, SEC-3) ———

export const deviceSchema = z.object({
  id: z.uuid().describe('Opaque id of the signed-in device'),
  label: z.string().describe('Browser and system, e.g. "Safari · iPhone"'),
  createdAt: z.string().describe('When it was created, ISO 8601 in UTC'),
  lastSeenAt: z.string().describe('Last use of the app, ISO 8601 in UTC, or null'),
  current: z.boolean().describe('The device making this request'),
});
export type Device = z.infer<typeof deviceSchema>;
export const deviceListSchema = z.object({
  items: z.array(deviceSchema).describe('The devices signed in to the patient app'),
});

// ——— Console: patients who use the app (CON-1) ———

export const appUserQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Name or first name, accents and typos forgiven'),
  limit: z.coerce.number().int().min(1).max(100).default(30).describe('Items per page'),
  cursor: z.string().max(200).optional().describe('From a previous page’s nextCursor'),
});

export const appUserSchema = z.object({
  id: z.uuid().describe('The patient file'),
  firstName: z.string().describe('First name'),
  lastName: z.string().describe('Last name'),
  birthDate: z.string().describe('Date of birth, YYYY-MM-DD'),
  mobilePhone: z.string().nullable().describe('Mobile phone, E.164, or null'),
  lastSeenAt: z.string().describe('Last connection of a phone that sees this file'),
  signedIn: z.boolean().describe('A live app session reaches this file now'),
  through: z.enum(['own_phone', 'responsable']).describe('Their own phone, or a responsable’s'),
  appOptOut: z.boolean().describe('True: the patient refused the patient app (SEC-3)'),
});
export type AppUser = z.infer<typeof appUserSchema>;
export const appUserPageSchema = pageOf(appUserSchema);
