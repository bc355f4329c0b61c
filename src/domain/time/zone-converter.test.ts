import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dayOf, localMs } from './local-date';
import { ZoneConverter } from './zone-converter';

function temporalInstant(zone: string, local: number): number {
  const iso = new Date(local).toISOString().slice(0, 16);
  return Temporal.PlainDateTime.from(iso).toZonedDateTime(zone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}

describe('ZoneConverter', () => {
  const cases: [string, string, string][] = [
    ['Europe/Paris', '2027-03-26', '2027-03-30'],
    ['Europe/Paris', '2027-10-29', '2027-11-02'],
    ['Europe/Zurich', '2026-03-27', '2026-03-31'],
    ['Europe/Zurich', '2026-10-23', '2026-10-27'],
    ['Europe/London', '2027-03-26', '2027-03-30'],
    ['America/Santiago', '2027-04-01', '2027-04-06'],
  ];
  it.each(cases)('agrees with Temporal every 15 minutes in %s from %s to %s', (zone, from, to) => {
    const converter = new ZoneConverter(zone, Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`));
    for (let day = dayOf(from); day <= dayOf(to); day += 1) {
      for (let minute = 0; minute < 1440; minute += 15) {
        const local = localMs(day, minute);
        const instant = converter.toInstant(local);
        expect(instant, `${zone} ${new Date(local).toISOString()}`).toBe(temporalInstant(zone, local));
      }
    }
  });

  it('maps instants back to local wall time', () => {
    const converter = new ZoneConverter(
      'Europe/Paris',
      Date.parse('2027-03-20T00:00:00Z'),
      Date.parse('2027-04-05T00:00:00Z'),
    );
    expect(new Date(converter.toLocal(Date.parse('2027-03-27T08:00:00Z'))).toISOString()).toBe(
      '2027-03-27T09:00:00.000Z',
    );
    expect(new Date(converter.toLocal(Date.parse('2027-03-29T08:00:00Z'))).toISOString()).toBe(
      '2027-03-29T10:00:00.000Z',
    );
  });
});
