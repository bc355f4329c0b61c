import { dayMs, localMs, minuteMs } from '../time/local-date';
import { ZoneConverter } from '../time/zone-converter';
import { type BookingDelays, bookingWindow } from './booking-window';
import { occurrencesInWindow } from './occurrences';
import {
  type CompiledRecurrence,
  compileRecurrence,
  occurrencesBetween,
  type Recurrence,
} from './recurrence';

/** An interval of instants (ms since epoch), end excluded. */
export interface Interval {
  start: number;
  end: number;
}

/** A practitioner's recurring opening at a location, for some motifs (SET-5). Local times. */
export interface OpeningRange {
  id: string;
  locationId: string;
  recurrence: Recurrence;
  startMinute: number;
  endMinute: number;
  /** motifs bookable in it; empty = every motif */
  motifIds: readonly string[];
}

/** A recurring absence (SET-6): every occurrence day, from startMinute to endMinute local. */
export interface RecurringAbsence {
  recurrence: Recurrence;
  startMinute: number;
  endMinute: number;
}

/**
 * A booked appointment as the engine sees it: its time and its motif's buffers, which belong to it (a
 * 30-minute buffer after a surgery keeps any other appointment, buffered or not, out of that time).
 */
export interface BookedTime extends Interval {
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  /** cancelled appointments free their time and are ignored */
  cancelled?: boolean;
}

export interface PractitionerAgenda {
  practitionerId: string;
  ranges: readonly OpeningRange[];
  /** one-off absences, as instants */
  absences: readonly Interval[];
  recurringAbsences: readonly RecurringAbsence[];
  appointments: readonly BookedTime[];
}

/** Buffers are at most 4 hours (the motifs' CHECK constraint). */
export const maxBufferMinutes = 240;

export interface SlotMotif extends BookingDelays {
  id: string;
  /** the appointment's length: `appointmentMinutes(motif, firstVisit)` */
  durationMinutes: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
}

export interface SlotSearch {
  timeZone: string;
  /** window of slot starts: [from, to) */
  from: number;
  to: number;
  now: number;
  /** minutes between possible starts, counted from each range's start (5, 10, 15, 20 or 30) */
  gridMinutes: number;
  motif: SlotMotif;
  practitioners: readonly PractitionerAgenda[];
  /** local days the practice is closed (public holidays), as YYYY-MM-DD */
  closedDays?: ReadonlySet<string>;
  /** keep only these locations */
  locationIds?: ReadonlySet<string>;
}

/** A free start time for the motif with one practitioner at one location. */
export interface Slot {
  start: number;
  end: number;
  practitionerId: string;
  locationId: string;
}

/** One start time for "any practitioner": everyone free then, in the order given. */
export interface MergedSlot {
  start: number;
  end: number;
  options: { practitionerId: string; locationId: string }[];
}

interface CompiledRange {
  range: OpeningRange;
  rule: CompiledRecurrence;
}

/**
 * Free slots of a motif (RDV-3, BOOK-1): for each practitioner, each opening-range occurrence in the
 * window (recurrences are expanded over the window only), on a grid anchored at the range's start,
 * minus absences, holidays and live appointments (with the motif's buffers), within the motif's minimum
 * and maximum booking delays. Local times are converted in the practice's zone, DST included.
 * Pure: everything, `now` included, comes in the arguments. Sorted by start, then practitioner order.
 */
export function findSlots(search: SlotSearch): Slot[] {
  const { motif } = search;
  const durationMs = motif.durationMinutes * minuteMs;
  const gridMs = search.gridMinutes * minuteMs;
  const window = bookingWindow(search.now, motif, search.timeZone);
  const lo = Math.max(search.from, window.earliest);
  const hi = Math.min(search.to, window.latest);
  if (!(lo < hi) || durationMs <= 0 || gridMs <= 0) return [];

  const zone = new ZoneConverter(search.timeZone, lo, hi);
  const firstDay = Math.floor(zone.toLocal(lo) / dayMs);
  const lastDay = Math.floor(zone.toLocal(hi) / dayMs);
  const closed = closedDayNumbers(search.closedDays);
  const before = (motif.bufferBeforeMinutes ?? 0) * minuteMs;
  const after = (motif.bufferAfterMinutes ?? 0) * minuteMs;

  const slots: Slot[] = [];
  search.practitioners.forEach((agenda) => {
    const ranges: CompiledRange[] = agenda.ranges
      .filter((range) => range.motifIds.length === 0 || range.motifIds.includes(motif.id))
      .filter((range) => !search.locationIds || search.locationIds.has(range.locationId))
      .map((range) => ({ range, rule: compileRecurrence(range.recurrence) }));
    if (ranges.length === 0) return;
    const reach = slotReach(lo, hi, motif);
    const blocked = blockedIntervals(agenda, reach.start, reach.end, search.timeZone);
    const seen = new Set<number>();
    for (const { range, rule } of ranges) {
      for (const day of occurrencesBetween(rule, firstDay, lastDay)) {
        if (closed.has(day)) continue;
        const rangeStart = zone.toInstant(localMs(day, range.startMinute));
        const rangeEnd = zone.toInstant(localMs(day, range.endMinute));
        let start =
          rangeStart < lo ? rangeStart + Math.ceil((lo - rangeStart) / gridMs) * gridMs : rangeStart;
        for (; start + durationMs <= rangeEnd && start < hi; start += gridMs) {
          if (seen.has(start)) continue;
          if (overlapsAny(blocked, start - before, start + durationMs + after)) continue;
          seen.add(start);
          slots.push({
            start,
            end: start + durationMs,
            practitionerId: agenda.practitionerId,
            locationId: range.locationId,
          });
        }
      }
    }
  });
  const order = new Map(search.practitioners.map((agenda, index) => [agenda.practitionerId, index]));
  return slots.sort(
    (a, b) => a.start - b.start || (order.get(a.practitionerId) ?? 0) - (order.get(b.practitionerId) ?? 0),
  );
}

/**
 * The instants that can decide whether a slot starting in [from, to) is free: from its earliest buffer
 * before to its latest end and buffer after, widened by the longest buffer another appointment may have.
 * What the agenda loader must read (absences, appointments overlapping it), whatever window was asked.
 */
export function slotReach(from: number, to: number, motif: SlotMotif): Interval {
  const before = ((motif.bufferBeforeMinutes ?? 0) + maxBufferMinutes) * minuteMs;
  const after = (motif.durationMinutes + (motif.bufferAfterMinutes ?? 0) + maxBufferMinutes) * minuteMs;
  return { start: from - before, end: to + after };
}

/** "Any practitioner": one entry per start time, keeping who is free then. */
export function mergeAnyPractitioner(slots: readonly Slot[]): MergedSlot[] {
  const merged: MergedSlot[] = [];
  for (const slot of slots) {
    const last = merged.at(-1);
    const option = { practitionerId: slot.practitionerId, locationId: slot.locationId };
    if (last && last.start === slot.start) last.options.push(option);
    else merged.push({ start: slot.start, end: slot.end, options: [option] });
  }
  return merged;
}

/**
 * The first free slot from `search.from`, looking a week at a time up to `horizonDays` ahead, so only
 * the weeks actually needed are expanded.
 */
export function nextAvailability(search: SlotSearch, horizonDays = 366): Slot | null {
  const horizon = Math.min(search.to, search.from + horizonDays * dayMs);
  for (let from = search.from; from < horizon; from += 7 * dayMs) {
    const [first] = findSlots({ ...search, from, to: Math.min(horizon, from + 7 * dayMs) });
    if (first) return first;
  }
  return null;
}

function closedDayNumbers(days: ReadonlySet<string> | undefined): Set<number> {
  const numbers = new Set<number>();
  for (const day of days ?? []) numbers.add(Date.parse(`${day}T00:00:00Z`) / dayMs);
  return numbers;
}

/** The time an appointment keeps for itself: its own time and its buffers. */
export function reservedTime(appointment: BookedTime): Interval {
  return {
    start: appointment.start - (appointment.bufferBeforeMinutes ?? 0) * minuteMs,
    end: appointment.end + (appointment.bufferAfterMinutes ?? 0) * minuteMs,
  };
}

/** Absences and appointments (with their buffers) as one sorted list of merged intervals. */
function blockedIntervals(
  agenda: PractitionerAgenda,
  from: number,
  to: number,
  timeZone: string,
): Interval[] {
  const all: Interval[] = [
    ...agenda.appointments.filter((appointment) => !appointment.cancelled).map(reservedTime),
    ...agenda.absences,
    ...occurrencesInWindow(agenda.recurringAbsences, timeZone, from, to).map(
      (occurrence) => occurrence.interval,
    ),
  ];
  all.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of all) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
}

/** Whether [start, end) meets any interval of a sorted, merged list (binary search). */
function overlapsAny(sorted: readonly Interval[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as Interval).end <= start) low = middle + 1;
    else high = middle;
  }
  const candidate = sorted[low];
  return candidate !== undefined && candidate.start < end;
}
