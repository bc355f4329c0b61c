import { dayOf, mondayOf, weekdayOf } from '../time/local-date';

/** Which weekday of the month: the first … fifth, or -1 for the last. */
export type MonthNth = 1 | 2 | 3 | 4 | 5 | -1;

/**
 * Every N months, on a day of the month ("every month on the 18th"; a month without that day is
 * skipped, as iCalendar does) or on the n-th weekday of the month ("the third Thursday"; -1 = the last).
 */
export interface MonthlyRecurrence {
  intervalMonths: number;
  /** 1–31, or null for an n-th weekday */
  monthDay: number | null;
  /** 1–5 or -1 (the last), with `weekday` */
  nth: MonthNth | null;
  /** ISO weekday of `nth` */
  weekday: number | null;
  /** YYYY-MM-DD, inclusive; null = no end */
  until: string | null;
}

/**
 * When a range or an absence repeats: on a first day only, every N weeks on some weekdays, or every N
 * months on a day or an n-th weekday, until an inclusive last day. It is the subset of iCalendar RRULE
 * the practice needs (FREQ=WEEKLY;INTERVAL=N;BYDAY=…, FREQ=MONTHLY;BYMONTHDAY=… or BYDAY=3TH, weeks
 * starting on Monday); `toRRule` writes it as one.
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
  /** set instead of `weekly` for a monthly recurrence */
  monthly?: MonthlyRecurrence | null;
}

/** A recurrence compiled for fast membership tests on day numbers. */
export interface CompiledRecurrence {
  first: number;
  last: number;
  weekdayMask: number;
  interval: number;
  firstMonday: number;
  monthly?: { firstMonth: number; interval: number; monthDay: number | null; nth: number; weekday: number };
}

/** Months since year 0 of a day number, and its day of the month and the month's length. */
function monthFacts(day: number): { month: number; date: number; length: number } {
  const at = new Date(day * 86_400_000);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  return {
    month: year * 12 + month,
    date: at.getUTCDate(),
    length: new Date(Date.UTC(year, month + 1, 0)).getUTCDate(),
  };
}

export function compileRecurrence(recurrence: Recurrence): CompiledRecurrence {
  const first = dayOf(recurrence.firstDay);
  if (recurrence.monthly) {
    const monthly = recurrence.monthly;
    return {
      first,
      last: monthly.until ? dayOf(monthly.until) : Number.POSITIVE_INFINITY,
      weekdayMask: 0,
      interval: 1,
      firstMonday: mondayOf(first),
      monthly: {
        firstMonth: monthFacts(first).month,
        interval: Math.max(1, monthly.intervalMonths),
        monthDay: monthly.monthDay,
        nth: monthly.nth ?? 1,
        weekday: monthly.weekday ?? 1,
      },
    };
  }
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
  if (rule.monthly) return occursMonthly(rule.monthly, day);
  if ((rule.weekdayMask & (1 << weekdayOf(day))) === 0) return false;
  if (rule.interval === 1) return true;
  const weeks = (mondayOf(day) - rule.firstMonday) / 7;
  return weeks % rule.interval === 0;
}

function occursMonthly(monthly: NonNullable<CompiledRecurrence['monthly']>, day: number): boolean {
  const facts = monthFacts(day);
  if ((facts.month - monthly.firstMonth) % monthly.interval !== 0) return false;
  if (monthly.monthDay !== null) return facts.date === monthly.monthDay;
  if (weekdayOf(day) !== monthly.weekday) return false;
  // the n-th such weekday has its date in days 7(n-1)+1 … 7n; the last one is within a week of the end
  return monthly.nth === -1 ? facts.date + 7 > facts.length : Math.ceil(facts.date / 7) === monthly.nth;
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
  if (recurrence.monthly) {
    const monthly = recurrence.monthly;
    const parts = ['FREQ=MONTHLY'];
    if (monthly.intervalMonths > 1) parts.push(`INTERVAL=${monthly.intervalMonths}`);
    if (monthly.monthDay !== null) parts.push(`BYMONTHDAY=${monthly.monthDay}`);
    else parts.push(`BYDAY=${monthly.nth}${byDay[monthly.weekday ?? 1]}`);
    if (monthly.until) parts.push(`UNTIL=${monthly.until.replaceAll('-', '')}`);
    parts.push('WKST=MO');
    return parts.join(';');
  }
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
  if (recurrence.monthly) return recurrence.monthly.until;
  if (!recurrence.weekly) return recurrence.firstDay;
  return recurrence.weekly.until;
}
