import type { PatientAppointment } from '../../contracts/patient-app';

/**
 * Which appointments this phone already added to its calendar (.ics), so the app can say "already added"
 * (seed: "Ajouter à mon agenda"). Keyed by appointment and start: a moved appointment can be added again.
 */
const key = 'sourire.app.calendar';
const kept = 200;

const entryOf = (appointment: PatientAppointment) => `${appointment.id}@${appointment.startsAt}`;

function read(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

export function wasAddedToCalendar(appointment: PatientAppointment): boolean {
  return read().includes(entryOf(appointment));
}

export function rememberAddedToCalendar(appointment: PatientAppointment): void {
  const entry = entryOf(appointment);
  const entries = read().filter((existing) => existing !== entry);
  entries.push(entry);
  try {
    localStorage.setItem(key, JSON.stringify(entries.slice(-kept)));
  } catch {
    // private mode: the notice lasts for this visit
  }
}
