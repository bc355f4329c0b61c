import type { AppointmentStatus } from '../../db/schema';
import type { PlanningEntry } from './planning-entries';

const header = ['date', 'heure début', 'heure fin', 'praticien', 'lieu', 'motif', 'patient', 'statut'];

/** The statuses as the console names them in French. */
const statusLabels: Record<AppointmentStatus, string> = {
  unknown: 'À renseigner',
  waiting_room: 'En salle d’attente',
  seen: 'Vu',
  excused: 'Absent excusé',
  not_excused: 'Absent non excusé',
  cancelled: 'Annulé',
};

/**
 * One CSV cell. Quoted when it holds the separator, a quote or a line break; a value starting like a
 * formula (= + - @) gets a leading apostrophe, so a name typed on the public booking page can never run
 * as a formula in the spreadsheet (CSV injection).
 */
function cell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/**
 * The planning as a CSV file French Excel opens as is: `;` between columns, CRLF line ends, and a UTF-8
 * byte order mark so accents show right. Dates (DD/MM/YYYY) and times are local to the practice.
 */
export function planningCsv(entries: PlanningEntry[], timeZone: string): string {
  const date = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const lines = [
    header,
    ...entries.map((entry) => [
      date.format(entry.startsAt),
      time.format(entry.startsAt),
      time.format(entry.endsAt),
      entry.practitionerName,
      entry.locationName,
      entry.motif,
      entry.patient,
      statusLabels[entry.status],
    ]),
  ];
  return `\uFEFF${lines.map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`;
}
