import type {
  CalendarFeed,
  CalendarFeedList,
  CreatedCalendarFeed,
  FeedPatientDetail,
} from '../../../contracts/feeds';
import { api } from '../../shared/api';

// Types only (erased from the bundle): the schemas will move to `src/contracts/feeds.ts`.
export type { CalendarFeed, CalendarFeedList, CreatedCalendarFeed, FeedPatientDetail };

export const feedsPath = '/api/console/calendar-feeds';

export const feedApi = {
  create: (practitionerId: string) => api.post<CreatedCalendarFeed>(`${feedsPath}/${practitionerId}`),
  revoke: (practitionerId: string) => api.delete<CalendarFeed>(`${feedsPath}/${practitionerId}`),
  setPatientDetail: (patientDetail: FeedPatientDetail) =>
    api.put<{ ok: true }>(`${feedsPath}/settings`, { patientDetail }),
};

/** “12/03/2027” (or “12 Mar 2027” in English) in the practice’s zone. */
export function feedDate(iso: string, lang: 'fr' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: lang === 'en' ? 'medium' : 'short',
    timeZone,
  }).format(new Date(iso));
}
