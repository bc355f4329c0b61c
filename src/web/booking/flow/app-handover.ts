import type { BookingHandover, BookingHandoverKey } from '../../shared/booking-handover';

const key: BookingHandoverKey = 'sourire.booking-handover';

/** The patient app's booking grant for this practice, if one was handed over and is still valid. */
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
