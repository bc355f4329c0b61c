import type { BookingGrant } from '../../contracts/booking';

/**
 * The patient app hands a booking grant to the booking page (`/rdv/<slug>`) so that a signed-in patient
 * books without the phone and SMS-code step: the app asks POST /api/patient/booking-grant and stores the
 * grant in the tab's sessionStorage (never in the address); the booking page reads it.
 *
 * Types only: each side has its own few lines (src/web/patient/book-new.ts writes,
 * src/web/booking/flow/app-handover.ts reads), so this file adds no chunk to either page.
 */
export interface BookingHandover {
  slug: string;
  grant: BookingGrant;
  /** the family member to preselect (the person the app shows) */
  patientId: string | null;
  /** ms since epoch: the token lasts 30 minutes, a minute is kept as a margin */
  expiresAt: number;
}

/** The sessionStorage key; both sides spell it with this type, so the compiler keeps them in step. */
export type BookingHandoverKey = 'sourire.booking-handover';
