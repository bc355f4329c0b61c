import { quietHours } from '../../../domain/scheduling/reminders';
import { dayMs, dayOf, isoOfDay, localMs, minuteMs } from '../../../domain/time/local-date';
import { ZoneConverter } from '../../../domain/time/zone-converter';

/** At most this many offers per waiting-list request, ever (RDV-10: no patient flooded with SMS). */
export const maxOffersPerEntry = 3;
/** A freed slot goes to this many waiting patients at once; the first to accept books it. */
export const offersPerRound = 3;
/** An offer stays open this long at most (less when the slot is closer). */
export const offerLifetimeMs = 12 * 3600_000;

/** The local day (YYYY-MM-DD) of an instant in a time zone. */
export function localDayOf(instant: Date, timeZone: string): string {
  const at = instant.getTime();
  const zone = new ZoneConverter(timeZone, at - dayMs, at + dayMs);
  return isoOfDay(Math.floor(zone.toLocal(at) / dayMs));
}

/** The instants a local day starts and ends at (23 or 25 hours long on DST days). */
export function localDayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const number = dayOf(day);
  const zone = new ZoneConverter(timeZone, number * dayMs, (number + 1) * dayMs);
  return {
    start: new Date(zone.toInstant(localMs(number, 0))),
    end: new Date(zone.toInstant(localMs(number + 1, 0))),
  };
}

/** A local day shifted by some days. */
export function addDays(day: string, days: number): string {
  return isoOfDay(dayOf(day) + days);
}

/**
 * When an offer's SMS may leave: now in the daytime, otherwise 08:00 local the next morning — a
 * cancellation at 23:00 must not wake waiting patients (the reminders' rule, NOT-1). Emails leave at once.
 */
export function smsSendTime(now: Date, timeZone: string): Date {
  const at = now.getTime();
  const zone = new ZoneConverter(timeZone, at - dayMs, at + 2 * dayMs);
  const local = zone.toLocal(at);
  const day = Math.floor(local / dayMs);
  const minute = Math.floor((local - day * dayMs) / minuteMs);
  if (minute >= quietHours.opensMinute && minute < quietHours.closesMinute) return now;
  const morning = minute < quietHours.opensMinute ? day : day + 1;
  return new Date(zone.toInstant(localMs(morning, quietHours.opensMinute)));
}

/**
 * An offer expires at the earlier of the last moment the motif may still be booked (start minus its
 * minimum delay) and 12 hours after it is sent; null when the slot can no longer be offered.
 */
export function offerExpiry(
  slotStart: Date,
  minDelayMinutes: number,
  now: Date,
): { expiresAt: Date; latest: Date } | null {
  const latest = new Date(slotStart.getTime() - minDelayMinutes * minuteMs);
  if (latest.getTime() <= now.getTime()) return null;
  return {
    expiresAt: new Date(Math.min(latest.getTime(), now.getTime() + offerLifetimeMs)),
    latest,
  };
}
