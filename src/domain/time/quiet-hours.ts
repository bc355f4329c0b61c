import { Temporal } from 'temporal-polyfill';

/**
 * The practice's night, when no "you have a new message" notice leaves (issue 9 §3.14): from 20:00 to
 * 08:00 in the practice's time zone, every day of the week. 20:00 because a reply typed after the last
 * appointment should not buzz a phone at dinner time or later; 08:00 because that is when the practices
 * open their phones, and a morning notice is read the same day. Pure (no I/O, no clock): the caller
 * passes the instant. Kept with messaging, its only user; it would move to `src/domain` if another
 * notice adopts it.
 */
export const quietHours = { start: Temporal.PlainTime.from('20:00'), end: Temporal.PlainTime.from('08:00') };

/** Whether a local time of day falls in the night (20:00 included, 08:00 excluded). */
export function isQuietTime(time: Temporal.PlainTime): boolean {
  return (
    Temporal.PlainTime.compare(time, quietHours.start) >= 0 ||
    Temporal.PlainTime.compare(time, quietHours.end) < 0
  );
}

/**
 * When a notice written at `at` may go out: at once during the day, otherwise the next 08:00 in the
 * practice's zone (the same morning after midnight, the next one before it). Local arithmetic goes
 * through Temporal, so the nights when the clocks change are 9 or 11 hours long, not 12: 22:00 on the
 * Saturday of the spring change in Paris (21:00 UTC) → Sunday 08:00 CEST (06:00 UTC). Should a zone skip
 * 08:00 itself, Temporal's "compatible" choice moves it forward, still within the day.
 */
export function noticeSendAt(at: Date, timeZone: string): Date {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const time = local.toPlainTime();
  if (!isQuietTime(time)) return at;
  const morningDay =
    Temporal.PlainTime.compare(time, quietHours.end) < 0
      ? local.toPlainDate()
      : local.toPlainDate().add({ days: 1 });
  const morning = morningDay.toZonedDateTime({ timeZone, plainTime: quietHours.end });
  return new Date(morning.epochMilliseconds);
}
