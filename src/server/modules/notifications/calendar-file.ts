import { createEvent } from 'ics';

export interface CalendarEvent {
  uid: string;
  /** increases with each change, so calendars replace the event rather than add one */
  sequence: number;
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  url?: string;
  cancelled?: boolean;
}

/** An iCalendar file (RFC 5545) for one appointment, in UTC so every calendar shows the right hour. */
export function calendarFile(event: CalendarEvent): string {
  const { error, value } = createEvent({
    productId: 'sourire/agenda',
    uid: event.uid,
    sequence: event.sequence,
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: event.description,
    location: event.location,
    ...(event.url ? { url: event.url } : {}),
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
    method: event.cancelled ? 'CANCEL' : 'PUBLISH',
  });
  if (error || !value) throw error ?? new Error('calendar file not created');
  return value;
}
