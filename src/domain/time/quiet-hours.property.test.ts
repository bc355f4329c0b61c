import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { isQuietTime, noticeSendAt } from './quiet-hours';

/**
 * Properties of the quiet-hours rule (issue 9 §3.14): for any instant, in zones with and without DST
 * (including the weeks when the clocks change), the notice's send time is never at night, never before
 * the reply, and at most the next morning: it is the reply's instant during the day, otherwise an 08:00
 * reached through nothing but night.
 */

const runs = Number(process.env.PROPERTY_RUNS ?? 300);
const minute = 60_000;
const zones = [
  'Europe/Paris',
  'Europe/Zurich',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
];
/** 2026–2028, with extra weight on the DST weeks of Europe (last Sunday of March and of October). */
const dstWeeks = [
  Date.UTC(2026, 2, 25),
  Date.UTC(2026, 9, 21),
  Date.UTC(2027, 2, 24),
  Date.UTC(2027, 9, 27),
  Date.UTC(2028, 2, 22),
  Date.UTC(2028, 9, 25),
];
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 11, 31) }),
  fc
    .tuple(fc.constantFrom(...dstWeeks), fc.integer({ min: 0, max: 7 * 24 * 60 }))
    .map(([week, minutes]) => week + minutes * minute),
);
const localTime = (at: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainTime();

describe('quiet hours (property)', () => {
  it('sends during the day, at once or at the first 08:00 after a night', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (at, zone) => {
        const sendAt = noticeSendAt(new Date(at), zone).getTime();
        // never earlier than the reply
        expect(sendAt).toBeGreaterThanOrEqual(at);
        // never at night
        expect(isQuietTime(localTime(sendAt, zone))).toBe(false);
        // at most the next morning: a night lasts at most 12 h, 13 h across a change of hour
        expect(sendAt - at).toBeLessThanOrEqual(13 * 60 * minute);
        if (sendAt === at) return;
        // delayed only when written at night, to 08:00 sharp, and everything in between is night
        expect(isQuietTime(localTime(at, zone))).toBe(true);
        expect(localTime(sendAt, zone).toString()).toBe('08:00:00');
        for (let step = at; step < sendAt; step += 15 * minute) {
          expect(isQuietTime(localTime(step, zone))).toBe(true);
        }
        expect(isQuietTime(localTime(sendAt - minute, zone))).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('knows the nights when the clocks change in Paris', () => {
    // Saturday 27 March 2027, 22:00 CET → Sunday 08:00 CEST: 9 hours
    expect(noticeSendAt(new Date('2027-03-27T21:00:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2027-03-28T06:00:00.000Z',
    );
    // Saturday 24 October 2026, 22:00 CEST → Sunday 08:00 CET: 11 hours
    expect(noticeSendAt(new Date('2026-10-24T20:00:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
    // after midnight: the same morning; 19:59 and 08:00: at once
    expect(noticeSendAt(new Date('2026-12-02T01:30:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
    for (const at of ['2026-12-02T18:59:00.000Z', '2026-12-02T07:00:00.000Z']) {
      expect(noticeSendAt(new Date(at), 'Europe/Paris').toISOString()).toBe(at);
    }
    expect(noticeSendAt(new Date('2026-12-02T19:00:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-12-03T07:00:00.000Z',
    );
  });
});
