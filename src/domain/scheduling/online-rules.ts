import { bookingWindow } from './booking-window';

/**
 * The rules a practice sets for booking online (SET-4, SET-7, BOOK-3). The server checks them again when
 * a booking is confirmed, whatever the page showed; each refusal has its own reason and message.
 */
export type OnlineRefusal =
  | 'booking_closed'
  | 'practitioner_closed'
  | 'motif_not_online'
  | 'too_soon'
  | 'too_late'
  | 'new_patients_only'
  | 'existing_patients_only'
  | 'follow_up_only'
  | 'not_a_slot';

export interface OnlineBookingFacts {
  practiceOpen: boolean;
  practitionerOpen: boolean;
  motif: {
    onlineBookable: boolean;
    minBookingDelayMinutes: number;
    maxBookingDelayDays: number | null;
    patientRestriction: 'all' | 'new_only' | 'existing_only';
    followUpOnly: boolean;
  };
  /** the patient already has a file at the practice */
  knownPatient: boolean;
  /** the practitioner is the patient's own or one of their referents */
  ownOrReferent: boolean;
  start: number;
  now: number;
  /** the practice's zone: the maximum delay counts its calendar days */
  timeZone: string;
  /** the start is a free slot of the engine for this motif and practitioner */
  isFreeSlot: boolean;
}

/** The first rule broken, or null when the booking may go through. */
export function onlineRefusal(facts: OnlineBookingFacts): OnlineRefusal | null {
  if (!facts.practiceOpen) return 'booking_closed';
  if (!facts.practitionerOpen) return 'practitioner_closed';
  if (!facts.motif.onlineBookable) return 'motif_not_online';
  const window = bookingWindow(
    facts.now,
    { minDelayMinutes: facts.motif.minBookingDelayMinutes, maxDelayDays: facts.motif.maxBookingDelayDays },
    facts.timeZone,
  );
  if (facts.start < window.earliest) return 'too_soon';
  if (facts.start >= window.latest) return 'too_late';
  if (facts.motif.patientRestriction === 'new_only' && facts.knownPatient) return 'new_patients_only';
  if (facts.motif.patientRestriction === 'existing_only' && !facts.knownPatient)
    return 'existing_patients_only';
  if (facts.motif.followUpOnly && !facts.ownOrReferent) return 'follow_up_only';
  if (!facts.isFreeSlot) return 'not_a_slot';
  return null;
}
