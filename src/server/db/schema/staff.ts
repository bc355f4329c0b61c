import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { practices } from './practice';

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
    removedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_email_unique').on(sql`lower(${t.email})`),
    index('staff_practice_idx').on(t.practiceId),
    check('staff_role_check', sql`${t.role} in ('admin', 'practitioner', 'secretary')`),
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
    staffId: uuid()
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdBy: uuid().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('staff_invitations_staff_idx').on(t.staffId)],
);
