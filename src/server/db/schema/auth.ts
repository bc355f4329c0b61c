import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { patients } from './patients';
import { practices } from './practice';
import { staff } from './staff';
import { tenantFk } from './tenancy';

export type SessionKind = 'staff' | 'patient';

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored here, so a leaked
 * table cannot be replayed. A patient session is bound to the phone whose code was verified: the family
 * it sees is every patient linked to that phone.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    /** An opaque id to show and revoke a device with: never the token's hash, which is the key. */
    publicId: uuid().notNull().defaultRandom(),
    kind: text().$type<SessionKind>().notNull(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    staffId: uuid(),
    /** E.164 phone verified by SMS code (patient sessions). */
    patientPhone: text(),
    /** The patient whose identity was matched at sign-in. */
    patientId: uuid(),
    createdAt: createdAt(),
    /** Last request of any kind. */
    lastSeenAt: createdAt(),
    /** Last request made by the person (background polling excluded); drives the automatic lock. */
    lastActiveAt: createdAt(),
    expiresAt: instant().notNull(),
    lockedAt: instant(),
    revokedAt: instant(),
    userAgent: text(),
    ip: text(),
  },
  (t) => [
    unique('sessions_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('sessions_staff_id_tenant_fk', [t.practiceId, t.staffId], staff, 'cascade'),
    tenantFk('sessions_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    index('sessions_staff_idx').on(t.staffId),
    uniqueIndex('sessions_public_id_idx').on(t.publicId),
    index('sessions_patient_phone_idx').on(t.practiceId, t.patientPhone),
    check('sessions_kind_check', sql`${t.kind} in ('staff', 'patient')`),
  ],
);

export type CodePurpose = 'app_sign_in' | 'booking' | 'signature' | 'secure_link';

/** 6-digit codes sent by SMS; only an HMAC of the code is stored. */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    purpose: text().$type<CodePurpose>().notNull(),
    phone: text().notNull(),
    patientId: uuid(),
    codeHash: text().notNull(),
    /** the identity typed with the phone (online booking creates a new patient's file from it) */
    claim: jsonb().$type<{ lastName: string; firstName: string; birthDate: string }>(),
    attempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    lastSentAt: instant().notNull(),
    consumedAt: instant(),
    ip: text(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('one_time_codes_practice_id_id_unique').on(t.practiceId, t.id),
    tenantFk('one_time_codes_patient_id_tenant_fk', [t.practiceId, t.patientId], patients, 'cascade'),
    index('one_time_codes_phone_idx').on(t.practiceId, t.phone, t.createdAt),
  ],
);

/** Fixed-window counters shared by every server instance (login and SMS rate limits). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().notNull(),
    windowStart: instant().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_window_idx').on(t.windowStart)],
);
