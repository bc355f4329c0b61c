import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bookingWindow } from './booking-window';

const at = (iso: string) => Date.parse(iso);

describe('bookingWindow', () => {
  it('starts after the minimum delay', () => {
    const now = at('2027-02-01T08:00:00Z');
    expect(bookingWindow(now, { minDelayMinutes: 90 }, 'Europe/Paris').earliest).toBe(now + 90 * 60_000);
  });

  it('has no end without a maximum delay', () => {
    expect(bookingWindow(at('2027-02-01T08:00:00Z'), { maxDelayDays: null }, 'Europe/Paris').latest).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('reaches the end of the last calendar day in the practice zone, not now plus 24-hour days', () => {
    // Saturday 27 March 2027, 10:00 in Paris; the clocks go forward the next night
    const now = at('2027-03-27T09:00:00Z');
    const { latest } = bookingWindow(now, { maxDelayDays: 2 }, 'Europe/Paris');
    // the whole of Monday 29 March (CEST): up to Tuesday 00:00 local = Monday 22:00 UTC
    expect(new Date(latest).toISOString()).toBe('2027-03-29T22:00:00.000Z');
  });

  it('counts days in the zone of the practice (Zurich, autumn)', () => {
    const now = at('2026-10-24T21:30:00Z'); // Saturday 23:30 in Zurich, Sunday in UTC+3
    const { latest } = bookingWindow(now, { maxDelayDays: 1 }, 'Europe/Zurich');
    // the whole of Sunday 25 October (the clocks went back that night): up to Monday 00:00 CET
    expect(new Date(latest).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('always ends at a local midnight N+1 days after today, for any instant and delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z') }),
        fc.integer({ min: 1, max: 730 }),
        fc.constantFrom('Europe/Paris', 'Europe/Zurich'),
        (now, days, zone) => {
          const { latest } = bookingWindow(now, { maxDelayDays: days }, zone);
          const end = Temporal.Instant.fromEpochMilliseconds(latest).toZonedDateTimeISO(zone);
          const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).toPlainDate();
          expect(end.toPlainTime().toString()).toBe('00:00:00');
          expect(today.until(end.toPlainDate()).days).toBe(days + 1);
        },
      ),
    );
  });
});
