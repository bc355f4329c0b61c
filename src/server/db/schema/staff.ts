import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { practices } from './practice';
import { tenantFk } from './tenancy';

export const staffRoles = ['admin', 'practitioner', 'secretary'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A staff member's individual account (SET-3, SEC-1). Removed staff are kept for the audit trail. */
export const staff = pgTable(
  'staff',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    passwordHash: text(),
    role: text().$type<StaffRole>().notNull(),
    title: text(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    speciality: text(),
    colour: text(),
    /** Shown and bookable in the patient app (console "Praticiens", "Actif"). */
    activeInApp: boolean().notNull().default(true),
    /** Patients can book this practitioner online (SET-7). */
    onlineBookingOpen: boolean().notNull().default(true),
    lastSignInAt: instant(),
    /**
     * The TOTP secret (base32), encrypted with AES-256-GCM under a key derived from the files key.
     * Set while enrolling (not yet enabled) and once enabled.
     */
    totpSecret: text(),
    /** Two-factor sign-in is on since then (the enrolment was confirmed with a code). */
    totpEnabledAt: instant(),
    /** The last 30-second time step whose code was accepted: a code cannot be used twice. */
    totpLastStep: integer(),
    removedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('staff_practice_id_id_unique').on(t.practiceId, t.id),
    uniqueIndex('staff_email_unique').on(sql`lower(${t.email})`),
    index('staff_practice_idx').on(t.practiceId),
    check('staff_role_check', sql`${t.role} in ('admin', 'practitioner', 'secretary')`),
    check('staff_totp_enabled_check', sql`${t.totpEnabledAt} is null or ${t.totpSecret} is not null`),
  ],
);

/** One-time recovery codes of a staff member's two-factor sign-in; only their SHA-256 is stored. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: id(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_recovery_codes_hash_idx').on(t.staffId, t.codeHash)],
);

/** A forgotten-password link (one hour, one use); only the SHA-256 of the token is stored. */
export const staffPasswordResets = pgTable(
  'staff_password_resets',
  {
    id: id(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    ip: text(),
    createdAt: createdAt(),
  },
  (t) => [index('staff_password_resets_staff_idx').on(t.staffId)],
);

/**
 * The step between a right password and the second factor: no session yet, only this ticket (its
 * token in a short-lived cookie, its SHA-256 here), good for a few minutes and a few code attempts.
 */
export const staffMfaTickets = pgTable(
  'staff_mfa_tickets',
  {
    id: text().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    attempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_mfa_tickets_staff_idx').on(t.staffId),
    check('staff_mfa_tickets_attempts_check', sql`${t.attempts} between 0 and 5`),
  ],
);

/** One-time link to set a password; only the SHA-256 of the token is stored. */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: id(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    staffId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('staff_invitations_staff_id_tenant_fk', [t.practiceId, t.staffId], staff, 'cascade'),
    tenantFk('staff_invitations_created_by_tenant_fk', [t.practiceId, t.createdBy], staff, 'no action'),
    index('staff_invitations_staff_idx').on(t.staffId),
  ],
);
