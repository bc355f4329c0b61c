import { describe, expect, it } from 'vitest';
import type { Agenda, Appointment } from '../../../contracts/scheduling';
import { zonedInstant } from '../../shared/zoned-time';
import {
  buildColumns,
  collides,
  displayedMinutes,
  place,
  shortMotif,
  snap,
  visibleDates,
  windowOf,
} from './layout';

const appointment = (overrides: Partial<Appointment>): Appointment => ({
  id: 'a',
  practitionerId: 'p1',
  locationId: 'l',
  motifId: 'm',
  motifName: 'Contrôle',
  colour: '#2563eb',
  patient: { id: 'x', lastName: 'Durand', firstName: 'Léa', birthDate: '2012-05-03' },
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-29T07:30:00.000Z',
  status: 'unknown',
  cancelledAt: null,
  cancelledBy: null,
  comment: null,
  channel: 'staff',
  carteVitale: false,
  firstVisit: false,
  version: 1,
  ...overrides,
});

describe('agenda layout', () => {
  it('shows a week from Monday, with the weekend only when busy', () => {
    expect(visibleDates('week', '2027-03-31', { saturday: false, sunday: false })).toEqual([
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
      '2027-04-02',
    ]);
    expect(visibleDates('week', '2027-03-31', { saturday: true, sunday: false })).toHaveLength(6);
    expect(visibleDates('day', '2027-03-31', { saturday: false, sunday: false })).toEqual(['2027-03-31']);
  });

  it('puts practitioners side by side within each day', () => {
    expect(buildColumns(['2027-03-29', '2027-03-30'], ['p1', 'p2']).map((column) => column.key)).toEqual([
      '2027-03-29|p1',
      '2027-03-29|p2',
      '2027-03-30|p1',
      '2027-03-30|p2',
    ]);
  });

  it('covers the shown days in the practice’s zone, DST week included', () => {
    const window = windowOf(['2027-03-26', '2027-03-29'], 'Europe/Paris', zonedInstant);
    expect(new Date(window.from).toISOString()).toBe('2027-03-25T23:00:00.000Z');
    expect(new Date(window.to).toISOString()).toBe('2027-03-29T22:00:00.000Z');
  });

  it('places a 09:00 appointment at 09:00 local on both sides of the DST change', () => {
    const range = { start: 8 * 60, end: 19 * 60 };
    const dates = new Set(['2027-03-26', '2027-03-29']);
    expect(place('2027-03-26T08:00:00Z', '2027-03-26T08:30:00Z', 'p1', dates, 'Europe/Paris', range)).toEqual(
      {
        columnKey: '2027-03-26|p1',
        top: 60,
        height: 30,
      },
    );
    expect(place('2027-03-29T07:00:00Z', '2027-03-29T07:30:00Z', 'p1', dates, 'Europe/Paris', range)).toEqual(
      {
        columnKey: '2027-03-29|p1',
        top: 60,
        height: 30,
      },
    );
    expect(
      place('2027-03-30T07:00:00Z', '2027-03-30T07:30:00Z', 'p1', dates, 'Europe/Paris', range),
    ).toBeNull();
  });

  it('widens the hours to early and late openings', () => {
    const agenda = {
      openings: [
        { practitionerId: 'p1', locationId: 'l', start: '2027-03-29T05:30:00Z', end: '2027-03-29T18:15:00Z' },
      ],
      appointments: [],
    } as unknown as Agenda;
    expect(displayedMinutes(agenda, 'Europe/Paris')).toEqual({ start: 7 * 60, end: 21 * 60 });
    expect(displayedMinutes(null, 'Europe/Paris')).toEqual({ start: 8 * 60, end: 19 * 60 });
  });

  it('snaps to the grid and detects collisions with live appointments only', () => {
    expect(snap(9 * 60 + 7, 15)).toBe(9 * 60 + 0);
    expect(snap(9 * 60 + 8, 15)).toBe(9 * 60 + 15);
    const list = [
      appointment({}),
      appointment({
        id: 'b',
        startsAt: '2027-03-29T08:00:00Z',
        endsAt: '2027-03-29T08:30:00Z',
        cancelledAt: 'x',
      }),
    ];
    const at = (iso: string) => Date.parse(iso);
    expect(collides(list, 'p1', at('2027-03-29T07:15:00Z'), at('2027-03-29T07:45:00Z'), null)).toBe(true);
    expect(collides(list, 'p1', at('2027-03-29T07:30:00Z'), at('2027-03-29T08:00:00Z'), null)).toBe(false);
    expect(collides(list, 'p1', at('2027-03-29T07:15:00Z'), at('2027-03-29T07:45:00Z'), 'a')).toBe(false);
    expect(collides(list, 'p1', at('2027-03-29T08:00:00Z'), at('2027-03-29T08:30:00Z'), null)).toBe(false);
    expect(collides(list, 'p2', at('2027-03-29T07:15:00Z'), at('2027-03-29T07:45:00Z'), null)).toBe(false);
  });
});

describe('short motif labels', () => {
  it('keeps the words that tell motifs apart', () => {
    expect(shortMotif('Consultation de contrôle')).toBe('Contrôle');
    expect(shortMotif('Consultation d’urgence')).toBe('Urgence');
    expect(shortMotif('Pose d’implant')).toBe('Pose implant');
    expect(shortMotif('Soins (carie, dévitalisation)')).toBe('Soins');
    expect(shortMotif('Première consultation')).toBe('Première consultation');
    expect(shortMotif('Consultation')).toBe('Consultation');
    expect(shortMotif('Détartrage')).toBe('Détartrage');
  });
});
