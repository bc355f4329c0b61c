import { dayMs } from '../time/local-date';
import { ZoneConverter } from '../time/zone-converter';

export type AbsenceClass = 'excused' | 'not_excused';

/**
 * RDV-7: a patient who cancels at the latest the day before is excused; cancelling on the day itself
 * ("a few hours before") is not. A practice may instead require a notice of N hours. Staff can still
 * override the result (an emergency that morning is excused).
 */
export function classifyCancellation(input: {
  appointmentStart: number;
  cancelledAt: number;
  timeZone: string;
  /** null: the day-before rule; a number: at least this many hours before */
  noticeHours: number | null;
}): AbsenceClass {
  if (input.noticeHours !== null) {
    return input.cancelledAt <= input.appointmentStart - input.noticeHours * 3600_000
      ? 'excused'
      : 'not_excused';
  }
  const zone = new ZoneConverter(
    input.timeZone,
    Math.min(input.cancelledAt, input.appointmentStart),
    input.appointmentStart,
  );
  const appointmentDay = Math.floor(zone.toLocal(input.appointmentStart) / dayMs);
  const cancellationDay = Math.floor(zone.toLocal(input.cancelledAt) / dayMs);
  return cancellationDay < appointmentDay ? 'excused' : 'not_excused';
}
