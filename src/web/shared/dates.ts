/** Reads a date typed as DD/MM/YYYY (or D/M/YYYY, with - or . as separators) into YYYY-MM-DD, or null. */
export function parseFrenchDate(typed: string): string | null {
  const match = typed.trim().match(/^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Adds the slashes while a date is typed digit by digit: 0305 → 03/05, 03052012 → 03/05/2012. */
export function formatDateAsTyped(typed: string): string {
  if (/[^\d/]/.test(typed)) return typed;
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}

/** YYYY-MM-DD → a date for people (03/05/2012, or 03 May 2012 in English). */
export function displayDate(iso: string, lang: 'fr' | 'en'): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: lang === 'en' ? 'medium' : 'short',
    timeZone: 'UTC',
  }).format(date);
}
