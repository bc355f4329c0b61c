import type { BookingGrant } from '../../contracts/booking';
import { api } from '../shared/api';
import type { BookingHandover, BookingHandoverKey } from '../shared/booking-handover';

const handoverKey: BookingHandoverKey = 'sourire.booking-handover';
/** The booking token lasts 30 minutes; a minute is kept as a margin. */
const grantLifetimeMs = 29 * 60_000;

/**
 * "Prendre un nouveau rendez-vous" with the identity known (APP-3): the session's booking grant is handed to
 * the online booking page through sessionStorage, and the booking page then skips the phone and SMS-code
 * step (src/web/booking/flow/app-handover.ts).
 */
export async function openBookingWithGrant(slug: string, patientId: string): Promise<void> {
  const grant = await api.post<BookingGrant>('/api/patient/booking-grant');
  const handover: BookingHandover = { slug, grant, patientId, expiresAt: Date.now() + grantLifetimeMs };
  sessionStorage.setItem(handoverKey, JSON.stringify(handover));
  window.location.assign(`/rdv/${encodeURIComponent(slug)}`);
}
