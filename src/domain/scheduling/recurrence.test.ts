import fc from 'fast-check';
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

describe('monthly recurrence', () => {
  it('every month on the 18th, skipping nothing; on the 31st, only the months that have one', () => {
    const on18: Recurrence = {
      firstDay: '2027-01-10',
      weekly: null,
      monthly: { intervalMonths: 1, monthDay: 18, nth: null, weekday: null, until: null },
    };
    expect(days(on18, '2027-01-01', '2027-04-30')).toEqual([
      '2027-01-18',
      '2027-02-18',
      '2027-03-18',
      '2027-04-18',
    ]);
    const on31: Recurrence = {
      ...on18,
      monthly: { ...(on18.monthly as NonNullable<Recurrence['monthly']>), monthDay: 31 },
    };
    expect(days(on31, '2027-01-01', '2027-05-31')).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
  });

  it('the third Thursday, the last Friday, every other month, until a day', () => {
    const third: Recurrence = {
      firstDay: '2027-01-01',
      weekly: null,
      monthly: { intervalMonths: 1, monthDay: null, nth: 3, weekday: 4, until: '2027-03-31' },
    };
    expect(days(third, '2026-12-01', '2027-12-31')).toEqual(['2027-01-21', '2027-02-18', '2027-03-18']);
    const lastFriday: Recurrence = {
      firstDay: '2027-01-01',
      weekly: null,
      monthly: { intervalMonths: 2, monthDay: null, nth: -1, weekday: 5, until: null },
    };
    expect(days(lastFriday, '2027-01-01', '2027-06-30')).toEqual(['2027-01-29', '2027-03-26', '2027-05-28']);
    expect(toRRule(lastFriday)).toBe('FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;WKST=MO');
  });

  it('agrees with the rrule library for any monthly rule (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2025-01-01'), max: dayOf('2028-12-31') }),
        fc.integer({ min: 1, max: 4 }),
        fc.oneof(
          fc.record({
            monthDay: fc.integer({ min: 1, max: 31 }),
            nth: fc.constant(null),
            weekday: fc.constant(null),
          }),
          fc.record({
            monthDay: fc.constant(null),
            nth: fc.constantFrom(1, 2, 3, 4, 5, -1),
            weekday: fc.integer({ min: 1, max: 7 }),
          }),
        ),
        (first, intervalMonths, by) => {
          const recurrence: Recurrence = {
            firstDay: isoOfDay(first),
            weekly: null,
            monthly: { intervalMonths, ...by, until: null },
          };
          const from = isoOfDay(first);
          const to = isoOfDay(first + 730);
          expect(days(recurrence, from, to)).toEqual(oracle(recurrence, from, to));
        },
      ),
      { numRuns: 300 },
    );
  });
});
