import { describe, expect, it } from 'vitest';
import { classifyCancellation } from './cancellation';

const start = Date.parse('2027-03-10T08:00:00Z'); // 09:00 in Paris

describe('classifyCancellation (RDV-7)', () => {
  it.each([
    ['2027-03-09T22:59:00Z', 'excused'], // 23:59 the day before, Paris time
    ['2027-03-09T23:00:00Z', 'not_excused'], // 00:00 the same day
    ['2027-03-10T07:00:00Z', 'not_excused'], // two hours before
    ['2027-03-01T10:00:00Z', 'excused'],
  ] as const)('cancelled at %s → %s (day-before rule)', (cancelledAt, expected) => {
    expect(
      classifyCancellation({
        appointmentStart: start,
        cancelledAt: Date.parse(cancelledAt),
        timeZone: 'Europe/Paris',
        noticeHours: null,
      }),
    ).toBe(expected);
  });

  it('uses the practice’s notice in hours when set', () => {
    const rule = { appointmentStart: start, timeZone: 'Europe/Paris', noticeHours: 48 };
    expect(classifyCancellation({ ...rule, cancelledAt: start - 48 * 3600_000 })).toBe('excused');
    expect(classifyCancellation({ ...rule, cancelledAt: start - 47 * 3600_000 })).toBe('not_excused');
  });
});
