import type { Lang } from '../../contracts/i18n/lang';
import { hhmm, localParts } from '../shared/zoned-time';

/**
 * Dates and names as patients read them. Every time is shown in the practice's zone (never the
 * phone's), through `zoned-time`; day and month names come from Intl in the UI's language.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { ...options, timeZone: 'UTC' });
    formatters.set(key, cached);
  }
  return cached;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A calendar date (YYYY-MM-DD) in words: "Mardi 1er décembre", "Tuesday 1 December". */
export function dayLabel(
  date: string,
  lang: Lang,
  options: { year?: boolean; short?: boolean; capital?: boolean } = {},
): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const style = options.short ? 'short' : 'long';
  const weekday = formatter(lang, { weekday: style }).format(noon);
  const month = formatter(lang, { month: style }).format(noon);
  const text = `${weekday} ${dayNumber(date, lang)} ${month}${options.year ? ` ${noon.getUTCFullYear()}` : ''}`;
  return options.capital === false ? text : capitalise(text);
}

/** "1er", "3": the day of the month as written before its month. */
export function dayNumber(date: string, lang: Lang): string {
  const day = Number(date.slice(8, 10));
  return lang === 'fr' && day === 1 ? '1er' : String(day);
}

/** "3 décembre", "3 December": a date without its weekday. */
export function dayMonth(date: string, lang: Lang): string {
  const noon = new Date(`${date}T12:00:00Z`);
  return `${dayNumber(date, lang)} ${formatter(lang, { month: 'long' }).format(noon)}`;
}

/** The practice's local date (YYYY-MM-DD) of an instant. */
export function localDate(instant: string, timeZone: string): string {
  return localParts(Date.parse(instant), timeZone).date;
}

/** The practice's local time (HH:MM) of an instant. */
export function localTime(instant: string, timeZone: string): string {
  return hhmm(localParts(Date.parse(instant), timeZone).minute);
}

/** The practice's local date of now. */
export function today(timeZone: string): string {
  return localParts(Date.now(), timeZone).date;
}

interface Person {
  title: string | null;
  firstName: string;
  lastName: string;
}

/** "Dr Sophie Bernard" */
export function fullName(person: Person): string {
  return [person.title, person.firstName, person.lastName].filter(Boolean).join(' ');
}

/** "Dr Bernard", or "Sophie Bernard" without a title. */
export function shortName(person: Person): string {
  return person.title ? `${person.title} ${person.lastName}` : `${person.firstName} ${person.lastName}`;
}

/** An E.164 number in the national way of writing it: +33465710000 → 04 65 71 00 00. */
export function displayPhone(e164: string): string {
  const french = e164.match(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (french) return `0${french.slice(1).join(' ')}`;
  const swiss = e164.match(/^\+41(\d{2})(\d{3})(\d{2})(\d{2})$/);
  if (swiss) return `0${swiss.slice(1).join(' ')}`;
  return e164;
}
