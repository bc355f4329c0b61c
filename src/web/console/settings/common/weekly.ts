import type { Lang } from '../../../../contracts/i18n/lang';
import type { OpeningRange } from '../../../../contracts/settings';
import { displayDate } from '../../../shared/dates';
import type { Translate } from '../../../shared/i18n';
import type { ConsoleKey } from '../../i18n/fr';
import { isWeekday, type Weekday, weekdayOf } from './calendar';
import { numberOf } from './field-errors';

type Weekly = NonNullable<OpeningRange['weekly']>;

/** A weekly recurrence as its fields hold it while typed. */
export interface WeeklyForm {
  weekdays: Weekday[];
  intervalWeeks: string;
  until: string;
}

export function weeklyFormOf(weekly: Weekly | null, firstDay: string): WeeklyForm {
  if (!weekly) {
    const day = weekdayOf(firstDay);
    return { weekdays: day ? [day] : [], intervalWeeks: '1', until: '' };
  }
  return {
    weekdays: weekly.weekdays.filter(isWeekday),
    intervalWeeks: String(weekly.intervalWeeks),
    until: weekly.until ?? '',
  };
}

/** The body the API expects; an empty interval goes as null so the server names the field. */
export function weeklyBodyOf(form: WeeklyForm) {
  return {
    weekdays: [...form.weekdays].sort((a, b) => a - b),
    intervalWeeks: numberOf(form.intervalWeeks),
    until: form.until === '' ? null : form.until,
  };
}

/**
 * When the first day moves and the weekdays are still the one it was filled with, follow it: typing a
 * Tuesday as first day of a weekly range most often means "every Tuesday".
 */
export function followFirstDay(form: WeeklyForm, previousDay: string, nextDay: string): WeeklyForm {
  const before = weekdayOf(previousDay);
  const after = weekdayOf(nextDay);
  if (!after) return form;
  const untouched = form.weekdays.length === 0 || (form.weekdays.length === 1 && form.weekdays[0] === before);
  return untouched ? { ...form, weekdays: [after] } : form;
}

/** "Mon., Wed. · every 2 weeks · until 30/06/2026" */
export function describeWeekly(weekly: Weekly, t: Translate<ConsoleKey>, lang: Lang): string {
  const days = weekly.weekdays
    .filter(isWeekday)
    .map((day) => t(`settings.weekdayShort.${day}`))
    .join(', ');
  const every =
    weekly.intervalWeeks === 1
      ? t('settings.weekly.everyWeek')
      : t('settings.weekly.everyNWeeks', { count: weekly.intervalWeeks });
  const until = weekly.until ? t('settings.weekly.until', { date: displayDate(weekly.until, lang) }) : null;
  return [days, every, until].filter(Boolean).join(' · ');
}
