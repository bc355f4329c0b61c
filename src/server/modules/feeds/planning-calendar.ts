import { createEvents, type EventAttributes } from 'ics';
import type { PlanningEntry } from './planning-entries';

/** The event's title: the motif and the patient as the practice allows (“Contrôle – L. D.”). */
export function entryTitle(entry: PlanningEntry): string {
  return entry.patient ? `${entry.motif} – ${entry.patient}` : entry.motif;
}

/**
 * An iCalendar document (RFC 5545) of appointments: one VEVENT each, with a UID stable across changes
 * and the appointment's version as SEQUENCE, so calendars update an event rather than duplicate it.
 * Times are in UTC, so every calendar shows them at the right hour whatever its zone. Events are
 * marked PRIVATE: a calendar shared onwards shows them as busy time only.
 */
export function planningCalendar(
  entries: PlanningEntry[],
  options: { name: string; withPractitioner?: boolean },
): string {
  const events: EventAttributes[] = entries.map((entry) => ({
    productId: 'sourire/planning',
    uid: `${entry.appointmentId}@sourire`,
    sequence: entry.version,
    start: entry.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: entry.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: entryTitle(entry),
    ...(options.withPractitioner ? { description: entry.practitionerName } : {}),
    location: entry.location,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    classification: 'PRIVATE',
  }));
  const { error, value } = createEvents(events, {
    productId: 'sourire/planning',
    method: 'PUBLISH',
    calName: options.name,
  });
  if (error || !value) throw error ?? new Error('calendar not created');
  return value;
}
