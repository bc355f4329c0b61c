import type { BookingGrant } from '../../contracts/booking';

/**
 * The patient app hands a booking grant to the booking page (`/rdv/<slug>`) so that a signed-in
 * patient books without the phone and SMS-code step: the app asks POST /api/patient/booking-grant and
 * stores the grant here, in the tab's sessionStorage (never in the address); the booking page reads it.
 */
export interface BookingHandover {
  slug: string;
  grant: BookingGrant;
  /** the family member to preselect (the person the app shows) */
  patientId: string | null;
  /** ms since epoch: the token lasts 30 minutes, a minute is kept as a margin */
  expiresAt: number;
}

const key = 'sourire.booking-handover';
const lifetimeMs = 29 * 60_000;

export function storeBookingHandover(slug: string, grant: BookingGrant, patientId: string | null): void {
  const handover: BookingHandover = { slug, grant, patientId, expiresAt: Date.now() + lifetimeMs };
  sessionStorage.setItem(key, JSON.stringify(handover));
}

/** The app's grant for this practice, if one was handed over and is still valid. */
export function readBookingHandover(slug: string): BookingHandover | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const handover = JSON.parse(raw) as Partial<BookingHandover>;
    if (
      handover.slug !== slug ||
      typeof handover.expiresAt !== 'number' ||
      handover.expiresAt <= Date.now() ||
      !handover.grant ||
      typeof handover.grant.bookingToken !== 'string' ||
      !Array.isArray(handover.grant.family)
    ) {
      return null;
    }
    return {
      slug,
      grant: handover.grant,
      patientId: typeof handover.patientId === 'string' ? handover.patientId : null,
      expiresAt: handover.expiresAt,
    };
  } catch {
    return null;
  }
}
