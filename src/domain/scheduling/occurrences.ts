import { dayMs, localMs } from '../time/local-date';
import { ZoneConverter } from '../time/zone-converter';
import { compileRecurrence, occurrencesBetween, type Recurrence } from './recurrence';
import type { Interval } from './slots';

/** Something that happens on local hours of recurring days: an opening range, a recurring absence. */
export interface DailyHours {
  recurrence: Recurrence;
  startMinute: number;
  /** an end at or before the start means the next day */
  endMinute: number;
}

/**
 * The occurrences of daily-hours items that meet a window of instants, as instants in the practice's
 * zone (DST-exact). Only the window's days are expanded.
 */
export function occurrencesInWindow<T extends DailyHours>(
  items: readonly T[],
  timeZone: string,
  from: number,
  to: number,
): { item: T; interval: Interval }[] {
  const zone = new ZoneConverter(timeZone, from, to);
  const firstDay = Math.floor(zone.toLocal(from) / dayMs) - 1;
  const lastDay = Math.floor(zone.toLocal(to) / dayMs) + 1;
  const result: { item: T; interval: Interval }[] = [];
  for (const item of items) {
    for (const day of occurrencesBetween(compileRecurrence(item.recurrence), firstDay, lastDay)) {
      const endDay = item.endMinute <= item.startMinute ? day + 1 : day;
      const interval = {
        start: zone.toInstant(localMs(day, item.startMinute)),
        end: zone.toInstant(localMs(endDay, item.endMinute)),
      };
      if (interval.start < to && interval.end > from) result.push({ item, interval });
    }
  }
  return result.sort((a, b) => a.interval.start - b.interval.start);
}
