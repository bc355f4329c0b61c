import { dayMs, isoOfDay, localMs } from '../../../domain/time/local-date';
import { ZoneConverter } from '../../../domain/time/zone-converter';

/** The local day of an instant in a zone, as a day number, with a converter around it. */
export function localDayAt(timeZone: string, now: Date, daysAhead = 2) {
  const zone = new ZoneConverter(timeZone, now.getTime() - dayMs, now.getTime() + daysAhead * dayMs);
  const day = Math.floor(zone.toLocal(now.getTime()) / dayMs);
  return {
    day,
    iso: isoOfDay(day),
    /** the instant of a local wall time `minute` minutes into `day + offset` */
    at: (offset: number, minute = 0) => new Date(zone.toInstant(localMs(day + offset, minute))),
  };
}
