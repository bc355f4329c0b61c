import { describe, expect, it } from 'vitest';
import { appReminderDueAt } from './app-reminders';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('appReminderDueAt', () => {
  it('is N local days before at HH:MM plus 10 minutes', () => {
    // Wednesday 10 June 2026, 09:00 in Paris (UTC+2)
    const start = at('2026-06-10T07:00:00Z');
    expect(iso(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 1, time: '12:00' }))).toBe(
      '2026-06-09T10:10:00.000Z',
    );
    expect(iso(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 3, time: '18:30' }))).toBe(
      '2026-06-07T16:40:00.000Z',
    );
    expect(iso(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 0, time: '07:00' }))).toBe(
      '2026-06-10T05:10:00.000Z',
    );
  });

  it('keeps the local time across the spring change (Paris, 29 March 2026)', () => {
    // Monday 30 March 2026 at 10:00 CEST (UTC+2); the day before is in CEST, two days before in CET
    const start = at('2026-03-30T08:00:00Z');
    expect(iso(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 1, time: '12:00' }))).toBe(
      '2026-03-29T10:10:00.000Z',
    );
    expect(iso(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 2, time: '12:00' }))).toBe(
      '2026-03-28T11:10:00.000Z',
    );
    // 02:30 does not exist on 29 March: it moves forward by the gap, to 03:30 CEST
    expect(iso(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 1, time: '02:30' }))).toBe(
      '2026-03-29T01:40:00.000Z',
    );
  });

  it('keeps the local time across the autumn change (Zurich, 25 October 2026)', () => {
    // Monday 26 October 2026 at 08:00 CET (UTC+1); two days before is in CEST (UTC+2)
    const start = at('2026-10-26T07:00:00Z');
    expect(iso(appReminderDueAt(start, 'Europe/Zurich', { daysBefore: 2, time: '12:00' }))).toBe(
      '2026-10-24T10:10:00.000Z',
    );
    // 02:30 happens twice on 25 October: the first one (CEST)
    expect(iso(appReminderDueAt(start, 'Europe/Zurich', { daysBefore: 1, time: '02:30' }))).toBe(
      '2026-10-25T00:40:00.000Z',
    );
  });

  it('is null when it would come after the appointment has started', () => {
    const start = at('2026-06-10T07:00:00Z'); // 09:00 local
    expect(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 0, time: '12:00' })).toBeNull();
    expect(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 0, time: '08:50' })).toBeNull();
    expect(appReminderDueAt(start, 'Europe/Paris', { daysBefore: 0, time: '08:49' })).not.toBeNull();
  });
});
