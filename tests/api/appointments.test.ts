import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditLog } from '../../src/server/db/schema';
import { staffClient, type TestClient } from '../support/client';
import { makePatient, makeSchedulingPractice, nextWeekdayAt, testPassword } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Setup = Awaited<ReturnType<typeof makeSchedulingPractice>>;
interface Booked {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
  practitionerId: string;
}

async function setup(): Promise<
  Setup & { desk: TestClient; patient: Awaited<ReturnType<typeof makePatient>> }
> {
  const s = await makeSchedulingPractice(t.deps.db);
  const patient = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
  const desk = await staffClient(t.app, s.secretary.email, testPassword);
  return { ...s, desk, patient };
}

function booking(s: Setup, patientId: string, startsAt: string, extra: Record<string, unknown> = {}) {
  return {
    practitionerId: s.dentist.id,
    locationId: s.location.id,
    motifId: s.motif.id,
    patientId,
    startsAt,
    ...extra,
  };
}

describe('booking by staff', () => {
  it('books with the motif’s duration, records history and audit, and refuses the same slot twice', async () => {
    const s = await setup();
    const startsAt = nextWeekdayAt(10);
    const created = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, startsAt, { comment: 'Douleur' }),
    );
    expect(created.status).toBe(201);
    expect(Date.parse(created.body.endsAt) - Date.parse(created.body.startsAt)).toBe(30 * 60_000);
    expect(created.body.status).toBe('unknown');

    const other = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const overlapping = new Date(Date.parse(startsAt) + 15 * 60_000).toISOString();
    const refused = await s.desk.post('/api/console/appointments', booking(s, other.id, overlapping));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SLOT_TAKEN');

    const backToBack = new Date(Date.parse(startsAt) + 30 * 60_000).toISOString();
    expect((await s.desk.post('/api/console/appointments', booking(s, other.id, backToBack))).status).toBe(
      201,
    );

    const detail = await s.desk.get<{ history: { action: string; actorName: string }[] }>(
      `/api/console/appointments/${created.body.id}`,
    );
    expect(detail.body.history).toEqual([
      expect.objectContaining({ action: 'created', actorName: expect.stringContaining('Alex') }),
    ]);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.body.id), eq(auditLog.action, 'appointment.create')));
    expect(audits).toHaveLength(1);
  });

  it('50 concurrent requests for one slot: exactly one 201, the others 409', async () => {
    const s = await setup();
    const startsAt = nextWeekdayAt(9, 30, 9);
    const people = await Promise.all(
      Array.from({ length: 50 }, () =>
        makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id }),
      ),
    );
    const answers = await Promise.all(
      people.map((person) => s.desk.post('/api/console/appointments', booking(s, person.id, startsAt))),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(
      answers.filter((answer) => answer.status === 409).every((answer) => answer.body.code === 'SLOT_TAKEN'),
    ).toBe(true);
    const live = await t.deps.db
      .select()
      .from(appointments)
      .where(eq(appointments.practitionerId, s.dentist.id));
    expect(live).toHaveLength(1);
  });

  it('asks for the patient’s agreement before booking another practitioner than their own (RDV-5)', async () => {
    const s = await setup();
    const startsAt = nextWeekdayAt(11);
    const withOther = { ...booking(s, s.patient.id, startsAt), practitionerId: s.other.id };
    const warned = await s.desk.post('/api/console/appointments', withOther);
    expect(warned.status).toBe(409);
    expect(warned.body.code).toBe('CONFIRMATION_REQUIRED');
    expect(warned.body.details).toMatchObject({
      reason: 'own_practitioner',
      ownPractitioner: { id: s.dentist.id },
    });
    const agreed = await s.desk.post<Booked>('/api/console/appointments', {
      ...withOther,
      patientAgreed: true,
    });
    expect(agreed.status).toBe(201);
    const detail = await s.desk.get<{ history: { details: Record<string, unknown> }[] }>(
      `/api/console/appointments/${agreed.body.id}`,
    );
    expect(detail.body.history[0]?.details).toMatchObject({ patientAgreedOtherPractitioner: true });
  });

  it('gives a patient without an own practitioner the one they are booked with', async () => {
    const s = await setup();
    const newcomer = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: null });
    await s.desk.post('/api/console/appointments', {
      ...booking(s, newcomer.id, nextWeekdayAt(9)),
      practitionerId: s.other.id,
    });
    const file = await s.desk.get<{ ownPractitionerId: string }>(`/api/console/patients/${newcomer.id}`);
    expect(file.body.ownPractitionerId).toBe(s.other.id);
  });

  it('refuses bad input with field messages, not 500', async () => {
    const s = await setup();
    const bad = await s.desk.post('/api/console/appointments', {
      ...booking(s, s.patient.id, 'tomorrow'),
      motifId: 'nope',
    });
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { path: string }[]).map((issue) => issue.path).sort()).toEqual([
      'motifId',
      'startsAt',
    ]);
    const unknownMotif = await s.desk.post('/api/console/appointments', {
      ...booking(s, s.patient.id, nextWeekdayAt(9)),
      motifId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownMotif.status).toBe(400);
    expect(unknownMotif.body.issues).toEqual([{ path: 'motifId', message: expect.any(String) }]);
  });

  it('keeps motifs the front desk may not book away from secretaries', async () => {
    const s = await setup();
    const { makeMotif } = await import('../support/factories');
    const surgery = await makeMotif(t.deps.db, s.practice.id, { bookableBySecretary: false });
    const answer = await s.desk.post('/api/console/appointments', {
      ...booking(s, s.patient.id, nextWeekdayAt(9)),
      motifId: surgery.id,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([
      { path: 'motifId', message: 'Ce motif ne peut pas être pris par le secrétariat.' },
    ]);
  });
});

describe('changing appointments', () => {
  it('moves keeping the duration, refuses an overlapping move, resizes, and records each change', async () => {
    const s = await setup();
    const first = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(9)),
    );
    const other = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const second = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, other.id, nextWeekdayAt(10)),
    );

    const target = nextWeekdayAt(11);
    const moved = await s.desk.patch<Booked>(`/api/console/appointments/${first.body.id}`, {
      startsAt: target,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe(target);
    expect(Date.parse(moved.body.endsAt) - Date.parse(moved.body.startsAt)).toBe(30 * 60_000);

    const clash = await s.desk.patch(`/api/console/appointments/${second.body.id}`, {
      startsAt: nextWeekdayAt(11, 15),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SLOT_TAKEN');
    const unchanged = await s.desk.get<Booked>(`/api/console/appointments/${second.body.id}`);
    expect(unchanged.body.startsAt).toBe(second.body.startsAt);

    const resized = await s.desk.patch<Booked>(`/api/console/appointments/${first.body.id}`, {
      endsAt: nextWeekdayAt(12),
    });
    expect(Date.parse(resized.body.endsAt) - Date.parse(resized.body.startsAt)).toBe(60 * 60_000);
    const backwards = await s.desk.patch(`/api/console/appointments/${first.body.id}`, {
      endsAt: nextWeekdayAt(10, 30),
    });
    expect(backwards.status).toBe(400);

    const detail = await s.desk.get<{ history: { action: string }[] }>(
      `/api/console/appointments/${first.body.id}`,
    );
    expect(detail.body.history.map((event) => event.action)).toEqual(['created', 'moved', 'resized']);
  });

  it('changing the practitioner follows the own-practitioner rule too', async () => {
    const s = await setup();
    const booked = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(9)),
    );
    const change = await s.desk.patch(`/api/console/appointments/${booked.body.id}`, {
      practitionerId: s.other.id,
    });
    expect(change.body.code).toBe('CONFIRMATION_REQUIRED');
    const agreed = await s.desk.patch<Booked>(`/api/console/appointments/${booked.body.id}`, {
      practitionerId: s.other.id,
      patientAgreed: true,
    });
    expect(agreed.body.practitionerId).toBe(s.other.id);
  });

  it('cancels: a patient cancelling the day before is excused, the same day is not; the slot is free again', async () => {
    const s = await setup();
    const early = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(9)),
    );
    const excused = await s.desk.post<Booked>(`/api/console/appointments/${early.body.id}/cancel`, {
      by: 'patient',
    });
    expect(excused.body.status).toBe('excused');
    const again = await s.desk.post(
      '/api/console/appointments',
      booking(s, s.patient.id, early.body.startsAt),
    );
    expect(again.status).toBe(201);

    const late = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(10, 0, 14)),
    );
    expect(late.status).toBe(201);
    const shift = Date.parse(late.body.startsAt) - Date.now() - 2 * 3600_000;
    t.clock.advance(shift);
    try {
      // two hours before, on the day: the front desk of that day signs in and records the call
      const sameDay = await staffClient(t.app, s.secretary.email, testPassword);
      const notExcused = await sameDay.post<Booked>(`/api/console/appointments/${late.body.id}/cancel`, {
        by: 'patient',
      });
      expect(notExcused.body).toMatchObject({ status: 'not_excused' });
    } finally {
      t.clock.advance(-shift);
    }
    const byPractice = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(11)),
    );
    const cancelled = await s.desk.post<Booked>(`/api/console/appointments/${byPractice.body.id}/cancel`, {
      by: 'practice',
      reason: 'Praticien malade',
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await s.desk.post(`/api/console/appointments/${byPractice.body.id}/cancel`, { by: 'practice' }))
        .status,
    ).toBe(409);
    expect(
      (await s.desk.patch(`/api/console/appointments/${byPractice.body.id}`, { startsAt: nextWeekdayAt(9) }))
        .status,
    ).toBe(409);
  });

  it('lets staff override the classification (an emergency that morning is excused)', async () => {
    const s = await setup();
    const booked = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(9)),
    );
    const answer = await s.desk.post<Booked>(`/api/console/appointments/${booked.body.id}/cancel`, {
      by: 'patient',
      classification: 'not_excused',
    });
    expect(answer.body.status).toBe('not_excused');
    const corrected = await s.desk.post<Booked>(`/api/console/appointments/${booked.body.id}/status`, {
      status: 'excused',
    });
    expect(corrected.body.status).toBe('excused');
    expect(
      (await s.desk.post(`/api/console/appointments/${booked.body.id}/status`, { status: 'seen' })).status,
    ).toBe(409);
  });

  it('sets statuses with the buttons and keeps the history', async () => {
    const s = await setup();
    const booked = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(9)),
    );
    await s.desk.post(`/api/console/appointments/${booked.body.id}/status`, { status: 'waiting_room' });
    const seen = await s.desk.post<Booked>(`/api/console/appointments/${booked.body.id}/status`, {
      status: 'seen',
    });
    expect(seen.body.status).toBe('seen');
    const detail = await s.desk.get<{ history: { action: string; details: { to?: string } }[] }>(
      `/api/console/appointments/${booked.body.id}`,
    );
    expect(detail.body.history.map((event) => event.details?.to ?? event.action)).toEqual([
      'created',
      'waiting_room',
      'seen',
    ]);
    expect(
      (await s.desk.post(`/api/console/appointments/${booked.body.id}/status`, { status: 'cancelled' }))
        .status,
    ).toBe(400);
  });

  it('only the admin deletes; a deleted appointment leaves the agenda and frees its time', async () => {
    const s = await setup();
    const startsAt = nextWeekdayAt(9);
    const booked = await s.desk.post<Booked>('/api/console/appointments', booking(s, s.patient.id, startsAt));
    expect((await s.desk.delete(`/api/console/appointments/${booked.body.id}`)).status).toBe(403);
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    expect((await admin.delete(`/api/console/appointments/${booked.body.id}`)).status).toBe(200);
    expect((await s.desk.get(`/api/console/appointments/${booked.body.id}`)).status).toBe(404);
    expect((await s.desk.post('/api/console/appointments', booking(s, s.patient.id, startsAt))).status).toBe(
      201,
    );
  });
});

describe('agenda visibility', () => {
  it('a practitioner sees their own agenda, not a colleague’s unless the admin grants it', async () => {
    const s = await setup();
    await s.desk.post('/api/console/appointments', booking(s, s.patient.id, nextWeekdayAt(9)));
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 21 * 86_400_000).toISOString();
    const colleague = await staffClient(t.app, s.other.email, testPassword);
    const own = await colleague.get(
      `/api/console/agenda?from=${from}&to=${to}&practitionerIds=${s.other.id}`,
    );
    expect(own.status).toBe(200);
    const denied = await colleague.get(
      `/api/console/agenda?from=${from}&to=${to}&practitionerIds=${s.dentist.id}`,
    );
    expect(denied.status).toBe(403);
    const defaults = await colleague.get<{ practitioners: { id: string }[] }>(
      `/api/console/agenda?from=${from}&to=${to}`,
    );
    expect(defaults.body.practitioners.map((member) => member.id)).toEqual([s.other.id]);

    const admin = await staffClient(t.app, s.admin.email, testPassword);
    expect(
      (await admin.patch(`/api/console/staff/${s.other.id}`, { agendaGrants: [s.dentist.id] })).status,
    ).toBe(200);
    const granted = await colleague.get<{ appointments: unknown[] }>(
      `/api/console/agenda?from=${from}&to=${to}&practitionerIds=${s.dentist.id}`,
    );
    expect(granted.status).toBe(200);
    expect(granted.body.appointments).toHaveLength(1);
  });

  it('a practitioner cannot change a colleague’s appointment without the grant', async () => {
    const s = await setup();
    const booked = await s.desk.post<Booked>(
      '/api/console/appointments',
      booking(s, s.patient.id, nextWeekdayAt(9)),
    );
    const colleague = await staffClient(t.app, s.other.email, testPassword);
    expect((await colleague.get(`/api/console/appointments/${booked.body.id}`)).status).toBe(403);
    expect(
      (await colleague.post(`/api/console/appointments/${booked.body.id}/status`, { status: 'seen' })).status,
    ).toBe(403);
  });

  it('the agenda shows openings, absences and holidays, and audits the patients it shows', async () => {
    const s = await setup();
    await s.desk.post('/api/console/appointments', booking(s, s.patient.id, nextWeekdayAt(9)));
    const from = nextWeekdayAt(0);
    const to = new Date(Date.parse(from) + 86_400_000).toISOString();
    const agenda = await s.desk.get<{
      openings: { practitionerId: string; start: string }[];
      appointments: { patient: { id: string } }[];
      timeZone: string;
      gridMinutes: number;
    }>(`/api/console/agenda?from=${from}&to=${to}`);
    expect(agenda.status).toBe(200);
    expect(agenda.body.timeZone).toBe('Europe/Paris');
    expect(agenda.body.gridMinutes).toBe(15);
    expect(
      agenda.body.openings
        .filter((opening) => opening.practitionerId === s.dentist.id)
        .map((opening) => opening.start),
    ).toEqual([nextWeekdayAt(9)]);
    expect(agenda.body.appointments).toHaveLength(1);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.action, 'agenda.read')));
    expect(audits.at(-1)?.details).toMatchObject({ patientIds: [s.patient.id] });
    expect((await s.desk.get(`/api/console/agenda?from=${to}&to=${from}`)).status).toBe(400);
  });
});

describe('find a slot', () => {
  it('lists free slots of a motif across practitioners, pages forward, and skips to the next availability', async () => {
    const s = await setup();
    const day = nextWeekdayAt(0);
    const page = await s.desk.get<{ slots: { start: string; practitionerId: string }[]; nextFrom: string }>(
      `/api/console/slots?motifId=${s.motif.id}&from=${day}&days=1&practitionerIds=${s.dentist.id}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.slots.map((slot) => slot.start)).toContain(nextWeekdayAt(9));
    expect(page.body.slots).toHaveLength(11); // 09:00–12:00, every 15 min, 30 min long: 09:00 … 11:30
    await s.desk.post('/api/console/appointments', booking(s, s.patient.id, nextWeekdayAt(9)));
    const after = await s.desk.get<{ slots: { start: string }[] }>(
      `/api/console/slots?motifId=${s.motif.id}&from=${day}&days=1&practitionerIds=${s.dentist.id}`,
    );
    expect(after.body.slots.map((slot) => slot.start)).not.toContain(nextWeekdayAt(9));
    expect(after.body.slots.map((slot) => slot.start)).not.toContain(nextWeekdayAt(9, 15));
    expect(after.body.slots.map((slot) => slot.start)).toContain(nextWeekdayAt(9, 30));
  });

  it('a practitioner cannot search a colleague’s agenda without the grant', async () => {
    const s = await setup();
    const colleague = await staffClient(t.app, s.other.email, testPassword);
    const answer = await colleague.get(
      `/api/console/slots?motifId=${s.motif.id}&from=${nextWeekdayAt(0)}&practitionerIds=${s.dentist.id}`,
    );
    expect(answer.status).toBe(403);
  });
});
