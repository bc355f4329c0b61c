import type { Agenda, Appointment } from '../../../contracts/scheduling';
import { addDays, localParts, mondayOf } from '../../shared/zoned-time';

/** Pure geometry of the agenda grid: which columns, which hours, where each block goes. */

export type AgendaView = 'day' | 'week';

export interface Column {
  key: string;
  /** YYYY-MM-DD, local to the practice */
  date: string;
  practitionerId: string;
}

/** The dates shown: one day, or Monday–Friday (Saturday and Sunday too when something happens then). */
export function visibleDates(
  view: AgendaView,
  anchor: string,
  busyWeekend: { saturday: boolean; sunday: boolean },
): string[] {
  if (view === 'day') return [anchor];
  const monday = mondayOf(anchor);
  const count = busyWeekend.sunday ? 7 : busyWeekend.saturday ? 6 : 5;
  return Array.from({ length: count }, (_, index) => addDays(monday, index));
}

/** Date-major columns: for each date, one column per practitioner shown. */
export function buildColumns(dates: string[], practitionerIds: string[]): Column[] {
  return dates.flatMap((date) =>
    practitionerIds.map((practitionerId) => ({ key: `${date}|${practitionerId}`, date, practitionerId })),
  );
}

/** The window of instants covering some local dates. */
export function windowOf(
  dates: string[],
  timeZone: string,
  toInstant: (date: string, minute: number, zone: string) => number,
) {
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? first;
  return { from: toInstant(first, 0, timeZone), to: toInstant(addDays(last, 1), 0, timeZone) };
}

/** Hours shown: 08:00–19:00 at least, widened to every opening and appointment, whole hours. */
export function displayedMinutes(agenda: Agenda | null, timeZone: string): { start: number; end: number } {
  let start = 8 * 60;
  let end = 19 * 60;
  const spans = [
    ...(agenda?.openings ?? []).map((opening) => [opening.start, opening.end] as const),
    ...(agenda?.appointments ?? [])
      .filter((item) => !item.cancelledAt)
      .map((item) => [item.startsAt, item.endsAt] as const),
  ];
  for (const [from, to] of spans) {
    const a = localParts(Date.parse(from), timeZone);
    const b = localParts(Date.parse(to), timeZone);
    start = Math.min(start, a.minute);
    end = Math.max(end, b.date === a.date ? b.minute : 24 * 60);
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}

/** A local interval placed in a column: minutes from the top of the grid. */
export interface Placed {
  columnKey: string;
  top: number;
  height: number;
}

/** Where an interval of instants lands (clipped to its local day); null outside the shown dates. */
export function place(
  start: string,
  end: string,
  practitionerId: string,
  dates: Set<string>,
  timeZone: string,
  range: { start: number; end: number },
): Placed | null {
  const a = localParts(Date.parse(start), timeZone);
  const b = localParts(Date.parse(end), timeZone);
  if (!dates.has(a.date)) return null;
  const endMinute = b.date === a.date ? b.minute : 24 * 60;
  const top = Math.max(a.minute, range.start) - range.start;
  const bottom = Math.min(endMinute, range.end) - range.start;
  if (bottom <= top) return null;
  return { columnKey: `${a.date}|${practitionerId}`, top, height: bottom - top };
}

/** Rounds minutes to the practice's grid. */
export function snap(minute: number, grid: number): number {
  return Math.round(minute / grid) * grid;
}

/** Whether a live appointment of the practitioner (other than `exceptId`) meets [start, end). */
export function collides(
  appointments: readonly Appointment[],
  practitionerId: string,
  start: number,
  end: number,
  exceptId: string | null,
): boolean {
  return appointments.some(
    (item) =>
      item.id !== exceptId &&
      !item.cancelledAt &&
      item.practitionerId === practitionerId &&
      Date.parse(item.startsAt) < end &&
      Date.parse(item.endsAt) > start,
  );
}

const smallWords = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'à',
  'en',
  'pour',
  'sur',
  'avec',
  'of',
  'the',
]);

/**
 * A motif's short label for narrow blocks: no parenthesis, no small words or elisions, and no leading
 * "Consultation" when more follows ("Consultation de contrôle" → "Contrôle", "Pose d'implant" →
 * "Pose implant"). The full name stays in the block's label and its card.
 */
export function shortMotif(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[dl][’']/i, ''))
    .filter((word) => word && !smallWords.has(word.toLowerCase()));
  if (words.length > 1 && /^consultation$/i.test(words[0] ?? '')) words.shift();
  const label = words.join(' ');
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : name;
}
