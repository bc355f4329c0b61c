import type { BookedAppointment, BookingGrant, PublicSlot } from '../../../contracts/booking';
import type { CodeChallenge } from '../../../contracts/patient-auth';

/** A chosen time, and with whom and where (one of the slot's options). */
export interface Picked {
  slot: PublicSlot;
  practitionerId: string;
  locationId: string;
}

/** What the back button restores on the booking page, kept in `history.state` (never in the address). */
export type StepState =
  | { step: 'flow'; picked: Picked }
  | { step: 'booked'; appointment: BookedAppointment }
  | { step: 'waitlist' }
  | null;

export function readStepState(state: unknown): StepState {
  if (!state || typeof state !== 'object' || !('step' in state)) return null;
  const step = (state as { step: unknown }).step;
  if (step === 'flow' && 'picked' in state) return state as StepState;
  if (step === 'booked' && 'appointment' in state) return state as StepState;
  if (step === 'waitlist') return { step: 'waitlist' };
  return null;
}

export interface Identity {
  phone: string;
  lastName: string;
  firstName: string;
  /** as typed, JJ/MM/AAAA */
  birthDate: string;
}

export interface NewPatientFields {
  email: string;
  addressLine: string;
  postalCode: string;
  city: string;
  notificationChannel: 'sms' | 'email' | 'both';
}

/**
 * Everything typed during identification, kept above the steps so that nothing is typed twice: when the
 * slot was just taken, when the patient changes the slot, or books a second appointment.
 */
export interface FlowMemory {
  identity: Identity;
  challenge: CodeChallenge | null;
  grant: BookingGrant | null;
  /** when the booking token stops being valid (ms) */
  grantExpiresAt: number;
  newPatient: NewPatientFields;
  patientId: string | null;
}

export const emptyMemory: FlowMemory = {
  identity: { phone: '', lastName: '', firstName: '', birthDate: '' },
  challenge: null,
  grant: null,
  grantExpiresAt: 0,
  newPatient: { email: '', addressLine: '', postalCode: '', city: '', notificationChannel: 'both' },
  patientId: null,
};

/** The booking token lasts 30 minutes; a minute is kept as a margin. */
export const grantLifetimeMs = 29 * 60_000;

export type UpdateMemory = (change: Partial<FlowMemory>) => void;
