import { describe, expect, it } from 'vitest';
import type { Recurrence } from './recurrence';
import {
  findSlots,
  mergeAnyPractitioner,
  nextAvailability,
  type OpeningRange,
  type PractitionerAgenda,
  type SlotSearch,
} from './slots';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');

const weekdays: Recurrence['weekly'] = { weekdays: [1, 2, 3, 4, 5], intervalWeeks: 1, until: null };

function range(overrides: Partial<OpeningRange> = {}): OpeningRange {
  return {
    id: 'r1',
    locationId: 'lyon',
    recurrence: { firstDay: '2027-01-04', weekly: weekdays },
    startMinute: 9 * 60,
    endMinute: 12 * 60,
    motifIds: [],
    ...overrides,
  };
}

function agenda(overrides: Partial<PractitionerAgenda> = {}): PractitionerAgenda {
  return {
    practitionerId: 'bernard',
    ranges: [range()],
    absences: [],
    recurringAbsences: [],
    appointments: [],
    ...overrides,
  };
}

function search(overrides: Partial<SlotSearch> = {}): SlotSearch {
  return {
    timeZone: 'Europe/Paris',
    from: at('2027-02-01T00:00:00Z'),
    to: at('2027-02-02T00:00:00Z'),
    now: at('2027-01-01T00:00:00Z'),
    gridMinutes: 30,
    motif: { id: 'control', durationMinutes: 30 },
    practitioners: [agenda()],
    ...overrides,
  };
}

const starts = (s: SlotSearch) => findSlots(s).map((slot) => iso(slot.start));

describe('slot engine', () => {
  it('lists a range’s starts on its grid, the last one ending at the range’s end', () => {
    expect(starts(search())).toEqual([
      '2027-02-01T08:00Z',
      '2027-02-01T08:30Z',
      '2027-02-01T09:00Z',
      '2027-02-01T09:30Z',
      '2027-02-01T10:00Z',
      '2027-02-01T10:30Z',
    ]);
  });

  it('anchors the grid at the range’s start, not at the hour', () => {
    const slots = starts(
      search({
        practitioners: [agenda({ ranges: [range({ startMinute: 9 * 60 + 10, endMinute: 10 * 60 + 10 })] })],
      }),
    );
    expect(slots).toEqual(['2027-02-01T08:10Z', '2027-02-01T08:40Z']);
  });

  describe.each([
    // zone, Friday before, Monday after, UTC hour of 09:00 before, after
    ['Europe/Paris', 'spring', '2027-03-26', '2027-03-29', '08', '07'],
    ['Europe/Paris', 'autumn', '2027-10-29', '2027-11-01', '07', '08'],
    ['Europe/Zurich', 'spring', '2026-03-27', '2026-03-30', '08', '07'],
    ['Europe/Zurich', 'autumn', '2026-10-23', '2026-10-26', '07', '08'],
  ])('DST week in %s (%s)', (timeZone, _season, friday, monday, before, after) => {
    it('keeps 09:00 local on both sides of the change', () => {
      const slots = findSlots(
        search({
          timeZone,
          now: at('2026-01-01T00:00:00Z'),
          from: at(`${friday}T00:00:00Z`),
          to: at(`${monday}T23:00:00Z`),
          practitioners: [
            agenda({ ranges: [range({ recurrence: { firstDay: '2026-01-05', weekly: weekdays } })] }),
          ],
        }),
      );
      const firstOf = (day: string) => slots.find((slot) => iso(slot.start).startsWith(day));
      expect(iso(firstOf(friday)?.start ?? 0)).toBe(`${friday}T${before}:00Z`);
      expect(iso(firstOf(monday)?.start ?? 0)).toBe(`${monday}T${after}:00Z`);
      // the weekend in between has nothing, and each day still has its 6 slots of 30 minutes
      expect(slots).toHaveLength(12);
    });
  });

  it('handles a range that spans the night of the spring change without losing or doubling a slot', () => {
    const sunday: OpeningRange = range({
      recurrence: { firstDay: '2027-03-28', weekly: null },
      startMinute: 60,
      endMinute: 5 * 60,
    });
    const slots = starts(
      search({
        from: at('2027-03-27T12:00:00Z'),
        to: at('2027-03-28T12:00:00Z'),
        gridMinutes: 60,
        motif: { id: 'm', durationMinutes: 60 },
        practitioners: [agenda({ ranges: [sunday] })],
      }),
    );
    // 01:00 local (00:00Z) to 05:00 local (03:00Z) is three real hours
    expect(slots).toEqual(['2027-03-28T00:00Z', '2027-03-28T01:00Z', '2027-03-28T02:00Z']);
  });

  it('repeats every two weeks', () => {
    const fortnightly = range({
      recurrence: { firstDay: '2027-02-01', weekly: { weekdays: [1], intervalWeeks: 2, until: null } },
    });
    const days = new Set(
      findSlots(
        search({
          from: at('2027-02-01T00:00:00Z'),
          to: at('2027-03-01T00:00:00Z'),
          practitioners: [agenda({ ranges: [fortnightly] })],
        }),
      ).map((slot) => iso(slot.start).slice(0, 10)),
    );
    expect([...days]).toEqual(['2027-02-01', '2027-02-15']);
  });

  it('includes the until day and nothing after it', () => {
    const ending = range({
      recurrence: {
        firstDay: '2027-02-01',
        weekly: { weekdays: [1, 2, 3, 4, 5], intervalWeeks: 1, until: '2027-02-03' },
      },
    });
    const days = new Set(
      findSlots(
        search({
          from: at('2027-02-01T00:00:00Z'),
          to: at('2027-02-10T00:00:00Z'),
          practitioners: [agenda({ ranges: [ending] })],
        }),
      ).map((slot) => iso(slot.start).slice(0, 10)),
    );
    expect([...days]).toEqual(['2027-02-01', '2027-02-02', '2027-02-03']);
  });

  it('never yields a slot before the range’s first day', () => {
    const later = range({ recurrence: { firstDay: '2027-02-03', weekly: weekdays } });
    const first = findSlots(
      search({
        from: at('2027-02-01T00:00:00Z'),
        to: at('2027-02-10T00:00:00Z'),
        practitioners: [agenda({ ranges: [later] })],
      }),
    )[0];
    expect(iso(first?.start ?? 0)).toBe('2027-02-03T08:00Z');
  });

  it('subtracts absences, one-off and recurring', () => {
    const slots = starts(
      search({
        practitioners: [
          agenda({
            absences: [{ start: at('2027-02-01T08:00:00Z'), end: at('2027-02-01T09:00:00Z') }],
            recurringAbsences: [
              {
                recurrence: { firstDay: '2027-01-04', weekly: weekdays },
                startMinute: 11 * 60,
                endMinute: 12 * 60,
              },
            ],
          }),
        ],
      }),
    );
    expect(slots).toEqual(['2027-02-01T09:00Z', '2027-02-01T09:30Z']);
  });

  it('subtracts live appointments, ignores cancelled ones, and allows back-to-back', () => {
    const slots = starts(
      search({
        practitioners: [
          agenda({
            appointments: [
              { start: at('2027-02-01T08:30:00Z'), end: at('2027-02-01T09:00:00Z') },
              { start: at('2027-02-01T10:00:00Z'), end: at('2027-02-01T10:30:00Z'), cancelled: true },
            ],
          }),
        ],
      }),
    );
    expect(slots).toEqual([
      '2027-02-01T08:00Z',
      '2027-02-01T09:00Z',
      '2027-02-01T09:30Z',
      '2027-02-01T10:00Z',
      '2027-02-01T10:30Z',
    ]);
  });

  it('keeps the motif’s buffers clear of appointments', () => {
    const slots = starts(
      search({
        motif: { id: 'surgery', durationMinutes: 30, bufferAfterMinutes: 15 },
        practitioners: [
          agenda({ appointments: [{ start: at('2027-02-01T09:00:00Z'), end: at('2027-02-01T09:30:00Z') }] }),
        ],
      }),
    );
    expect(slots).not.toContain('2027-02-01T08:30Z');
    expect(slots).toContain('2027-02-01T08:00Z');
    expect(slots).toContain('2027-02-01T09:30Z');
  });

  it('keeps another appointment’s buffers clear too, whatever the new motif’s own buffers', () => {
    // a surgery 09:00–09:30 UTC with 30 minutes of buffer after it: nothing may start before 10:00
    const surgery = {
      start: at('2027-02-01T09:00:00Z'),
      end: at('2027-02-01T09:30:00Z'),
      bufferAfterMinutes: 30,
      bufferBeforeMinutes: 15,
    };
    // and buffers do not overlap each other: a motif with a buffer before starts after both (10:30)
    for (const [motif, firstAfter] of [
      [{ id: 'control', durationMinutes: 30 }, '2027-02-01T10:00Z'],
      [{ id: 'scaling', durationMinutes: 30, bufferBeforeMinutes: 10 }, '2027-02-01T10:30Z'],
    ] as const) {
      const slots = starts(search({ motif, practitioners: [agenda({ appointments: [surgery] })] }));
      expect(slots).not.toContain('2027-02-01T09:30Z');
      expect(slots).not.toContain('2027-02-01T08:30Z'); // would end in the surgery's buffer before
      expect(slots.find((start) => start >= '2027-02-01T09:30Z')).toBe(firstAfter);
    }
  });

  it('sees an absence that starts after the window but within a slot, and buffers before the window', () => {
    const absence = { start: at('2027-02-01T09:15:00Z'), end: at('2027-02-01T10:00:00Z') };
    const appointment = {
      start: at('2027-02-01T08:00:00Z'),
      end: at('2027-02-01T08:30:00Z'),
      bufferAfterMinutes: 30,
    };
    const narrow = (from: string) =>
      starts(
        search({
          from: at(from),
          to: at(from) + 60_000,
          practitioners: [agenda({ absences: [absence], appointments: [appointment] })],
        }),
      );
    expect(narrow('2027-02-01T09:00:00Z')).toEqual([]); // 09:00–09:30 meets the absence at 09:15
    expect(narrow('2027-02-01T08:30:00Z')).toEqual([]); // in the appointment's buffer after
    expect(narrow('2027-02-01T10:00:00Z')).toEqual(['2027-02-01T10:00Z']);
  });

  it('honours the minimum and maximum booking delays', () => {
    const now = at('2027-02-01T07:00:00Z');
    const slots = findSlots(
      search({
        now,
        from: now,
        to: at('2027-02-10T00:00:00Z'),
        motif: { id: 'control', durationMinutes: 30, minDelayMinutes: 120, maxDelayDays: 2 },
      }),
    );
    expect(iso(slots[0]?.start ?? 0)).toBe('2027-02-01T09:00Z');
    // two calendar days after Monday 1 February: the whole of Wednesday 3 February, in Paris
    expect(iso(slots.at(-1)?.start ?? 0)).toBe('2027-02-03T10:30Z');
    expect(slots.every((slot) => slot.start < at('2027-02-03T23:00:00Z'))).toBe(true);
  });

  it('closes public holidays', () => {
    const slots = findSlots(
      search({
        from: at('2027-05-07T00:00:00Z'),
        to: at('2027-05-11T00:00:00Z'),
        closedDays: new Set(['2027-05-10']),
      }),
    );
    expect(new Set(slots.map((slot) => iso(slot.start).slice(0, 10)))).toEqual(new Set(['2027-05-07']));
  });

  it('starts a range already under way today at the next grid point after now', () => {
    const now = at('2027-02-01T09:10:00Z');
    expect(starts(search({ now, from: now }))[0]).toBe('2027-02-01T09:30Z');
  });

  it('gives one "any practitioner" slot when two are free at the same time, keeping both', () => {
    const slots = findSlots(
      search({
        practitioners: [
          agenda({ practitionerId: 'bernard' }),
          agenda({
            practitionerId: 'moreau',
            ranges: [range({ locationId: 'villeurbanne', startMinute: 10 * 60, endMinute: 11 * 60 })],
          }),
        ],
      }),
    );
    const merged = mergeAnyPractitioner(slots);
    expect(merged).toHaveLength(6);
    const ten = merged.find((slot) => iso(slot.start) === '2027-02-01T09:00Z');
    expect(ten?.options).toEqual([
      { practitionerId: 'bernard', locationId: 'lyon' },
      { practitionerId: 'moreau', locationId: 'villeurbanne' },
    ]);
  });

  it('offers only motifs a range accepts, and only chosen locations', () => {
    expect(
      findSlots(search({ practitioners: [agenda({ ranges: [range({ motifIds: ['surgery'] })] })] })),
    ).toEqual([]);
    expect(findSlots(search({ locationIds: new Set(['villeurbanne']) }))).toEqual([]);
  });

  it('finds the next availability weeks ahead', () => {
    const busyUntilMarch = agenda({
      absences: [{ start: at('2027-02-01T00:00:00Z'), end: at('2027-03-15T00:00:00Z') }],
    });
    const next = nextAvailability(
      search({ to: at('2027-12-31T00:00:00Z'), practitioners: [busyUntilMarch] }),
    );
    expect(iso(next?.start ?? 0)).toBe('2027-03-15T08:00Z');
  });
});
