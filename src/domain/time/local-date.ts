/**
 * Calendar arithmetic on local dates without objects: a day is an integer (days since 1970-01-01) and a
 * local wall time is "floating" milliseconds (the local date-time read as if it were UTC). Hot loops
 * (slot search) use these; the conversion to real instants is done by `ZoneConverter`.
 */

export const dayMs = 86_400_000;
export const minuteMs = 60_000;

/** 'YYYY-MM-DD' → day number. */
export function dayOf(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  return Date.UTC(y, m - 1, d) / dayMs;
}

/** Day number → 'YYYY-MM-DD'. */
export function isoOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week of a day (weeks start on Monday, as RRULE's default WKST=MO). */
export function mondayOf(day: number): number {
  return day - (weekdayOf(day) - 1);
}

/** 'HH:MM' → minutes since midnight. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes since midnight → 'HH:MM'. */
export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Floating local milliseconds of a day and a minute of that day. */
export function localMs(day: number, minute: number): number {
  return day * dayMs + minute * minuteMs;
}
