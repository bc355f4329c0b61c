import { dayMs, minuteMs } from '../time/local-date';
import { ZoneConverter } from '../time/zone-converter';

/** Messages to patients go out between 08:00 and 20:00 local time, never in the night (NOT-1). */
export const quietHours = { opensMinute: 8 * 60, closesMinute: 20 * 60 } as const;

/**
 * When the reminder of an appointment goes out: `hoursBefore` before it, moved earlier out of the night
 * (to 20:00 the evening before when it would fall before 08:00, to 20:00 the same day when after 20:00),
 * so the patient is never woken and never warned later than promised. Null when that time has passed.
 */
export function reminderTime(
  appointmentStart: number,
  hoursBefore: number,
  timeZone: string,
  now: number,
): number | null {
  const ideal = appointmentStart - hoursBefore * 3600_000;
  const zone = new ZoneConverter(timeZone, ideal - 2 * dayMs, appointmentStart);
  const local = zone.toLocal(ideal);
  const day = Math.floor(local / dayMs);
  const minute = Math.floor((local - day * dayMs) / minuteMs);
  let sendLocal = local;
  if (minute < quietHours.opensMinute) sendLocal = (day - 1) * dayMs + quietHours.closesMinute * minuteMs;
  else if (minute >= quietHours.closesMinute) sendLocal = day * dayMs + quietHours.closesMinute * minuteMs;
  const send = zone.toInstant(sendLocal);
  return send > now ? send : null;
}

/** Whether an instant is inside the day-time window of the practice's zone. */
export function isDaytime(instant: number, timeZone: string): boolean {
  const zone = new ZoneConverter(timeZone, instant - dayMs, instant + dayMs);
  const local = zone.toLocal(instant);
  const minute = Math.floor((local - Math.floor(local / dayMs) * dayMs) / minuteMs);
  return minute >= quietHours.opensMinute && minute < quietHours.closesMinute;
}
