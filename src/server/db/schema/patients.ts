import { type SQL, sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { practices } from './practice';
import { staff } from './staff';
import { tenantFk } from './tenancy';

export type NotificationChannel = 'sms' | 'email' | 'both';

/** A patient file (PAT-1). A responsable (parent, guarantor) is a patient file too. */
export const patients = pgTable(
  'patients',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    lastName: text().notNull(),
    firstName: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    /** E.164 */
    mobilePhone: text(),
    email: text(),
    addressLine: text(),
    postalCode: text(),
    city: text(),
    country: text(),
    ownPractitionerId: uuid(),
    notes: text(),
    /** "Do not share my data through the app" (SEC-3). */
    appOptOut: boolean().notNull().default(false),
    notificationChannel: text().$type<NotificationChannel>().notNull().default('both'),
    lang: text().$type<'fr' | 'en'>().notNull().default('fr'),
    createdBy: uuid(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    archivedAt: instant(),
    /** folded "last first" name for accent- and typo-tolerant search (PAT-3) */
    searchName: text().generatedAlwaysAs((): SQL => sql`sourire_fold(last_name || ' ' || first_name)`),
    /**
     * French phonetic keys of the names (`nameKeys` in src/domain/phonetic.ts), written with the names
     * (`withNameKeys`), so "lefevre" finds Lefebvre (issue 9 §2.11)
     */
    phoneticKeys: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('patients_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk(
      'patients_own_practitioner_id_tenant_fk',
      [t.practiceId, t.ownPractitionerId],
      staff,
      'set null',
    ),
    tenantFk('patients_created_by_tenant_fk', [t.practiceId, t.createdBy], staff, 'set null'),
    index('patients_practice_phone_idx').on(t.practiceId, t.mobilePhone),
    // fastupdate = off (migration 0006): see there why
    index('patients_search_name_idx')
      .using('gin', sql`${t.searchName} gin_trgm_ops`)
      .with({ fastupdate: false }),
    index('patients_phonetic_keys_idx').using('gin', t.phoneticKeys).with({ fastupdate: false }),
    index('patients_email_idx').using('gin', sql`lower(${t.email}) gin_trgm_ops`).with({ fastupdate: false }),
    index('patients_phone_trgm_idx')
      .using('gin', sql`${t.mobilePhone} gin_trgm_ops`)
      .with({ fastupdate: false }),
    index('patients_practice_identity_idx').on(t.practiceId, t.birthDate),
    check('patients_channel_check', sql`${t.notificationChannel} in ('sms', 'email', 'both')`),
  ],
);

export const relationRoles = ['parent1', 'parent2', 'guarantor'] as const;
export type RelationRole = (typeof relationRoles)[number];

/** Links a dependant to a responsable (PAT-2): parent 1, parent 2, financial guarantor. */
export const patientRelations = pgTable(
  'patient_relations',
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    patientId: uuid().notNull(),
    responsableId: uuid().notNull(),
    role: text().$type<RelationRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('patient_relations_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    tenantFk(
      'patient_relations_responsable_id_tenant_fk',
      [t.practiceId, t.responsableId],
      patients,
      'cascade',
    ),
    primaryKey({ columns: [t.patientId, t.role] }),
    index('patient_relations_responsable_idx').on(t.responsableId),
    check('patient_relations_role_check', sql`${t.role} in ('parent1', 'parent2', 'guarantor')`),
    check('patient_relations_not_self', sql`${t.patientId} <> ${t.responsableId}`),
  ],
);

/** Referent practitioners of a patient besides the own practitioner (PAT-1, follow-up motifs). */
export const patientReferents = pgTable(
  'patient_referents',
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    patientId: uuid().notNull(),
    staffId: uuid().notNull(),
  },
  (t) => [
    tenantFk('patient_referents_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    tenantFk('patient_referents_staff_id_tenant_fk', [t.practiceId, t.staffId], staff, 'cascade'),
    primaryKey({ columns: [t.patientId, t.staffId] }),
    index('patient_referents_staff_idx').on(t.staffId),
  ],
);
