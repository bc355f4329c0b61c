import rrulePackage from 'rrule';
import { describe, expect, it } from 'vitest';
import { dayOf, isoOfDay } from '../time/local-date';
import { compileRecurrence, occurrencesBetween, type Recurrence, toRRule } from './recurrence';

const { RRule } = rrulePackage;

function days(recurrence: Recurrence, from: string, to: string): string[] {
  return occurrencesBetween(compileRecurrence(recurrence), dayOf(from), dayOf(to)).map(isoOfDay);
}

/** The same rule expanded by the rrule library, as an independent oracle. */
function oracle(recurrence: Recurrence, from: string, to: string): string[] {
  const rule = RRule.fromString(
    `DTSTART:${recurrence.firstDay.replaceAll('-', '')}T000000Z\nRRULE:${toRRule(recurrence)}`,
  );
  return rule
    .between(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), true)
    .map((date) => date.toISOString().slice(0, 10));
}

describe('recurrence', () => {
  it('a single day happens once', () => {
    expect(days({ firstDay: '2027-02-03', weekly: null }, '2027-01-01', '2027-12-31')).toEqual([
      '2027-02-03',
    ]);
  });

  it('never yields a day before its first day', () => {
    const weekly: Recurrence = {
      firstDay: '2027-02-03',
      weekly: { weekdays: [1, 3], intervalWeeks: 1, until: null },
    };
    expect(days(weekly, '2027-01-25', '2027-02-10')).toEqual(['2027-02-03', '2027-02-08', '2027-02-10']);
  });

  it('includes its until day', () => {
    const weekly: Recurrence = {
      firstDay: '2027-02-01',
      weekly: { weekdays: [1], intervalWeeks: 1, until: '2027-02-15' },
    };
    expect(days(weekly, '2027-01-01', '2027-03-31')).toEqual(['2027-02-01', '2027-02-08', '2027-02-15']);
  });

  it('every two weeks counts weeks from the first day’s week', () => {
    const fortnightly: Recurrence = {
      firstDay: '2027-02-03',
      weekly: { weekdays: [1, 3], intervalWeeks: 2, until: null },
    };
    expect(days(fortnightly, '2027-02-01', '2027-03-05')).toEqual([
      '2027-02-03',
      '2027-02-15',
      '2027-02-17',
      '2027-03-01',
      '2027-03-03',
    ]);
  });

  it.each([
    { firstDay: '2027-02-01', weekly: { weekdays: [1, 2, 3, 4, 5], intervalWeeks: 1, until: '2027-05-01' } },
    { firstDay: '2027-02-03', weekly: { weekdays: [1, 3, 5], intervalWeeks: 2, until: null } },
    { firstDay: '2027-01-07', weekly: { weekdays: [4], intervalWeeks: 3, until: '2027-12-31' } },
    { firstDay: '2026-12-28', weekly: { weekdays: [6, 7], intervalWeeks: 4, until: null } },
  ] satisfies Recurrence[])('agrees with the rrule library: %j', (recurrence) => {
    expect(days(recurrence, '2027-01-01', '2027-12-31')).toEqual(
      oracle(recurrence, '2027-01-01', '2027-12-31'),
    );
  });

  it('writes an iCalendar RRULE', () => {
    expect(
      toRRule({
        firstDay: '2027-02-01',
        weekly: { weekdays: [5, 1], intervalWeeks: 2, until: '2027-06-30' },
      }),
    ).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;UNTIL=20270630;WKST=MO');
    expect(toRRule({ firstDay: '2027-02-01', weekly: null })).toBeNull();
  });
});
