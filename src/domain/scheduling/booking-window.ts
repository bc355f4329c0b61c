import { Temporal } from 'temporal-polyfill';
import { minuteMs } from '../time/local-date';

/** A motif's online booking delays (SET-4). */
export interface BookingDelays {
  /** a slot starts at least this many minutes after now */
  minDelayMinutes?: number;
  /** a slot starts at the latest on the N-th calendar day after today; null = no limit */
  maxDelayDays?: number | null;
}

/** The instants a slot may start in: [earliest, latest). */
export interface BookingWindow {
  earliest: number;
  latest: number;
}

/**
 * When a motif may be booked online from `now` (SET-4): from now plus the minimum delay, up to the end of
 * the `maxDelayDays`-th calendar day after today in the practice's zone. Days are calendar days, not
 * 24-hour periods: "30 days" on 15 March at 10:00 in Paris reaches the whole of 14 April, across the
 * spring change of hour. The slot search and the booking check both use this one rule, so a slot the
 * page shows is never refused as too late.
 */
export function bookingWindow(now: number, delays: BookingDelays, timeZone: string): BookingWindow {
  const earliest = now + (delays.minDelayMinutes ?? 0) * minuteMs;
  const maxDays = delays.maxDelayDays ?? null;
  if (maxDays === null) return { earliest, latest: Number.POSITIVE_INFINITY };
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate();
  const latest = today.add({ days: maxDays + 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  return { earliest, latest };
}
