import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Absence, Motif, OpeningRange, PracticeSettings } from '../../src/contracts/settings';
import type { StaffMember } from '../../src/contracts/staff';
import type { Db } from '../../src/server/db/client';
import { absences, motifs, openingRanges, practices, sessions, staff } from '../../src/server/db/schema';
import { staffClient, type TestClient } from '../support/client';
import {
  makeMotif,
  makePatient,
  makePractice,
  makeSchedulingPractice,
  makeStaff,
  nextWeekdayAt,
  testPassword,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.db;
});
afterAll(async () => t.close());

type Issue = { path: string; message: string };
type Body = { code?: string; issues?: Issue[]; details?: Record<string, unknown> };

const practiceUrl = '/api/console/settings/practice';
const paths = (body: Body) => (body.issues ?? []).map((issue) => issue.path);
/** "YYYY-MM-DD HH:MM", local time in Paris. */
const paris = (iso: string) =>
  new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Paris' }).slice(0, 16);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const timesOn = (slots: string[], day: string) =>
  slots.filter((s) => s.startsWith(day)).map((s) => s.slice(11));

function mondayAhead(): string {
  let day = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return day;
}

/** A scheduling practice, open on public holidays so that the days tests pick are never closed. */
async function setup() {
  const s = await makeSchedulingPractice(db);
  await db.update(practices).set({ closedOnPublicHolidays: false }).where(eq(practices.id, s.practice.id));
  const sign = (member: { email: string }) => staffClient(t.app, member.email, testPassword);
  const adminClient = await sign(s.admin);
  const desk = await sign(s.secretary);
  const dentistClient = await sign(s.dentist);
  /** Free slots as local "YYYY-MM-DD HH:MM" in Paris. */
  const slots = async (from: string, days: number, motifId = s.motif.id, practitionerId = s.dentist.id) => {
    const query = `motifId=${motifId}&from=${from}&days=${days}&practitionerIds=${practitionerId}`;
    const answer = await desk.get<{ slots: { start: string }[] }>(`/api/console/slots?${query}`);
    expect(answer.status).toBe(200);
    return answer.body.slots.map((slot) => paris(slot.start));
  };
  return { ...s, adminClient, desk, dentistClient, slots };
}

describe('admin routes', () => {
  it('refuse the secretary and practitioners (403) and change nothing; the admin succeeds', async () => {
    const s = await setup();
    const motif = await makeMotif(db, s.practice.id, { name: 'Blanchiment' });
    const member = await makeStaff(db, s.practice.id, { role: 'secretary' });
    const site = { name: 'Annexe', addressLine: '2 quai Est', postalCode: '69002', city: 'Lyon' };
    const calls = (client: TestClient) => [
      () => client.patch(practiceUrl, { name: 'Cabinet pirate' }),
      () => client.post('/api/console/locations', site),
      () => client.post('/api/console/motifs', { name: 'Urgence', durationMinutes: 20 }),
      () => client.patch(`/api/console/motifs/${motif.id}`, { name: 'Pirate' }),
      () => client.delete(`/api/console/motifs/${motif.id}`),
      () => client.patch(`/api/console/staff/${member.id}`, { role: 'admin' }),
      () => client.delete(`/api/console/staff/${member.id}`),
    ];
    for (const client of [s.desk, s.dentistClient]) {
      for (const call of calls(client)) expect((await call()).body.code).toBe('FORBIDDEN');
    }
    const [practice] = await db.select().from(practices).where(eq(practices.id, s.practice.id));
    expect(practice?.name).toBe(s.practice.name);
    const [kept] = await db.select().from(motifs).where(eq(motifs.id, motif.id));
    expect(kept).toMatchObject({ name: 'Blanchiment', archivedAt: null });
    const [same] = await db.select().from(staff).where(eq(staff.id, member.id));
    expect(same).toMatchObject({ role: 'secretary', removedAt: null });
    expect((await s.desk.get<{ items: unknown[] }>('/api/console/locations')).body.items).toHaveLength(1);

    const statuses: number[] = [];
    for (const call of calls(s.adminClient)) statuses.push((await call()).status);
    expect(statuses).toEqual([200, 201, 201, 200, 200, 200, 200]);
  });

  it('answer an empty change with the unchanged resource, not a server error', async () => {
    const s = await setup();
    const statuses = {
      practice: (await s.adminClient.patch(practiceUrl, {})).status,
      location: (await s.adminClient.patch(`/api/console/locations/${s.location.id}`, {})).status,
      motif: (await s.adminClient.patch(`/api/console/motifs/${s.motif.id}`, {})).status,
      staff: (await s.adminClient.patch(`/api/console/staff/${s.other.id}`, {})).status,
    };
    expect(statuses).toEqual({ practice: 200, location: 200, motif: 200, staff: 200 });
    const list = await s.desk.get<{ items: Motif[] }>('/api/console/motifs');
    expect(list.body.items).toEqual([expect.objectContaining({ id: s.motif.id, name: 'Contrôle' })]);
  });
});

describe('practice settings (SET-1)', () => {
  it('changes the inactivity lock delay, and sessions lock after the new delay', async () => {
    const s = await setup();
    const changed = await s.adminClient.patch<PracticeSettings>(practiceUrl, { autoLockMinutes: 2 });
    expect([changed.status, changed.body.autoLockMinutes]).toEqual([200, 2]);
    expect((await s.adminClient.patch(practiceUrl, { autoLockMinutes: 0 })).status).toBe(400);
    t.clock.advance(90_000);
    expect((await s.desk.get('/api/console/motifs')).status).toBe(200);
    t.clock.advance(121_000);
    const locked = await s.desk.get('/api/console/motifs');
    expect([locked.status, locked.body.code]).toEqual([401, 'SESSION_LOCKED']);
  });

  it('changes the slot grid, and the slots follow it', async () => {
    const s = await setup();
    const day = nextWeekdayAt(0);
    expect(await s.slots(day, 1)).toHaveLength(11);
    const changed = await s.adminClient.patch<PracticeSettings>(practiceUrl, { slotGridMinutes: 30 });
    expect(changed.body.slotGridMinutes).toBe(30);
    const times = (await s.slots(day, 1)).map((slot) => slot.slice(11));
    expect(times).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    const bad = await s.adminClient.patch<Body>(practiceUrl, { slotGridMinutes: 7 });
    expect([bad.status, paths(bad.body)]).toEqual([400, ['slotGridMinutes']]);
  });

  it('sets the online cutoff, the reminder delay, the feed detail and the waiting list, within bounds', async () => {
    const s = await setup();
    const defaults = await s.adminClient.get<PracticeSettings>(practiceUrl);
    expect(defaults.body).toMatchObject({
      cancellationCutoffHours: 24,
      reminderHoursBefore: 24,
      feedPatientDetail: 'initials',
      waitlistEnabled: true,
    });
    const changed = await s.adminClient.patch<PracticeSettings>(practiceUrl, {
      cancellationCutoffHours: 48,
      reminderHoursBefore: 36,
      feedPatientDetail: 'none',
      waitlistEnabled: false,
    });
    expect(changed.status).toBe(200);
    expect((await s.adminClient.get<PracticeSettings>(practiceUrl)).body).toMatchObject({
      cancellationCutoffHours: 48,
      reminderHoursBefore: 36,
      feedPatientDetail: 'none',
      waitlistEnabled: false,
    });
    const bad = await s.adminClient.patch<Body>(practiceUrl, {
      cancellationCutoffHours: 721,
      reminderHoursBefore: 0,
      feedPatientDetail: 'everything',
    });
    expect([bad.status, paths(bad.body).sort()]).toEqual([
      400,
      ['cancellationCutoffHours', 'feedPatientDetail', 'reminderHoursBefore'],
    ]);
    expect((await s.adminClient.get<PracticeSettings>(practiceUrl)).body.cancellationCutoffHours).toBe(48);
    expect((await s.desk.patch(practiceUrl, { cancellationCutoffHours: 0 })).status).toBe(403);
  });

  it('stores the phone in E.164 and refuses one that is not a number', async () => {
    const s = await setup();
    const changed = await s.adminClient.patch<PracticeSettings>(practiceUrl, { phone: '04 78 12 34 56' });
    expect(changed.body.phone).toBe('+33478123456');
    expect((await s.adminClient.get<PracticeSettings>(practiceUrl)).body.phone).toBe('+33478123456');
    for (const phone of ['12', 'not a phone']) {
      const bad = await s.adminClient.patch<Body>(practiceUrl, { phone });
      expect([bad.status, paths(bad.body)], phone).toEqual([400, ['phone']]);
    }
  });

  it('refuses an opening-hours period that closes before it opens, naming the period', async () => {
    const s = await setup();
    const morning = { weekday: 1, opens: '08:30', closes: '12:00' };
    const hours = [morning, { weekday: 1, opens: '14:00', closes: '13:00' }];
    const bad = await s.adminClient.patch<Body>(practiceUrl, { openingHours: hours });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([
      { path: 'openingHours.1.closes', message: 'La fin doit être après le début.' },
    ]);
    expect((await s.adminClient.get<PracticeSettings>(practiceUrl)).body.openingHours).toEqual([]);
    const fixed = [morning, { weekday: 1, opens: '14:00', closes: '18:30' }];
    const ok = await s.adminClient.patch<PracticeSettings>(practiceUrl, { openingHours: fixed });
    expect(ok.body.openingHours).toEqual(fixed);
  });
});

describe('motifs (SET-4)', () => {
  it('creates with every field, updates, and archives: gone from the list and no longer bookable', async () => {
    const s = await setup();
    const full = {
      name: 'Détartrage',
      category: 'Soins',
      durationMinutes: 45,
      firstVisitDurationMinutes: 60,
      colour: '#12ab34',
      kind: 'on_site',
      onlineBookable: true,
      minBookingDelayMinutes: 120,
      maxBookingDelayDays: 90,
      patientRestriction: 'existing_only',
      followUpOnly: true,
      bookableBySecretary: false,
      notificationsEnabled: false,
      position: 3,
      instructionsBefore: 'Venir 10 minutes en avance.',
      instructionsAfter: 'Apporter la carte Vitale.',
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 10,
    };
    const created = await s.adminClient.post<Motif>('/api/console/motifs', full);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), ...full });
    const url = `/api/console/motifs/${created.body.id}`;
    const updated = await s.adminClient.patch<Motif>(url, {
      name: 'Détartrage complet',
      durationMinutes: 50,
    });
    expect(updated.body).toEqual({ ...created.body, name: 'Détartrage complet', durationMinutes: 50 });
    expect((await s.desk.get<{ items: Motif[] }>('/api/console/motifs')).body.items).toContainEqual(
      updated.body,
    );

    const patient = await makePatient(db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const { dentist, location, motif } = s;
    const booking = (startsAt: string) => ({
      practitionerId: dentist.id,
      locationId: location.id,
      motifId: motif.id,
      patientId: patient.id,
      startsAt,
    });
    expect((await s.desk.post('/api/console/appointments', booking(nextWeekdayAt(9)))).status).toBe(201);
    expect((await s.adminClient.delete(`/api/console/motifs/${motif.id}`)).status).toBe(200);
    const after = await s.desk.get<{ items: Motif[] }>('/api/console/motifs');
    expect(after.body.items.map((item) => item.id)).toEqual([created.body.id]);
    const refused = await s.desk.post<Body>('/api/console/appointments', booking(nextWeekdayAt(10)));
    expect([refused.status, paths(refused.body)]).toEqual([400, ['motifId']]);
    expect((await s.adminClient.patch(`/api/console/motifs/${motif.id}`, { name: 'x' })).status).toBe(404);
    expect((await s.adminClient.delete(`/api/console/motifs/${motif.id}`)).status).toBe(404);
  });

  it('keeps home visits away from the front desk', async () => {
    const s = await setup();
    const home = { name: 'Visite à domicile', durationMinutes: 60, kind: 'home' };
    const refused = await s.adminClient.post<Body>('/api/console/motifs', {
      ...home,
      bookableBySecretary: true,
    });
    expect([refused.status, paths(refused.body)]).toEqual([400, ['bookableBySecretary']]);
    const created = await s.adminClient.post<Motif>('/api/console/motifs', home);
    expect([created.status, created.body.bookableBySecretary]).toEqual([201, false]);
    const reopen = await s.adminClient.patch(`/api/console/motifs/${created.body.id}`, {
      bookableBySecretary: true,
    });
    expect(reopen.status).toBe(400);
    const toHome = await s.adminClient.patch<Body>(`/api/console/motifs/${s.motif.id}`, { kind: 'home' });
    expect([toHome.status, paths(toHome.body)]).toEqual([400, ['bookableBySecretary']]);
    const [unchanged] = await db.select().from(motifs).where(eq(motifs.id, s.motif.id));
    expect(unchanged?.kind).toBe('on_site');
  });
});

describe('opening ranges (SET-5)', () => {
  it('repeats every other week until a day, for its motifs only; the slots follow the RRULE', async () => {
    const s = await setup();
    const practitioner = await makeStaff(db, s.practice.id, { role: 'practitioner' });
    const implant = await makeMotif(db, s.practice.id, { name: 'Implant', durationMinutes: 30 });
    const monday = mondayAhead();
    const until = addDays(monday, 14);
    const created = await s.adminClient.post<OpeningRange>('/api/console/opening-ranges', {
      practitionerId: practitioner.id,
      locationId: s.location.id,
      title: 'Matinées',
      firstDay: monday,
      startTime: '09:00',
      endTime: '11:00',
      motifIds: [s.motif.id],
      weekly: { weekdays: [3, 1], intervalWeeks: 2, until },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      practitionerId: practitioner.id,
      startTime: '09:00',
      endTime: '11:00',
      motifIds: [s.motif.id],
      weekly: { weekdays: [1, 3], intervalWeeks: 2, until },
      rrule: `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=${until.replaceAll('-', '')};WKST=MO`,
    });
    const url = `/api/console/opening-ranges?practitionerId=${practitioner.id}`;
    expect((await s.desk.get<{ items: OpeningRange[] }>(url)).body.items).toEqual([created.body]);

    const from = `${addDays(monday, -1)}T00:00:00.000Z`;
    const found = await s.slots(from, 31, s.motif.id, practitioner.id);
    const days = [monday, addDays(monday, 2), addDays(monday, 14)];
    const times = ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30'];
    expect(found).toEqual(days.flatMap((day) => times.map((time) => `${day} ${time}`)));
    expect(await s.slots(from, 31, implant.id, practitioner.id)).toEqual([]);
  });

  it('refuses an end before the start, an end of recurrence before the first day, unknown motifs', async () => {
    const s = await setup();
    const base = { practitionerId: s.dentist.id, locationId: s.location.id, firstDay: mondayAhead() };
    const range = { ...base, startTime: '14:00', endTime: '18:00', weekly: null, motifIds: [] };
    const post = (body: unknown) =>
      s.adminClient.post<Body & OpeningRange>('/api/console/opening-ranges', body);
    expect(paths((await post({ ...range, endTime: '13:00' })).body)).toEqual(['endTime']);
    const untilBefore = { weekdays: [1], intervalWeeks: 1, until: addDays(base.firstDay, -1) };
    expect(paths((await post({ ...range, weekly: untilBefore })).body)).toEqual(['weekly.until']);
    const foreign = await makeMotif(db, (await makePractice(db)).id);
    expect(paths((await post({ ...range, motifIds: [foreign.id] })).body)).toEqual(['motifIds']);
    const single = await post(range);
    expect([single.status, single.body.weekly, single.body.rrule]).toEqual([201, null, null]);
  });

  it('lets a practitioner manage their own ranges only; the secretary manages none', async () => {
    const s = await setup();
    const weekly = { weekdays: [2], intervalWeeks: 1, until: null };
    const own = {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      firstDay: mondayAhead(),
      startTime: '14:00',
      endTime: '17:00',
      weekly,
      motifIds: [],
    };
    const created = await s.dentistClient.post<OpeningRange>('/api/console/opening-ranges', own);
    expect(created.status).toBe(201);
    const ownUrl = `/api/console/opening-ranges/${created.body.id}`;
    const changed = await s.dentistClient.request<OpeningRange>('PUT', ownUrl, { ...own, endTime: '18:00' });
    expect(changed.body.endTime).toBe('18:00');
    expect((await s.dentistClient.delete(ownUrl)).status).toBe(200);

    const ranges = await db.select().from(openingRanges).where(eq(openingRanges.practitionerId, s.other.id));
    const theirs = { ...own, practitionerId: s.other.id };
    const url = `/api/console/opening-ranges/${ranges[0]?.id}`;
    expect((await s.dentistClient.post('/api/console/opening-ranges', theirs)).status).toBe(403);
    expect((await s.dentistClient.request('PUT', url, theirs)).status).toBe(403);
    expect((await s.dentistClient.delete(url)).status).toBe(403);
    expect((await s.desk.post('/api/console/opening-ranges', own)).status).toBe(403);
    expect((await s.desk.post('/api/console/opening-ranges', theirs)).status).toBe(403);
    const [kept] = await db
      .select()
      .from(openingRanges)
      .where(eq(openingRanges.id, ranges[0]?.id ?? ''));
    expect(kept).toMatchObject({ archivedAt: null, endMinute: 12 * 60 });
  });
});

describe('absences (SET-6)', () => {
  it('stores a one-off absence as the instants of Paris local times, across the DST changes', async () => {
    const s = await setup();
    const congress = {
      practitionerId: s.dentist.id,
      title: 'Congrès',
      recurring: null,
      oneOff: { startDay: '2027-03-27', startTime: '10:00', endDay: '2027-03-29', endTime: '10:00' },
    };
    const created = await s.adminClient.post<Absence>('/api/console/absences', congress);
    expect(created.status).toBe(201);
    const spring = { startsAt: '2027-03-27T09:00:00.000Z', endsAt: '2027-03-29T08:00:00.000Z' };
    expect(created.body.oneOff).toEqual(spring);
    const [row] = await db.select().from(absences).where(eq(absences.id, created.body.id));
    expect([row?.startsAt?.toISOString(), row?.endsAt?.toISOString()]).toEqual([
      spring.startsAt,
      spring.endsAt,
    ]);
    const autumn = await s.dentistClient.post<Absence>('/api/console/absences', {
      ...congress,
      oneOff: { startDay: '2027-10-30', startTime: '10:00', endDay: '2027-11-01', endTime: '10:00' },
    });
    expect(autumn.body.oneOff).toEqual({
      startsAt: '2027-10-30T08:00:00.000Z',
      endsAt: '2027-11-01T09:00:00.000Z',
    });

    const post = (client: TestClient, body: unknown) => client.post<Body>('/api/console/absences', body);
    const backwards = { ...congress.oneOff, endDay: '2027-03-27', endTime: '09:00' };
    expect(paths((await post(s.adminClient, { ...congress, oneOff: backwards })).body)).toEqual([
      'oneOff.endTime',
    ]);
    expect((await post(s.adminClient, { ...congress, oneOff: null })).status).toBe(400);
    expect((await post(s.desk, congress)).status).toBe(403);
    expect((await post(s.dentistClient, { ...congress, practitionerId: s.other.id })).status).toBe(403);
  });

  it('removes the slots during one-off and recurring absences; deleting them restores the slots', async () => {
    const s = await setup();
    const from = nextWeekdayAt(0);
    const day = paris(nextWeekdayAt(9)).slice(0, 10);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const before = await s.slots(from, 8);
    expect(timesOn(before, day)).toHaveLength(11);

    const oneOff = await s.adminClient.post<Absence>('/api/console/absences', {
      practitionerId: s.dentist.id,
      title: 'Formation',
      recurring: null,
      oneOff: { startDay: day, startTime: '09:00', endDay: day, endTime: '10:30' },
    });
    expect(oneOff.status).toBe(201);
    expect(timesOn(await s.slots(from, 8), day)).toEqual(['10:30', '10:45', '11:00', '11:15', '11:30']);
    expect((await s.adminClient.delete(`/api/console/absences/${oneOff.body.id}`)).status).toBe(200);
    expect(await s.slots(from, 8)).toEqual(before);

    const weekly = { weekdays: [weekday], intervalWeeks: 1, until: null };
    const meeting = await s.dentistClient.post<Absence>('/api/console/absences', {
      practitionerId: s.dentist.id,
      title: 'Réunion',
      oneOff: null,
      recurring: { firstDay: day, startTime: '11:00', endTime: '12:00', weekly },
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body.recurring).toEqual({
      firstDay: day,
      startTime: '11:00',
      endTime: '12:00',
      weekly,
      monthly: null,
    });
    const morning = ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30'];
    const during = await s.slots(from, 8);
    for (const date of [day, addDays(day, 7)]) expect(timesOn(during, date), date).toEqual(morning);
    expect((await s.dentistClient.delete(`/api/console/absences/${meeting.body.id}`)).status).toBe(200);
    expect(await s.slots(from, 8)).toEqual(before);
  });
});

describe('staff (SET-3)', () => {
  it('changes roles at once, never leaves the practice without an admin; nobody removes themselves', async () => {
    const s = await setup();
    const url = `/api/console/staff/${s.admin.id}`;
    const demote = await s.adminClient.patch<Body>(url, { role: 'secretary' });
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'last_admin' } });
    const self = await s.adminClient.delete<Body>(url);
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'self' } });
    const [still] = await db.select().from(staff).where(eq(staff.id, s.admin.id));
    expect(still).toMatchObject({ role: 'admin', removedAt: null });

    // the secretary is made an admin: her open session manages staff at once, and may demote the first
    expect((await s.desk.get('/api/console/staff')).status).toBe(403);
    const promoted = await s.adminClient.patch<StaffMember>(`/api/console/staff/${s.secretary.id}`, {
      role: 'admin',
    });
    expect([promoted.status, promoted.body.role]).toEqual([200, 'admin']);
    expect((await s.desk.patch(url, { role: 'practitioner' })).status).toBe(200);
    const last = await s.desk.patch<Body>(`/api/console/staff/${s.secretary.id}`, { role: 'secretary' });
    expect([last.status, last.body.details]).toEqual([409, { reason: 'last_admin' }]);
  });

  it('two admins removing each other at once leave one admin', async () => {
    // a race, repeated so that a missing lock shows on PostgreSQL (PGlite runs one transaction at a time)
    for (let round = 0; round < 6; round += 1) {
      const s = await setup();
      const second = await makeStaff(db, s.practice.id, { role: 'admin' });
      const secondClient = await staffClient(t.app, second.email, testPassword);
      const answers = await Promise.all([
        s.adminClient.delete(`/api/console/staff/${second.id}`),
        secondClient.delete(`/api/console/staff/${s.admin.id}`),
      ]);
      const admins = await db
        .select()
        .from(staff)
        .where(and(eq(staff.practiceId, s.practice.id), eq(staff.role, 'admin'), isNull(staff.removedAt)));
      expect(admins, `round ${round}`).toHaveLength(1);
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      // the other one is refused as the last admin, or finds its own session already ended
      expect([401, 409]).toContain(statuses.find((status) => status !== 200));
    }
  });

  it('ends a removed member’s session at once', async () => {
    const s = await setup();
    const url = `/api/console/staff/${s.secretary.id}`;
    expect((await s.desk.get('/api/staff/me')).status).toBe(200);
    expect((await s.adminClient.delete(url)).status).toBe(200);
    expect((await s.desk.get('/api/staff/me')).status).toBe(401);
    expect((await s.desk.get('/api/console/motifs')).status).toBe(401);
    const open = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.staffId, s.secretary.id), isNull(sessions.revokedAt)));
    expect(open).toEqual([]);
    expect((await s.adminClient.delete(url)).status).toBe(404);
  });

  it('validates agenda grants: only practitioners of the practice, all or nothing', async () => {
    const s = await setup();
    const foreign = await makeStaff(db, (await makePractice(db)).id, { role: 'practitioner' });
    const url = `/api/console/staff/${s.other.id}`;
    for (const wrong of ['00000000-0000-4000-8000-000000000000', s.secretary.id, foreign.id]) {
      const answer = await s.adminClient.patch<Body>(url, {
        firstName: 'Zoé',
        agendaGrants: [s.dentist.id, wrong],
      });
      expect([answer.status, paths(answer.body)]).toEqual([400, ['agendaGrants']]);
    }
    const [unchanged] = await db.select().from(staff).where(eq(staff.id, s.other.id));
    expect(unchanged?.firstName).toBe('Alex');
    const granted = await s.adminClient.patch<StaffMember>(url, { agendaGrants: [s.dentist.id] });
    expect(granted.body.agendaGrants).toEqual([s.dentist.id]);
    expect((await s.adminClient.patch(`/api/console/staff/${foreign.id}`, {})).status).toBe(404);
    expect((await s.adminClient.patch('/api/console/staff/not-an-id', {})).status).toBe(400);
  });
});
