import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayMs, minuteMs } from '../time/local-date';
import { bookingWindow } from './booking-window';
import { occurrencesInWindow } from './occurrences';
import {
  type BookedTime,
  findSlots,
  type Interval,
  maxBufferMinutes,
  type PractitionerAgenda,
  type SlotSearch,
  slotReach,
} from './slots';

/**
 * Properties of the slot engine together with how the server reads agendas (issue 9 §1): whatever
 * window is asked, a slot is free for real, and the booking check (the engine over one minute at the
 * slot's start) accepts it. Cases are drawn over ordinary weeks and the DST weeks of Paris and Zurich.
 */

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** An appointment with its own buffers, written out here rather than taken from the engine. */
const withBuffers = (a: BookedTime): Interval => ({
  start: a.start - (a.bufferBeforeMinutes ?? 0) * minuteMs,
  end: a.end + (a.bufferAfterMinutes ?? 0) * minuteMs,
});

/** What `loadAgendas` reads for a window: absences meeting it, appointments whose buffers may reach it. */
function asLoaded(agenda: PractitionerAgenda, window: Interval): PractitionerAgenda {
  const widened = {
    start: window.start - maxBufferMinutes * minuteMs,
    end: window.end + maxBufferMinutes * minuteMs,
  };
  return {
    ...agenda,
    absences: agenda.absences.filter((absence) => overlaps(absence, window)),
    appointments: agenda.appointments.filter((appointment) => overlaps(appointment, widened)),
  };
}

/** The server's slot search: the engine over a window, on agendas read over the slots' reach. */
function serverSlots(search: SlotSearch, from: number, to: number) {
  const reach = slotReach(from, to, search.motif);
  return findSlots({
    ...search,
    from,
    to,
    practitioners: search.practitioners.map((agenda) => asLoaded(agenda, reach)),
  });
}

// Mondays of weeks to draw from: ordinary ones and those with a change of hour
const weeks = [
  '2026-03-23', // Paris and Zurich spring forward on Sunday 29 March 2026
  '2026-10-19', // autumn back on 25 October 2026
  '2027-03-22', // spring forward on 28 March 2027
  '2027-10-25', // autumn back on 31 October 2027
  '2027-02-01',
  '2026-06-15',
];

const minuteOfDay = (min: number, max: number) =>
  fc.integer({ min: min / 5, max: max / 5 }).map((n) => n * 5);

const scenario = fc
  .record({
    timeZone: fc.constantFrom('Europe/Paris', 'Europe/Zurich'),
    monday: fc.constantFrom(...weeks),
    gridMinutes: fc.constantFrom(5, 10, 15, 20, 30),
    ranges: fc.array(
      fc.record({
        weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        startMinute: minuteOfDay(0, 20 * 60),
        length: minuteOfDay(30, 8 * 60),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    // offsets in minutes from the week's Monday 00:00 UTC, spread over nine days to cross its edges
    absences: fc.array(fc.record({ at: minuteOfDay(0, 9 * 1440), length: minuteOfDay(5, 6 * 60) }), {
      maxLength: 4,
    }),
    recurringAbsence: fc.option(
      fc.record({
        weekday: fc.integer({ min: 1, max: 7 }),
        startMinute: minuteOfDay(0, 22 * 60),
        length: minuteOfDay(5, 180),
      }),
    ),
    appointments: fc.array(
      fc.record({
        at: minuteOfDay(0, 9 * 1440),
        length: minuteOfDay(5, 120),
        before: fc.integer({ min: 0, max: 60 }),
        after: fc.integer({ min: 0, max: 60 }),
      }),
      { maxLength: 8 },
    ),
    motif: fc.record({
      durationMinutes: minuteOfDay(5, 120),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 60 }),
      bufferAfterMinutes: fc.integer({ min: 0, max: 60 }),
      minDelayMinutes: fc.integer({ min: 0, max: 24 * 60 }),
      maxDelayDays: fc.option(fc.integer({ min: 1, max: 10 })),
    }),
    // the query window: from an offset (in minutes, from Monday 00:00 UTC minus a day), for a length
    windowAt: fc.integer({ min: 0, max: 9 * 1440 }),
    windowLength: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 4 * 1440 })),
    // now: before the week, or inside it
    nowAt: fc.integer({ min: -3 * 1440, max: 5 * 1440 }),
  })
  .map((drawn) => {
    const base = Date.parse(`${drawn.monday}T00:00:00Z`);
    const minutes = (n: number) => base + n * minuteMs;
    const appointments: BookedTime[] = drawn.appointments.map((a) => ({
      start: minutes(a.at),
      end: minutes(a.at + a.length),
      bufferBeforeMinutes: a.before,
      bufferAfterMinutes: a.after,
    }));
    const agenda: PractitionerAgenda = {
      practitionerId: 'p1',
      ranges: drawn.ranges.map((range, index) => ({
        id: `r${index}`,
        locationId: 'site',
        recurrence: {
          firstDay: drawn.monday,
          weekly: { weekdays: range.weekdays, intervalWeeks: 1, until: null },
        },
        startMinute: range.startMinute,
        endMinute: Math.min(24 * 60, range.startMinute + range.length),
        motifIds: [],
      })),
      absences: drawn.absences.map((a) => ({ start: minutes(a.at), end: minutes(a.at + a.length) })),
      recurringAbsences: drawn.recurringAbsence
        ? [
            {
              recurrence: {
                firstDay: drawn.monday,
                weekly: { weekdays: [drawn.recurringAbsence.weekday], intervalWeeks: 1, until: null },
              },
              startMinute: drawn.recurringAbsence.startMinute,
              endMinute: drawn.recurringAbsence.startMinute + drawn.recurringAbsence.length,
            },
          ]
        : [],
      appointments,
    };
    const from = minutes(drawn.windowAt - 1440);
    const search: SlotSearch = {
      timeZone: drawn.timeZone,
      from,
      to: from + drawn.windowLength * minuteMs,
      now: minutes(drawn.nowAt),
      gridMinutes: drawn.gridMinutes,
      motif: { id: 'm', ...drawn.motif },
      practitioners: [agenda],
    };
    return { search, agenda, weekStart: base - dayMs, weekEnd: base + 10 * dayMs };
  });

const runs = Number(process.env.PROPERTY_RUNS ?? 300);

describe('slot engine properties (fast-check)', () => {
  it('every slot of any window is free for real: no absence, appointment or buffer meets it', () => {
    fc.assert(
      fc.property(scenario, ({ search, agenda }) => {
        const slots = serverSlots(search, search.from, search.to);
        const before = (search.motif.bufferBeforeMinutes ?? 0) * minuteMs;
        const after = (search.motif.bufferAfterMinutes ?? 0) * minuteMs;
        const window = bookingWindow(search.now, search.motif, search.timeZone);
        for (const slot of slots) {
          const kept = { start: slot.start - before, end: slot.end + after };
          expect(slot.start >= search.from && slot.start < search.to).toBe(true);
          expect(slot.start >= window.earliest && slot.start < window.latest).toBe(true);
          for (const absence of agenda.absences) expect(overlaps(kept, absence)).toBe(false);
          for (const appointment of agenda.appointments)
            expect(overlaps(kept, withBuffers(appointment))).toBe(false);
          const recurring = occurrencesInWindow(
            agenda.recurringAbsences,
            search.timeZone,
            kept.start,
            kept.end,
          );
          expect(recurring).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
  });

  it('the booking check (one minute at the start) accepts every slot a window showed', () => {
    fc.assert(
      fc.property(scenario, ({ search }) => {
        for (const slot of serverSlots(search, search.from, search.to)) {
          const check = serverSlots(search, slot.start, slot.start + minuteMs);
          expect(
            check.some((other) => other.start === slot.start && other.locationId === slot.locationId),
          ).toBe(true);
        }
      }),
      { numRuns: runs },
    );
  });

  it('a window shows exactly the slots of a wider search that start in it', () => {
    fc.assert(
      fc.property(scenario, ({ search, weekStart, weekEnd }) => {
        const inWindow = serverSlots(search, search.from, search.to).map((slot) => slot.start);
        const wide = serverSlots(search, Math.min(weekStart, search.from), Math.max(weekEnd, search.to))
          .map((slot) => slot.start)
          .filter((start) => start >= search.from && start < search.to);
        expect(inWindow).toEqual(wide);
      }),
      { numRuns: runs },
    );
  });
});
