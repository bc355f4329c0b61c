import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { AppModules, InfoField } from '../../../contracts/patient-app';
import { createdAt, id, instant } from './columns';
import { patients } from './patients';
import { practices } from './practice';
import { staff } from './staff';
import { tenantFk } from './tenancy';

/**
 * The practice's switches of the patient app (SET-8). No row: the defaults (`defaultAppModules`).
 * A table of its own rather than columns of `practices`: the options grow with each module.
 */
export const practiceAppSettings = pgTable(
  'practice_app_settings',
  {
    practiceId: uuid()
      .primaryKey()
      .references(() => practices.id, { onDelete: 'cascade' }),
    modules: jsonb().$type<AppModules>().notNull(),
    updatedAt: createdAt(),
    updatedBy: uuid(),
  },
  (t) => [
    tenantFk('practice_app_settings_updated_by_tenant_fk', [t.practiceId, t.updatedBy], staff, 'set null'),
  ],
);

export type ChangeRequestKind = 'update_info' | 'add_dependant';
export type ChangeRequestStatus = 'pending' | 'accepted' | 'rejected';

export type ChangeRequestPayload =
  | {
      kind: 'update_info';
      changes: Partial<Record<InfoField, string>>;
      /** the file's values of those fields when staff decided (the diff of a decided request) */
      before?: Partial<Record<InfoField, string | null>>;
    }
  | { kind: 'add_dependant'; dependant: { lastName: string; firstName: string; birthDate: string } };

/**
 * What a patient asks the practice to change from the app (APP-4, APP-5): new details of a family
 * file, or a dependant to add. Nothing changes in the file until staff accept.
 */
export const patientChangeRequests = pgTable(
  'patient_change_requests',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    kind: text().$type<ChangeRequestKind>().notNull(),
    /** the file to change; for add_dependant, the dependant's file once accepted */
    patientId: uuid(),
    /** the verified phone of the app session that asked (E.164) */
    requestedByPhone: text().notNull(),
    /** the patient holding that phone, who becomes parent 1 of a dependant */
    requestedByPatientId: uuid(),
    payload: jsonb().$type<ChangeRequestPayload>().notNull(),
    status: text().$type<ChangeRequestStatus>().notNull().default('pending'),
    decidedBy: uuid(),
    decidedAt: instant(),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk(
      'patient_change_requests_patient_id_tenant_fk',
      [t.practiceId, t.patientId],
      patients,
      'cascade',
    ),
    tenantFk(
      'patient_change_requests_requested_by_patient_id_tenant_fk',
      [t.practiceId, t.requestedByPatientId],
      patients,
      'set null',
    ),
    tenantFk('patient_change_requests_decided_by_tenant_fk', [t.practiceId, t.decidedBy], staff, 'set null'),
    index('patient_change_requests_queue_idx').on(t.practiceId, t.status, t.createdAt),
    index('patient_change_requests_practice_idx').on(t.practiceId, t.createdAt),
    index('patient_change_requests_phone_idx').on(t.practiceId, t.requestedByPhone, t.createdAt),
    index('patient_change_requests_patient_idx').on(t.patientId),
    check('patient_change_requests_kind_check', sql`${t.kind} in ('update_info', 'add_dependant')`),
    check('patient_change_requests_status_check', sql`${t.status} in ('pending', 'accepted', 'rejected')`),
    check(
      'patient_change_requests_decision_check',
      sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`,
    ),
  ],
);

/** One reminder of the app: N days before the appointment, at HH:MM local time of the practice. */
export interface AppReminder {
  id: string;
  daysBefore: number;
  time: string;
}

/**
 * The reminders a phone chose in the app (APP-7, NOT-2). No row: the phone never edited them and has
 * the default one (1 day before at 12:00); a row with an empty list: it removed them all.
 */
export const reminderPreferences = pgTable(
  'reminder_preferences',
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    phone: text().notNull(),
    reminders: jsonb().$type<AppReminder[]>().notNull(),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.phone] }),
    check('reminder_preferences_max_check', sql`jsonb_array_length(${t.reminders}) <= 5`),
  ],
);
