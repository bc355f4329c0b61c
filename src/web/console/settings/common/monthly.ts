import type { Lang } from '../../../../contracts/i18n/lang';
import type { MonthlyRule } from '../../../../contracts/settings';
import { displayDate } from '../../../shared/dates';
import type { Translate } from '../../../shared/i18n';
import type { ConsoleKey } from '../../i18n/fr';
import { weekdayOf } from './calendar';
import { numberOf } from './field-errors';

/** On which day of the month, read from the first day: its date, its n-th weekday, or the last one. */
export type MonthlyBy = 'monthDay' | 'nthWeekday' | 'lastWeekday';

/** A monthly recurrence as its fields hold it while typed. */
export interface MonthlyForm {
  by: MonthlyBy;
  intervalMonths: string;
  until: string;
}

function dateParts(isoDay: string): { date: number; length: number } {
  const [year, month, date] = isoDay.split('-').map(Number) as [number, number, number];
  return { date, length: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** The n-th weekday of the month a day is (1–5), and whether it is also the last one. */
export function nthOf(isoDay: string): { nth: number; isLast: boolean } {
  const { date, length } = dateParts(isoDay);
  return { nth: Math.ceil(date / 7), isLast: date + 7 > length };
}

export function monthlyFormOf(monthly: MonthlyRule | null): MonthlyForm {
  if (!monthly) return { by: 'monthDay', intervalMonths: '1', until: '' };
  return {
    by: monthly.monthDay !== null ? 'monthDay' : monthly.nth === -1 ? 'lastWeekday' : 'nthWeekday',
    intervalMonths: String(monthly.intervalMonths),
    until: monthly.until ?? '',
  };
}

/** The body the API expects: the day, n-th or last weekday is that of the first day. */
export function monthlyBodyOf(form: MonthlyForm, firstDay: string) {
  const weekday = weekdayOf(firstDay);
  const { date } = dateParts(firstDay);
  const common = {
    intervalMonths: numberOf(form.intervalMonths),
    until: form.until === '' ? null : form.until,
  };
  if (form.by === 'monthDay') return { ...common, monthDay: date, nth: null, weekday: null };
  const nth = form.by === 'lastWeekday' ? -1 : nthOf(firstDay).nth;
  return { ...common, monthDay: null, nth: nth as 1 | 2 | 3 | 4 | 5 | -1, weekday };
}

/** "le 18" · "le 3e jeudi" · "le dernier vendredi" */
function describeDay(monthly: MonthlyRule, t: Translate<ConsoleKey>, lang: Lang): string {
  if (monthly.monthDay === 1) return t('settings.monthly.onDay1');
  if (monthly.monthDay !== null) return t('settings.monthly.onDay', { day: monthly.monthDay });
  const name = t(`settings.weekday.${(monthly.weekday ?? 1) as 1}`);
  // French writes weekdays in lower case within a sentence, English capitalises them
  const weekday = lang === 'fr' ? name.toLowerCase() : name;
  if (monthly.nth === -1) return t('settings.monthly.onLast', { weekday });
  return t('settings.monthly.onNth', { nth: t(`settings.monthly.nth.${(monthly.nth ?? 1) as 1}`), weekday });
}

/** "chaque mois · le 3e jeudi · jusqu’au 30/06/2027" */
export function describeMonthly(monthly: MonthlyRule, t: Translate<ConsoleKey>, lang: Lang): string {
  const every =
    monthly.intervalMonths === 1
      ? t('settings.monthly.everyMonth')
      : t('settings.monthly.everyNMonths', { count: monthly.intervalMonths });
  const until = monthly.until ? t('settings.weekly.until', { date: displayDate(monthly.until, lang) }) : null;
  return [every, describeDay(monthly, t, lang), until].filter(Boolean).join(' · ');
}

/** The choices the first day offers, each said in words ("le 18 de chaque mois"…). */
export function monthlyChoices(
  firstDay: string,
  t: Translate<ConsoleKey>,
  lang: Lang,
): { value: MonthlyBy; label: string }[] {
  const weekday = weekdayOf(firstDay);
  if (!weekday) return [];
  const { date } = dateParts(firstDay);
  const { nth, isLast } = nthOf(firstDay);
  const sample = (by: MonthlyBy) =>
    describeDay(
      by === 'monthDay'
        ? { intervalMonths: 1, monthDay: date, nth: null, weekday: null, until: null }
        : {
            intervalMonths: 1,
            monthDay: null,
            nth: by === 'lastWeekday' ? -1 : (nth as 1),
            weekday,
            until: null,
          },
      t,
      lang,
    );
  const choices: { value: MonthlyBy; label: string }[] = [{ value: 'monthDay', label: sample('monthDay') }];
  if (nth <= 4) choices.push({ value: 'nthWeekday', label: sample('nthWeekday') });
  if (isLast) choices.push({ value: 'lastWeekday', label: sample('lastWeekday') });
  return choices;
}
