import type { MonthlyRule } from '../../../contracts/settings';
import { AppError } from '../../errors';

interface WeeklyRule {
  weekdays: number[];
  intervalWeeks: number;
  until: string | null;
}

/**
 * The columns of a recurrence (weekly, monthly or none) of an opening range or an absence, after the
 * checks that need more than one field: one kind at most (unless `required`, exactly one), an end not
 * before the first day. `path` prefixes the field names of the errors ('' or 'recurring.').
 */
export function recurrenceColumns(
  rule: { firstDay: string; weekly: WeeklyRule | null; monthly?: MonthlyRule | null | undefined },
  path: string,
  required: boolean,
) {
  const { weekly, firstDay } = rule;
  const monthly = rule.monthly ?? null;
  if (weekly && monthly) throw AppError.field(`${path}monthly`, 'invalid_choice');
  if (required && !weekly && !monthly) throw AppError.field(`${path}weekly`, 'required');
  const until = weekly?.until ?? monthly?.until ?? null;
  if (until && until < firstDay)
    throw AppError.field(`${path}${weekly ? 'weekly' : 'monthly'}.until`, 'end_before_start');
  return {
    weekdays: weekly ? [...new Set(weekly.weekdays)].sort() : null,
    intervalWeeks: weekly?.intervalWeeks ?? null,
    intervalMonths: monthly?.intervalMonths ?? null,
    monthDay: monthly?.monthDay ?? null,
    monthNth: monthly && monthly.monthDay === null ? monthly.nth : null,
    monthWeekday: monthly && monthly.monthDay === null ? monthly.weekday : null,
    untilDay: until,
  };
}
