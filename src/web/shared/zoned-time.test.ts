import { describe, expect, it } from 'vitest';
import { addDays, localParts, mondayOf, weekdayOfDate, zonedInstant } from './zoned-time';

describe('zoned time in the browser', () => {
  it('reads instants in the practice’s zone', () => {
    expect(localParts(Date.parse('2027-03-26T08:00:00Z'), 'Europe/Paris')).toEqual({
      date: '2027-03-26',
      minute: 9 * 60,
    });
    expect(localParts(Date.parse('2027-03-29T07:00:00Z'), 'Europe/Paris')).toEqual({
      date: '2027-03-29',
      minute: 9 * 60,
    });
    expect(localParts(Date.parse('2027-01-01T23:30:00Z'), 'Europe/Zurich')).toEqual({
      date: '2027-01-02',
      minute: 30,
    });
  });

  it.each([
    ['2027-03-26', 540, '2027-03-26T08:00:00.000Z'],
    ['2027-03-29', 540, '2027-03-29T07:00:00.000Z'],
    ['2027-10-29', 540, '2027-10-29T07:00:00.000Z'],
    ['2027-11-01', 540, '2027-11-01T08:00:00.000Z'],
    ['2027-03-28', 150, '2027-03-28T01:30:00.000Z'], // 02:30 does not exist: 03:30 CEST
    ['2027-10-31', 150, '2027-10-31T00:30:00.000Z'], // 02:30 happens twice: the first
  ])('%s at minute %i in Paris is %s', (date, minute, instant) => {
    expect(new Date(zonedInstant(date, minute, 'Europe/Paris')).toISOString()).toBe(instant);
  });

  it('does date arithmetic on calendar dates', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(weekdayOfDate('2027-03-28')).toBe(7);
    expect(mondayOf('2027-03-28')).toBe('2027-03-22');
    expect(mondayOf('2027-03-29')).toBe('2027-03-29');
  });
});
