import type { BookingGrant } from '../../contracts/booking';
import { api } from '../shared/api';
import { storeBookingHandover } from '../shared/booking-handover';

/**
 * "Prendre un nouveau rendez-vous" with the identity known (APP-3): the session's booking grant is handed to
 * the online booking page, which then skips the phone and SMS-code step.
 */
export async function openBookingWithGrant(slug: string, patientId: string): Promise<void> {
  const grant = await api.post<BookingGrant>('/api/patient/booking-grant');
  storeBookingHandover(slug, grant, patientId);
  window.location.assign(`/rdv/${encodeURIComponent(slug)}`);
}
