/**
 * Times of the practice's zone in the browser, with Intl only (no Temporal polyfill in the bundle):
 * instants ↔ local dates and minutes of the practice, whatever the computer's own zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** minutes since local midnight */
  minute: number;
}

/** The practice's local date and minute of an instant. */
export function localParts(instant: number, timeZone: string): LocalParts {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

function offsetAt(instant: number, timeZone: string): number {
  const { date, minute } = localParts(instant, timeZone);
  const wholeMinute = instant - (((instant % 60_000) + 60_000) % 60_000);
  return Date.parse(`${date}T00:00:00Z`) + minute * 60_000 - wholeMinute;
}

/**
 * The instant of a local date and minute in the practice's zone. Like Temporal's 'compatible': a time
 * skipped in spring moves forward by the gap, a time repeated in autumn takes its first occurrence.
 */
export function zonedInstant(date: string, minute: number, timeZone: string): number {
  const local = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  const before = local - offsetAt(local - 86_400_000, timeZone);
  const after = local - offsetAt(local + 86_400_000, timeZone);
  const reads = (instant: number) => {
    const parts = localParts(instant, timeZone);
    return parts.date === date && parts.minute === minute;
  };
  const valid = [before, after].filter(reads);
  if (valid.length > 0) return Math.min(...valid);
  return before;
}

/** YYYY-MM-DD plus days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function weekdayOfDate(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week of a date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOfDate(date));
}

/** 'HH:MM' of minutes since midnight. */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** 'HH:MM' → minutes. */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
