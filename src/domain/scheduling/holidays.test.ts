import { describe, expect, it } from 'vitest';
import { publicHolidays } from './holidays';

describe('publicHolidays', () => {
  it('knows France’s public holidays, moving ones included', () => {
    const dates = publicHolidays('FR', null, '2027-01-01', '2027-12-31').map((holiday) => holiday.date);
    expect(dates).toEqual(
      expect.arrayContaining([
        '2027-01-01',
        '2027-03-29',
        '2027-05-01',
        '2027-05-06',
        '2027-05-17',
        '2027-07-14',
        '2027-11-01',
        '2027-12-25',
      ]),
    );
    expect(dates).not.toContain('2027-03-28'); // Easter Sunday is not a day off of its own in the list of closings
  });

  it('knows a Swiss canton’s own holidays', () => {
    const vaud = publicHolidays('CH', 'VD', '2027-01-01', '2027-12-31').map((holiday) => holiday.date);
    expect(vaud).toContain('2027-09-20'); // Lundi du Jeûne fédéral, Vaud only
    const geneva = publicHolidays('CH', 'GE', '2027-01-01', '2027-12-31').map((holiday) => holiday.date);
    expect(geneva).not.toContain('2027-09-20');
    expect(geneva).toContain('2027-12-31'); // Restauration de la République
  });

  it('returns only the asked window, names in the asked language', () => {
    expect(publicHolidays('FR', null, '2027-07-01', '2027-07-31', 'fr')).toEqual([
      { date: '2027-07-14', name: 'Fête Nationale de la France' },
    ]);
    expect(publicHolidays('FR', null, '2027-07-01', '2027-07-31', 'en')[0]?.name).toMatch(
      /Bastille|National/,
    );
  });
});
