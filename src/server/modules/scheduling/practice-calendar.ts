import { publicHolidays } from '../../../domain/scheduling/holidays';
import type { Practice } from '../practice/find-practice';

const dayMs = 86_400_000;

/**
 * Local days a practice is closed over a window of instants: its public holidays, unless it opted out.
 * @public
 */
export function closedDays(practice: Practice, from: Date, to: Date): Set<string> {
  if (!practice.closedOnPublicHolidays) return new Set();
  return new Set(holidaysBetween(practice, from, to).map((holiday) => holiday.date));
}

export function holidaysBetween(practice: Practice, from: Date, to: Date, lang: 'fr' | 'en' = 'fr') {
  return publicHolidays(
    practice.country,
    practice.country === 'CH' ? practice.region : null,
    new Date(from.getTime() - dayMs).toISOString().slice(0, 10),
    new Date(to.getTime() + dayMs).toISOString().slice(0, 10),
    lang,
  );
}
