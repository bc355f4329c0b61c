import type { Lang } from '../../contracts/i18n/lang';

/**
 * Dates, times, names and phones as patients read them in the app. Times are always shown in the
 * practice's zone (an appointment in Lyon is at 10:30 wherever the phone is), with Intl only.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "Mardi 1er décembre", "Tuesday 1 December"; the year only when it is not this year (or asked); in
 * lower case inside a French sentence ("le mardi 1er décembre") with `capital: false`.
 */
export function dayLabel(
  instant: string,
  timeZone: string,
  lang: Lang,
  options: { year?: boolean; capital?: boolean } = {},
): string {
  const date = new Date(instant);
  const yearOf = (at: Date) => formatter(lang, timeZone, { year: 'numeric' }).format(at);
  const year = options.year ?? yearOf(date) !== yearOf(new Date());
  const parts = formatter(lang, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(year ? { year: 'numeric' } : {}),
  }).formatToParts(date);
  const text = parts
    .map((part) => (part.type === 'day' && lang === 'fr' && part.value === '1' ? '1er' : part.value))
    .join('');
  return options.capital === false ? text : capitalise(text);
}

/** "10:30" in the practice's zone. */
export function timeLabel(instant: string, timeZone: string, lang: Lang): string {
  return formatter(lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** The practice's local date (YYYY-MM-DD) of an instant, to group slots by day. */
export function localDay(instant: string, timeZone: string): string {
  const parts = formatter('en', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

interface Person {
  title?: string | null;
  firstName: string;
  lastName: string;
}

/** "Dr Sophie Bernard", "Léa Durand". */
export function fullName(person: Person): string {
  return [person.title, person.firstName, person.lastName].filter(Boolean).join(' ');
}

/** An E.164 number as people write it: +33465710000 → 04 65 71 00 00. */
export function displayPhone(e164: string): string {
  const french = e164.match(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (french) return `0${french.slice(1).join(' ')}`;
  const swiss = e164.match(/^\+41(\d{2})(\d{3})(\d{2})(\d{2})$/);
  if (swiss) return `0${swiss.slice(1).join(' ')}`;
  return e164;
}

/** An instant as a short date and time for lists (devices): "23/11/2026 13:02". */
export function shortDateTime(instant: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(instant));
}

/** "12 ko", "1,2 Mo" / "12 kB", "1.2 MB", by Intl. */
export function fileSize(bytes: number, lang: Lang): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes / 1048576, 'megabyte'];
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(value);
}

/** An instant's date on this phone: "23/11/2026", "23 Nov 2026". */
export function shortDate(instant: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: lang === 'en' ? 'medium' : 'short',
  }).format(new Date(instant));
}

/**
 * "de Léa", "d’Anne": French "de" before a first name, elided before a vowel sound — "d’Yves" but "de
 * Yann" (a y before a vowel sounds as a consonant); a first name's h is left as written ("de Hugo", which
 * French accepts).
 */
export function ofName(firstName: string): string {
  const name = firstName.normalize('NFC');
  const vowel = /^[aeiouàâäéèêëîïôöùûü]/i.test(name) || /^y[^aeiouyàâäéèêëîïôöùûü]/i.test(name);
  return vowel ? `d’${name}` : `de ${name}`;
}

/** A family member named in a sentence: `{of}` for French ("de Léa", "d’Anne"), `{name}` for English. */
export function forPerson(firstName: string): { name: string; of: string } {
  return { name: firstName, of: ofName(firstName) };
}
