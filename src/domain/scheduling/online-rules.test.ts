import { describe, expect, it } from 'vitest';
import { type OnlineBookingFacts, onlineRefusal } from './online-rules';

const now = Date.parse('2027-03-01T08:00:00Z');
const base: OnlineBookingFacts = {
  practiceOpen: true,
  practitionerOpen: true,
  motif: {
    onlineBookable: true,
    minBookingDelayMinutes: 120,
    maxBookingDelayDays: 30,
    patientRestriction: 'all',
    followUpOnly: false,
  },
  knownPatient: true,
  ownOrReferent: true,
  start: now + 3 * 86_400_000,
  now,
  timeZone: 'Europe/Paris',
  isFreeSlot: true,
};
const motif = (change: Partial<OnlineBookingFacts['motif']>) => ({
  ...base,
  motif: { ...base.motif, ...change },
});

describe('onlineRefusal', () => {
  it('lets a booking within every rule through', () => {
    expect(onlineRefusal(base)).toBeNull();
  });
  it.each([
    ['booking_closed', { ...base, practiceOpen: false }],
    ['practitioner_closed', { ...base, practitionerOpen: false }],
    ['motif_not_online', motif({ onlineBookable: false })],
    ['too_soon', { ...base, start: now + 119 * 60_000 }],
    ['too_late', { ...base, start: now + 31 * 86_400_000 }],
    ['new_patients_only', motif({ patientRestriction: 'new_only' })],
    ['existing_patients_only', { ...motif({ patientRestriction: 'existing_only' }), knownPatient: false }],
    ['follow_up_only', { ...motif({ followUpOnly: true }), ownOrReferent: false }],
    ['not_a_slot', { ...base, isFreeSlot: false }],
  ] as const)('refuses with %s', (reason, facts) => {
    expect(onlineRefusal(facts)).toBe(reason);
  });
  it('accepts the limits themselves', () => {
    expect(onlineRefusal({ ...base, start: now + 120 * 60_000 })).toBeNull();
    expect(onlineRefusal({ ...base, start: now + 30 * 86_400_000 })).toBeNull();
    // 30 calendar days from 1 March in Paris: the whole of 31 March, across the change of hour of 28 March
    expect(onlineRefusal({ ...base, start: Date.parse('2027-03-31T21:59:00Z') })).toBeNull();
    expect(onlineRefusal({ ...base, start: Date.parse('2027-03-31T22:00:00Z') })).toBe('too_late');
    expect(onlineRefusal(motif({ maxBookingDelayDays: null, patientRestriction: 'new_only' }))).toBe(
      'new_patients_only',
    );
  });
});
