import type { Lang } from '../../../contracts/i18n/lang';
import { hhmm, localParts } from '../../shared/zoned-time';
import { dayLabel } from '../format';

// The link's page does not know the practice's zone (it says nothing but the practice's name), and an
// expiry is a moment for the reader to act before: it is shown on the reader's own clock.
const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant as the reader's day in words ("mardi 3 décembre 2025") and time ("14:30"). */
export function deviceDayAndTime(instant: string, lang: Lang): { day: string; time: string } {
  const { date, minute } = localParts(Date.parse(instant), deviceZone());
  return { day: dayLabel(date, lang, { year: true, capital: false }), time: hhmm(minute) };
}
