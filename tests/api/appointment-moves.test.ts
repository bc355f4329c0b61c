import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, outbox } from '../../src/server/db/schema';
import { drainOutbox } from '../../src/server/modules/outbox/drain-outbox';
import { staffClient } from '../support/client';
import { makePatient, makeSchedulingPractice, nextWeekdayAt, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 9 §2.9: a move asks before telling the patient, and can be undone without a contradicting notice. */
let t: TestApp;
const sent: string[] = [];
beforeAll(async () => {
  t = await createTestApp({
    transports: {
      email: null,
      sms: {
        send: async (sms) => {
          sent.push(sms.text);
          return { messageId: `m${sent.length}` };
        },
      },
    },
  });
});
afterAll(async () => t.close());

interface Booked {
  id: string;
  startsAt: string;
  endsAt: string;
  practitionerId: string;
  locationId: string;
  version: number;
}

async function setup() {
  const s = await makeSchedulingPractice(t.deps.db);
  const patient = await makePatient(t.deps.db, s.practice.id, {
    ownPractitionerId: s.dentist.id,
    notificationChannel: 'sms',
  });
  const desk = await staffClient(t.app, s.secretary.email, testPassword);
  const created = await desk.post<Booked>('/api/console/appointments', {
    practitionerId: s.dentist.id,
    locationId: s.location.id,
    motifId: s.motif.id,
    patientId: patient.id,
    startsAt: nextWeekdayAt(9),
  });
  expect(created.status).toBe(201);
  return { ...s, desk, patient, booked: created.body };
}

const movedNotices = (appointmentId: string) =>
  t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.appointmentId, appointmentId), eq(outbox.kind, 'appointment_moved')));

const placement = (booked: Booked) => ({
  startsAt: booked.startsAt,
  endsAt: booked.endsAt,
  practitionerId: booked.practitionerId,
  locationId: booked.locationId,
});

describe('moving with or without telling the patient', () => {
  it('notifyPatient false queues nothing; true (or absent, as before) queues one notice', async () => {
    const s = await setup();
    const quiet = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(10),
      notifyPatient: false,
    });
    expect(quiet.status).toBe(200);
    expect(quiet.body.version).toBe(s.booked.version + 1);
    expect(await movedNotices(s.booked.id)).toHaveLength(0);

    const told = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(11),
      notifyPatient: true,
    });
    expect(told.status).toBe(200);
    const afterTold = await movedNotices(s.booked.id);
    expect(afterTold).toHaveLength(1);
    expect(afterTold[0]?.nextAttemptAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());

    await s.desk.patch(`/api/console/appointments/${s.booked.id}`, { startsAt: nextWeekdayAt(12) });
    expect(await movedNotices(s.booked.id)).toHaveLength(2);
  });

  it('refuses a notice delay out of range, with the field at fault', async () => {
    const s = await setup();
    const refused = await s.desk.patch(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(10),
      noticeDelaySeconds: 3600,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.issues)).toContain('noticeDelaySeconds');
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, s.booked.id));
    expect(row?.startsAt.toISOString()).toBe(s.booked.startsAt);
  });
});

describe('undo of a move', () => {
  it('is no way around the own-dentist rule: another dentist than the own one still needs the agreement', async () => {
    const s = await setup();
    const moved = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(14),
      notifyPatient: false,
    });
    expect(moved.status).toBe(200);
    const elsewhere = await s.desk.post(`/api/console/appointments/${s.booked.id}/undo`, {
      version: moved.body.version,
      ...placement(s.booked),
      practitionerId: s.other.id,
    });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('CONFIRMATION_REQUIRED');
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, s.booked.id));
    expect(row?.practitionerId).toBe(s.dentist.id);
    expect(row?.startsAt.toISOString()).toBe(moved.body.startsAt);
  });

  it('within the hold: the time and length come back, the notice is withdrawn, nothing reaches the patient', async () => {
    const s = await setup();
    const moved = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(14),
      endsAt: nextWeekdayAt(15),
      notifyPatient: true,
      noticeDelaySeconds: 30,
    });
    expect(moved.status).toBe(200);
    const held = await movedNotices(s.booked.id);
    expect(held).toHaveLength(1);
    expect(held[0]?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t.clock.now().getTime() + 29_000);
    // the drain passes during the hold: the notice stays
    while ((await drainOutbox(t.deps)) > 0) {
      // the booking's confirmation may go
    }
    expect((await movedNotices(s.booked.id)).map((row) => row.status)).toEqual(['pending']);

    const undone = await s.desk.post<{ appointment: Booked; notice: string }>(
      `/api/console/appointments/${s.booked.id}/undo`,
      { version: moved.body.version, ...placement(s.booked) },
    );
    expect(undone.status).toBe(200);
    expect(undone.body.notice).toBe('withdrawn');
    expect(undone.body.appointment.startsAt).toBe(s.booked.startsAt);
    expect(undone.body.appointment.endsAt).toBe(s.booked.endsAt);
    expect(await movedNotices(s.booked.id)).toHaveLength(0);

    t.clock.advance(60_000);
    const afterHold = sent.length;
    while ((await drainOutbox(t.deps)) > 0) {
      // nothing about this move is left to send
    }
    t.clock.advance(-60_000);
    expect(sent.slice(afterHold).filter((text) => text.includes('déplacé'))).toEqual([]);
    expect(await movedNotices(s.booked.id)).toHaveLength(0);
    const detail = await s.desk.get<{ history: { action: string }[] }>(
      `/api/console/appointments/${s.booked.id}`,
    );
    expect(detail.body.history.map((event) => event.action)).toEqual([
      'created',
      'moved',
      'resized',
      'change_undone',
    ]);
  });

  it('after the notice left: the patient is told the time put back', async () => {
    const s = await setup();
    const moved = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(14),
      noticeDelaySeconds: 30,
    });
    t.clock.advance(31_000);
    while ((await drainOutbox(t.deps)) > 0) {
      // the held notice leaves now
    }
    t.clock.advance(-31_000);
    expect((await movedNotices(s.booked.id)).map((row) => row.status)).toEqual(['sent']);
    const undone = await s.desk.post<{ appointment: Booked; notice: string }>(
      `/api/console/appointments/${s.booked.id}/undo`,
      { version: moved.body.version, ...placement(s.booked) },
    );
    expect(undone.status).toBe(200);
    expect(undone.body.notice).toBe('sent_again');
    const notices = await movedNotices(s.booked.id);
    expect(notices).toHaveLength(2);
    expect(notices.filter((row) => row.status === 'pending')).toHaveLength(1);
  });

  it('an undo of a move made without notice tells nothing', async () => {
    const s = await setup();
    const moved = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(14),
      notifyPatient: false,
    });
    const undone = await s.desk.post<{ appointment: Booked; notice: string }>(
      `/api/console/appointments/${s.booked.id}/undo`,
      { version: moved.body.version, ...placement(s.booked) },
    );
    expect(undone.status).toBe(200);
    expect(undone.body.notice).toBe('none');
    expect(await movedNotices(s.booked.id)).toHaveLength(0);
  });

  it('refuses with 409 and changes nothing: former time taken, changed since, cancelled', async () => {
    const s = await setup();
    const moved = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(14),
      noticeDelaySeconds: 30,
    });
    // a colleague books the former time meanwhile
    const other = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const taken = await s.desk.post<Booked>('/api/console/appointments', {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: other.id,
      startsAt: s.booked.startsAt,
    });
    expect(taken.status).toBe(201);
    const clash = await s.desk.post(`/api/console/appointments/${s.booked.id}/undo`, {
      version: moved.body.version,
      ...placement(s.booked),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SLOT_TAKEN');
    const [still] = await t.deps.db.select().from(appointments).where(eq(appointments.id, s.booked.id));
    expect(still?.startsAt.toISOString()).toBe(moved.body.startsAt);
    expect(still?.version).toBe(moved.body.version);
    // the held notice is still there: the move stands, so the patient will be told
    expect((await movedNotices(s.booked.id)).map((row) => row.status)).toEqual(['pending']);

    // changed again since the move: the undo no longer applies
    const again = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(16),
      notifyPatient: false,
    });
    const stale = await s.desk.post(`/api/console/appointments/${s.booked.id}/undo`, {
      version: moved.body.version,
      ...placement(s.booked),
      startsAt: nextWeekdayAt(8),
      endsAt: nextWeekdayAt(8, 30),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    const [same] = await t.deps.db.select().from(appointments).where(eq(appointments.id, s.booked.id));
    expect(same?.startsAt.toISOString()).toBe(again.body.startsAt);

    const cancelled = await s.desk.post(`/api/console/appointments/${s.booked.id}/cancel`, {
      by: 'practice',
    });
    expect(cancelled.status).toBe(200);
    const afterCancel = await s.desk.post(`/api/console/appointments/${s.booked.id}/undo`, {
      version: again.body.version,
      ...placement(s.booked),
      startsAt: nextWeekdayAt(8),
      endsAt: nextWeekdayAt(8, 30),
    });
    expect(afterCancel.status).toBe(409);
  });

  it('refuses an undo without access to the agenda, or with a bad body', async () => {
    const s = await setup();
    const moved = await s.desk.patch<Booked>(`/api/console/appointments/${s.booked.id}`, {
      startsAt: nextWeekdayAt(14),
    });
    const colleague = await staffClient(t.app, s.other.email, testPassword);
    const forbidden = await colleague.post(`/api/console/appointments/${s.booked.id}/undo`, {
      version: moved.body.version,
      ...placement(s.booked),
    });
    expect([403, 404]).toContain(forbidden.status);
    const bad = await s.desk.post(`/api/console/appointments/${s.booked.id}/undo`, {
      version: moved.body.version,
      ...placement(s.booked),
      endsAt: s.booked.startsAt,
    });
    expect(bad.status).toBe(400);
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, s.booked.id));
    expect(row?.startsAt.toISOString()).toBe(moved.body.startsAt);
  });
});

describe('the API document', () => {
  it('describes notifyPatient, the notice delay and the undo', async () => {
    // the document itself (over HTTP it is for signed-in staff only)
    const doc = { body: t.app.swagger() as unknown as { paths: Record<string, Record<string, unknown>> } };
    const text = JSON.stringify(doc.body.paths['/api/console/appointments/{appointmentId}']?.patch);
    expect(text).toContain('notifyPatient');
    expect(text).toContain('Default true');
    expect(text).toContain('noticeDelaySeconds');
    expect(doc.body.paths['/api/console/appointments/{appointmentId}/undo']?.post).toBeDefined();
  });
});
