import type { Lang } from '../../../contracts/i18n/lang';

/**
 * An instant for a list or a message, in the practice's zone: the time alone today, the day and the time
 * otherwise (the year only when it is not this one).
 */
export function formatWhen(iso: string, lang: Lang, timeZone: string, now = new Date()): string {
  const at = new Date(iso);
  const dayOf = (date: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(date);
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  if (dayOf(at) === dayOf(now)) {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  }
  const sameYear = dayOf(at).slice(0, 4) === dayOf(now).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** A birth date (YYYY-MM-DD) as people read it. */
export function formatBirthDate(date: string, lang: Lang): string {
  const [year, month, day] = date.split('-');
  return lang === 'fr' ? `${day}/${month}/${year}` : `${day}/${month}/${year}`;
}

export const isImage = (contentType: string) =>
  contentType.startsWith('image/') && !contentType.includes('hei');
