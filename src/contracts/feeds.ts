import { z } from 'zod';

/** The API of calendar feeds (a practitioner's private iCalendar URL) and of their patient-detail setting. */

export const feedPatientDetailSchema = z
  .enum(['initials', 'full', 'none'])
  .describe('What feeds and daily exports show of patients: initials (“L. D.”), full name, or nothing');
export type FeedPatientDetail = z.infer<typeof feedPatientDetailSchema>;

export const calendarFeedSchema = z.object({
  practitionerId: z.uuid().describe('The practitioner (staff id)'),
  practitionerName: z.string().describe('“Dr Sophie Bernard”'),
  active: z.boolean().describe('A feed URL exists and is not revoked'),
  createdAt: z.string().nullable().describe('When the active URL was created (ISO instant), or null'),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const calendarFeedListSchema = z.object({
  patientDetail: feedPatientDetailSchema.describe('What calendar feeds show of a patient'),
  items: z
    .array(calendarFeedSchema)
    .describe('A practitioner: their own feed only; an admin: every practitioner of the practice'),
});
export type CalendarFeedList = z.infer<typeof calendarFeedListSchema>;

export const createdCalendarFeedSchema = calendarFeedSchema.extend({
  url: z.string().describe('The private address to subscribe to; shown this once (only its hash is kept)'),
});
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;

export const feedSettingsBody = z.object({ patientDetail: feedPatientDetailSchema });
