import { dayOf, mondayOf, weekdayOf } from '../time/local-date';

/**
 * When a range or an absence repeats: on a first day only, or every N weeks on some weekdays, until an
 * inclusive last day. It is the subset of iCalendar RRULE the practice needs
 * (FREQ=WEEKLY;INTERVAL=N;BYDAY=…;UNTIL=…, weeks starting on Monday); `toRRule` writes it as one.
 */
export interface Recurrence {
  /** YYYY-MM-DD: nothing happens before it */
  firstDay: string;
  /** null: the first day only */
  weekly: {
    /** ISO weekdays, 1 = Monday … 7 = Sunday */
    weekdays: number[];
    /** 1 = every week, 2 = every other week… */
    intervalWeeks: number;
    /** YYYY-MM-DD, inclusive; null = no end */
    until: string | null;
  } | null;
}

/** A recurrence compiled for fast membership tests on day numbers. */
export interface CompiledRecurrence {
  first: number;
  last: number;
  weekdayMask: number;
  interval: number;
  firstMonday: number;
}

export function compileRecurrence(recurrence: Recurrence): CompiledRecurrence {
  const first = dayOf(recurrence.firstDay);
  if (!recurrence.weekly)
    return {
      first,
      last: first,
      weekdayMask: 1 << weekdayOf(first),
      interval: 1,
      firstMonday: mondayOf(first),
    };
  return {
    first,
    last: recurrence.weekly.until ? dayOf(recurrence.weekly.until) : Number.POSITIVE_INFINITY,
    weekdayMask: recurrence.weekly.weekdays.reduce((mask, weekday) => mask | (1 << weekday), 0),
    interval: Math.max(1, recurrence.weekly.intervalWeeks),
    firstMonday: mondayOf(first),
  };
}

/** Whether the recurrence happens on a day. */
export function occursOn(rule: CompiledRecurrence, day: number): boolean {
  if (day < rule.first || day > rule.last) return false;
  if ((rule.weekdayMask & (1 << weekdayOf(day))) === 0) return false;
  if (rule.interval === 1) return true;
  const weeks = (mondayOf(day) - rule.firstMonday) / 7;
  return weeks % rule.interval === 0;
}

/** The days it happens on between two days, inclusive — only that window is looked at. */
export function occurrencesBetween(rule: CompiledRecurrence, fromDay: number, toDay: number): number[] {
  const days: number[] = [];
  const start = Math.max(fromDay, rule.first);
  const end = Math.min(toDay, rule.last);
  for (let day = start; day <= end; day += 1) {
    if (occursOn(rule, day)) days.push(day);
  }
  return days;
}

const byDay = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The iCalendar RRULE of a recurrence, or null for a single day. */
export function toRRule(recurrence: Recurrence): string | null {
  if (!recurrence.weekly) return null;
  const parts = ['FREQ=WEEKLY'];
  if (recurrence.weekly.intervalWeeks > 1) parts.push(`INTERVAL=${recurrence.weekly.intervalWeeks}`);
  parts.push(
    `BYDAY=${[...recurrence.weekly.weekdays]
      .sort()
      .map((weekday) => byDay[weekday])
      .join(',')}`,
  );
  if (recurrence.weekly.until) parts.push(`UNTIL=${recurrence.weekly.until.replaceAll('-', '')}`);
  parts.push('WKST=MO');
  return parts.join(';');
}

/** Last day of a recurrence as an ISO date, or null when it never ends. */
export function lastDayOf(recurrence: Recurrence): string | null {
  if (!recurrence.weekly) return recurrence.firstDay;
  return recurrence.weekly.until;
}
