import { describe, expect, it } from 'vitest';
import { isDaytime, reminderTime } from './reminders';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('reminderTime', () => {
  const now = at('2027-01-01T00:00:00Z');
  it('sends 24 h before during the day', () => {
    expect(iso(reminderTime(at('2027-03-10T09:00:00Z'), 24, 'Europe/Paris', now))).toBe(
      '2027-03-09T09:00:00.000Z',
    );
  });

  it('moves a night-time reminder to 20:00 the evening before', () => {
    // appointment at 07:30 Paris → 24 h before is 07:30 → 20:00 two evenings before the appointment
    expect(iso(reminderTime(at('2027-03-10T06:30:00Z'), 24, 'Europe/Paris', now))).toBe(
      '2027-03-08T19:00:00.000Z',
    );
  });

  it('moves a late-evening reminder to 20:00 the same day', () => {
    // appointment at 21:00 Paris → 24 h before is 21:00 → 20:00 that day
    expect(iso(reminderTime(at('2027-03-10T20:00:00Z'), 24, 'Europe/Paris', now))).toBe(
      '2027-03-09T19:00:00.000Z',
    );
  });

  it('keeps the local hour in the DST week (spring): 24 h before Monday 09:00 is Sunday 09:00 local', () => {
    expect(iso(reminderTime(at('2027-03-29T07:00:00Z'), 24, 'Europe/Paris', now))).toBe(
      '2027-03-28T07:00:00.000Z',
    );
    // autumn, Zurich
    expect(
      iso(reminderTime(at('2026-10-26T08:00:00Z'), 24, 'Europe/Zurich', at('2026-01-01T00:00:00Z'))),
    ).toBe('2026-10-25T08:00:00.000Z');
  });

  it('gives nothing once the time has passed', () => {
    expect(
      reminderTime(at('2027-03-10T09:00:00Z'), 24, 'Europe/Paris', at('2027-03-09T10:00:00Z')),
    ).toBeNull();
  });

  it('tells day from night in local time', () => {
    expect(isDaytime(at('2027-03-10T06:59:00Z'), 'Europe/Paris')).toBe(false);
    expect(isDaytime(at('2027-03-10T07:00:00Z'), 'Europe/Paris')).toBe(true);
    expect(isDaytime(at('2027-03-10T19:00:00Z'), 'Europe/Paris')).toBe(false);
  });
});
