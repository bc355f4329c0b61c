import Holidays from 'date-holidays';

export interface PublicHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
}

const cache = new Map<string, PublicHoliday[]>();

/**
 * Public holidays of a country (FR) or a Swiss canton (CH + VD, GE…), from the maintained
 * `date-holidays` rules rather than a hand-kept list. Only legal public holidays close a practice
 * (not observances). Years are computed once and kept.
 */
export function publicHolidays(
  country: 'FR' | 'CH',
  region: string | null,
  fromDate: string,
  toDate: string,
  lang: 'fr' | 'en' = 'fr',
): PublicHoliday[] {
  const result: PublicHoliday[] = [];
  for (let year = Number(fromDate.slice(0, 4)); year <= Number(toDate.slice(0, 4)); year += 1) {
    for (const holiday of holidaysOfYear(country, region, year, lang)) {
      if (holiday.date >= fromDate && holiday.date <= toDate) result.push(holiday);
    }
  }
  return result;
}

function holidaysOfYear(
  country: 'FR' | 'CH',
  region: string | null,
  year: number,
  lang: 'fr' | 'en',
): PublicHoliday[] {
  const key = `${country}:${region ?? ''}:${year}:${lang}`;
  const known = cache.get(key);
  if (known) return known;
  const calendar = region
    ? new Holidays(country, region, { languages: [lang] })
    : new Holidays(country, { languages: [lang] });
  const days = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    if (!days.has(date)) days.set(date, holiday.name);
  }
  const list = [...days].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  cache.set(key, list);
  return list;
}
