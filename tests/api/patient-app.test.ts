import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingGrant } from '../../src/contracts/booking';
import type {
  Device,
  PatientAppointmentPage,
  PatientHome,
  PatientPractice,
} from '../../src/contracts/patient-app';
import { defaultAppModules } from '../../src/contracts/patient-app';
import {
  documents,
  messages,
  messageThreads,
  motifs,
  patients,
  practiceAppSettings,
  practices,
  sessions,
} from '../../src/server/db/schema';
import { TestClient } from '../support/client';
import { makeSchedulingPractice, nextWeekdayAt } from '../support/factories';
import { makeAppointment, makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type DeviceList = { items: Device[] };

const hour = 3600_000;
const day = 24 * hour;

/** A practice open online with the Durand–Martin family and appointments for each of them. */
async function familyWithAppointments() {
  const s = await makeSchedulingPractice(t.deps.db);
  const f = await makeFamily(t.deps.db, s.practice);
  const at = {
    practiceId: s.practice.id,
    practitionerId: s.dentist.id,
    locationId: s.location.id,
    motifId: s.motif.id,
  };
  const now = t.clock.now().getTime();
  const soon = (days: number, hours = 0) =>
    new Date(Math.floor((now + days * day) / hour) * hour + hours * hour);
  const appts = {
    leaPast: await makeAppointment(t.deps.db, at, f.lea.id, soon(-30), { status: 'seen' }),
    leaCancelled: await makeAppointment(t.deps.db, at, f.lea.id, soon(3), {
      status: 'cancelled',
      cancelledAt: new Date(now),
      cancelledBy: 'patient',
    }),
    leaNext: await makeAppointment(t.deps.db, at, f.lea.id, soon(5), { carteVitale: true }),
    leaLater: await makeAppointment(t.deps.db, at, f.lea.id, soon(12)),
    hugo: await makeAppointment(t.deps.db, at, f.hugo.id, soon(2)),
    paul: await makeAppointment(t.deps.db, at, f.paul.id, soon(1)),
    marie: await makeAppointment(t.deps.db, at, f.marie.id, soon(9)),
    jose: await makeAppointment(t.deps.db, at, f.jose.id, soon(1, 2)),
  };
  return { ...s, ...f, appts };
}

describe('my appointments (APP-3) across a family (PAT-2)', () => {
  it('a parent sees both children; the other parent the shared children but not the first parent’s own file', async () => {
    const f = await familyWithAppointments();
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);
    const list = (client: typeof paul, patientId: string) =>
      client.get<PatientAppointmentPage>(`/api/patient/appointments?patientId=${patientId}`);

    for (const child of [f.lea, f.hugo]) {
      const fromPaul = await list(paul, child.id);
      expect(fromPaul.status).toBe(200);
      expect(fromPaul.body.items.length).toBeGreaterThan(0);
      expect(fromPaul.body.items.every((item) => item.patientId === child.id)).toBe(true);
      expect((await list(marie, child.id)).body).toEqual(fromPaul.body);
    }
    expect((await list(paul, f.paul.id)).body.items.map((item) => item.id)).toEqual([f.appts.paul.id]);
    const crossed = await list(marie, f.paul.id);
    expect(crossed.status).toBe(404);
    expect(crossed.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await list(paul, f.marie.id)).status).toBe(404);
  });

  it('an unrelated phone sees nothing of the family: every id answers 404', async () => {
    const f = await familyWithAppointments();
    const jose = await patientClient(t.app, t.deps.db, f.identities.jose);
    for (const member of [f.paul, f.marie, f.lea, f.hugo]) {
      expect((await jose.get(`/api/patient/appointments?patientId=${member.id}`)).status).toBe(404);
      expect((await jose.get(`/api/patient/patients/${member.id}`)).status).toBe(404);
    }
    const home = await jose.get<PatientHome>('/api/patient/home');
    expect(home.body.nextAppointment?.id).toBe(f.appts.jose.id);
    expect((await jose.get('/api/patient/appointments')).status).toBe(400);
  });

  it('upcoming: live ones in ascending order with a manage token; all: the whole history with statuses, paged', async () => {
    const f = await familyWithAppointments();
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const upcoming = await paul.get<PatientAppointmentPage>(
      `/api/patient/appointments?patientId=${f.lea.id}`,
    );
    expect(upcoming.body.items.map((item) => item.id)).toEqual([f.appts.leaNext.id, f.appts.leaLater.id]);
    expect(upcoming.body.nextCursor).toBeNull();
    const next = upcoming.body.items[0];
    expect(next).toMatchObject({ carteVitaleToRead: true, past: false, cancelled: false, canChange: true });
    expect(upcoming.body.items[1]?.carteVitaleToRead).toBe(false);

    // the manage token opens the existing manage-link routes
    const managed = await paul.get<{ id: string }>(`/api/public/appointments/${next?.manageToken}`);
    expect(managed.body.id).toBe(f.appts.leaNext.id);
    const ics = await paul.get<string>(`/api/public/appointments/${next?.manageToken}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.body).toContain('BEGIN:VEVENT');

    const pages: PatientAppointmentPage['items'] = [];
    let cursor: string | null = null;
    do {
      const page: { body: PatientAppointmentPage } = await paul.get<PatientAppointmentPage>(
        `/api/patient/appointments?patientId=${f.lea.id}&scope=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      pages.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages.map((item) => [item.id, item.status])).toEqual([
      [f.appts.leaPast.id, 'seen'],
      [f.appts.leaCancelled.id, 'cancelled'],
      [f.appts.leaNext.id, 'unknown'],
      [f.appts.leaLater.id, 'unknown'],
    ]);
    expect(pages[0]?.past).toBe(true);
    expect(pages[1]?.cancelled).toBe(true);
    expect((await paul.get(`/api/patient/appointments?patientId=${f.lea.id}&cursor=nonsense`)).status).toBe(
      400,
    );
  });

  it('home: the next appointment of the whole family, and for whom', async () => {
    const f = await familyWithAppointments();
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const home = await paul.get<PatientHome>('/api/patient/home');
    expect(home.status).toBe(200);
    expect(home.body.nextAppointment).toMatchObject({
      id: f.appts.paul.id,
      patientId: f.paul.id,
      patient: { firstName: 'Paul' },
    });
    expect(home.body.modules).toEqual(defaultAppModules);

    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);
    expect((await marie.get<PatientHome>('/api/patient/home')).body.nextAppointment).toMatchObject({
      id: f.appts.hugo.id,
      patient: { firstName: 'Hugo' },
    });
  });

  it('a file opted out of the app (SEC-3) disappears from the family at once', async () => {
    const f = await familyWithAppointments();
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    expect((await paul.get(`/api/patient/appointments?patientId=${f.hugo.id}`)).status).toBe(200);
    await t.deps.db.update(patients).set({ appOptOut: true }).where(eq(patients.id, f.hugo.id));
    expect((await paul.get(`/api/patient/appointments?patientId=${f.hugo.id}`)).status).toBe(404);
    const me = await paul.get<{ family: { id: string }[] }>('/api/patient/me');
    expect(me.body.family.map((member) => member.id)).not.toContain(f.hugo.id);
    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);
    expect((await marie.get<PatientHome>('/api/patient/home')).body.nextAppointment?.id).toBe(
      f.appts.leaNext.id,
    );
  });
});

/** `count` messages from the practice in a patient's thread, the first `read` of them opened by the family. */
async function practiceWrites(practiceId: string, patientId: string, count: number, read = 0) {
  const now = t.clock.now();
  const [thread] = await t.deps.db
    .insert(messageThreads)
    .values({ practiceId, patientId, lastMessageAt: now })
    .onConflictDoUpdate({
      target: [messageThreads.practiceId, messageThreads.patientId],
      set: { lastMessageAt: now },
    })
    .returning();
  for (let index = 0; index < count; index += 1) {
    await t.deps.db.insert(messages).values({
      practiceId,
      threadId: thread?.id ?? '',
      authorKind: 'staff',
      body: `Message ${index + 1}`,
      readByPatientAt: index < read ? now : null,
    });
  }
}

/** A message the family wrote (never counted as unread for the family). */
async function familyWrites(practiceId: string, patientId: string, phone: string) {
  const now = t.clock.now();
  const [thread] = await t.deps.db
    .insert(messageThreads)
    .values({ practiceId, patientId, lastMessageAt: now })
    .onConflictDoUpdate({
      target: [messageThreads.practiceId, messageThreads.patientId],
      set: { lastMessageAt: now },
    })
    .returning();
  await t.deps.db.insert(messages).values({
    practiceId,
    threadId: thread?.id ?? '',
    authorKind: 'patient',
    authorPatientId: patientId,
    senderPhone: phone,
    body: 'Bonjour',
  });
}

/** A document row (the bytes are not read by the home). */
async function shareDocument(
  practiceId: string,
  patientId: string,
  overrides: Partial<typeof documents.$inferInsert> = {},
) {
  await t.deps.db.insert(documents).values({
    practiceId,
    patientId,
    type: 'quote',
    title: 'Devis',
    fileKey: randomUUID(),
    contentType: 'application/pdf',
    size: 1000,
    sha256: 'a'.repeat(64),
    requiresSignature: true,
    ...overrides,
  });
}

describe('home figures for the whole family (issue 9 §3.15)', () => {
  /**
   * Paul's phone sees Paul, Léa and Hugo; Marie's sees Marie, Léa and Hugo; José's only José.
   * Unread from the practice: Paul 1, Léa 2 (of 3), Hugo 0 (1 read), Marie 4, José 5.
   * To sign: Paul 1, Léa 1 (plus one signed, one not shared with the app, one shared without a signature),
   * Marie 1, José 1.
   */
  async function familyWithNews() {
    const f = await familyWithAppointments();
    const practiceId = f.practice.id;
    await practiceWrites(practiceId, f.paul.id, 1);
    await practiceWrites(practiceId, f.lea.id, 3, 1);
    await practiceWrites(practiceId, f.hugo.id, 1, 1);
    await practiceWrites(practiceId, f.marie.id, 4);
    await practiceWrites(practiceId, f.jose.id, 5);
    await familyWrites(practiceId, f.hugo.id, f.phones.paul);
    await shareDocument(practiceId, f.paul.id);
    await shareDocument(practiceId, f.lea.id);
    await shareDocument(practiceId, f.lea.id, { signedAt: t.clock.now() });
    await shareDocument(practiceId, f.lea.id, {
      visibility: { patient: false, responsables: false, correspondents: false },
    });
    await shareDocument(practiceId, f.hugo.id, { requiresSignature: false, type: 'invoice' });
    await shareDocument(practiceId, f.marie.id);
    await shareDocument(practiceId, f.jose.id);
    return f;
  }

  it('counts each phone’s family only, in the same answer as the next appointment', async () => {
    const f = await familyWithNews();
    const home = async (identity: typeof f.identities.paul) =>
      (await (await patientClient(t.app, t.deps.db, identity)).get<PatientHome>('/api/patient/home')).body;

    expect(await home(f.identities.paul)).toMatchObject({
      nextAppointment: { id: f.appts.paul.id },
      unreadMessages: 3,
      documentsToSign: 2,
    });
    // the other parent: the shared children and her own file, never Paul's
    expect(await home(f.identities.marie)).toMatchObject({ unreadMessages: 6, documentsToSign: 2 });
    // an unrelated phone: its own figures only
    expect(await home(f.identities.jose)).toMatchObject({ unreadMessages: 5, documentsToSign: 1 });
    // Léa, 14, signed in with her father's phone: the same phone, the same family, the same figures
    const leaOnPaulsPhone = { ...f.identities.paul, firstName: 'Léa', birthDate: f.lea.birthDate };
    expect(await home(leaOnPaulsPhone)).toMatchObject({ unreadMessages: 3, documentsToSign: 2 });
  });

  it('refuses a phone that is not signed in, and forgets a file opted out of the app', async () => {
    const f = await familyWithNews();
    const anonymous = await new TestClient(t.app).get('/api/patient/home');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(anonymous.body).not.toHaveProperty('unreadMessages');

    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    await t.deps.db.update(patients).set({ appOptOut: true }).where(eq(patients.id, f.lea.id));
    expect((await paul.get<PatientHome>('/api/patient/home')).body).toMatchObject({
      unreadMessages: 1,
      documentsToSign: 1,
    });
  });

  it('answers null for a module switched off, and zero when there is nothing', async () => {
    const f = await familyWithAppointments();
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    expect((await paul.get<PatientHome>('/api/patient/home')).body).toMatchObject({
      unreadMessages: 0,
      documentsToSign: 0,
    });
    await t.deps.db.insert(practiceAppSettings).values({
      practiceId: f.practice.id,
      modules: {
        ...defaultAppModules,
        messaging: { enabled: false },
        documents: { enabled: false, minors: false },
      },
    });
    const home = await paul.get<PatientHome>('/api/patient/home');
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ unreadMessages: null, documentsToSign: null });
    expect(home.body.nextAppointment?.id).toBe(f.appts.paul.id);
  });
});

describe('module switches enforced (SET-8)', () => {
  it('appointments switched off: its routes answer 403 MODULE_DISABLED and home shows no appointment', async () => {
    const f = await familyWithAppointments();
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul, { lang: 'en' });
    expect((await paul.get(`/api/patient/appointments?patientId=${f.lea.id}`)).status).toBe(200);
    await t.deps.db.insert(practiceAppSettings).values({
      practiceId: f.practice.id,
      modules: { ...defaultAppModules, appointments: { enabled: false } },
    });
    const refused = await paul.get(`/api/patient/appointments?patientId=${f.lea.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'MODULE_DISABLED',
      message: 'Your practice does not offer this feature in the app.',
      details: { module: 'appointments' },
    });
    expect((await paul.post('/api/patient/booking-grant')).status).toBe(403);
    const home = await paul.get<PatientHome>('/api/patient/home');
    expect(home.status).toBe(200);
    expect(home.body.nextAppointment).toBeNull();
    expect(home.body.modules.appointments.enabled).toBe(false);
    // other screens keep working
    expect((await paul.get('/api/patient/practice')).status).toBe(200);
  });
});

describe('booking from the app', () => {
  it('a booking grant without a new code books for a child, seen by the other parent too', async () => {
    const f = await familyWithAppointments();
    await t.deps.db
      .update(practices)
      .set({ closedOnPublicHolidays: false })
      .where(eq(practices.id, f.practice.id));
    await t.deps.db
      .update(motifs)
      .set({ onlineBookable: true, minBookingDelayMinutes: 0, maxBookingDelayDays: 60 })
      .where(eq(motifs.id, f.motif.id));
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const grant = await paul.post<BookingGrant>('/api/patient/booking-grant');
    expect(grant.status).toBe(200);
    expect(grant.body.known).toBe(true);
    expect(grant.body.family.map((member) => member.id).sort()).toEqual(
      [f.paul.id, f.lea.id, f.hugo.id].sort(),
    );
    expect(grant.body.family.find((member) => member.isSelf)?.id).toBe(f.paul.id);

    const startsAt = nextWeekdayAt(11, 0, 20);
    const booked = await paul.post<{ id: string }>(`/api/public/practices/${f.practice.slug}/bookings`, {
      bookingToken: grant.body.bookingToken,
      motifId: f.motif.id,
      practitionerId: f.other.id,
      locationId: f.location.id,
      startsAt,
      patientId: f.hugo.id,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);
    const hugo = await marie.get<PatientAppointmentPage>(`/api/patient/appointments?patientId=${f.hugo.id}`);
    expect(hugo.body.items.map((item) => item.id)).toContain(booked.body.id);

    // the grant is for this family only
    const stranger = await paul.post(`/api/public/practices/${f.practice.slug}/bookings`, {
      bookingToken: grant.body.bookingToken,
      motifId: f.motif.id,
      practitionerId: f.other.id,
      locationId: f.location.id,
      startsAt: nextWeekdayAt(11, 30, 20),
      patientId: f.jose.id,
    });
    expect(stranger.status).toBe(403);
  });
});

describe('my practice (APP-6)', () => {
  it('name, address with a map link, email, phone, opening hours and locations', async () => {
    const f = await familyWithAppointments();
    await t.deps.db
      .update(practices)
      .set({
        email: 'accueil@cabinet.example',
        addressLine: '12 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
        openingHours: [{ weekday: 1, opens: '08:30', closes: '19:00' }],
      })
      .where(eq(practices.id, f.practice.id));
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul);
    const practice = await paul.get<PatientPractice>('/api/patient/practice');
    expect(practice.status).toBe(200);
    expect(practice.body).toMatchObject({
      name: f.practice.name,
      email: 'accueil@cabinet.example',
      phone: f.practice.phone,
      addressLine: '12 place Bellecour',
      openingHours: [{ weekday: 1, opens: '08:30', closes: '19:00' }],
    });
    expect(practice.body.mapUrl).toContain('Bellecour');
    expect(practice.body.locations.map((location) => location.id)).toEqual([f.location.id]);
    expect((await new TestClient(t.app).get('/api/patient/practice')).status).toBe(401);
  });
});

const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const android =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

describe('devices (issue 5 §8)', () => {
  it('lists the phone’s signed-in devices with opaque ids; a revoked device is refused at its next request', async () => {
    const f = await makeFamily(t.deps.db);
    const phoneA = await patientClient(t.app, t.deps.db, f.identities.paul, { userAgent: iphone });
    t.clock.advance(60_000);
    const phoneB = await patientClient(t.app, t.deps.db, f.identities.paul, { userAgent: android });
    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);

    const list = await phoneA.get<DeviceList>('/api/patient/devices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => [item.label, item.current])).toEqual([
      ['Safari · iPhone', true],
      ['Chrome · Android', false],
    ]);
    const hashes = (
      await t.deps.db
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.patientPhone, f.phones.paul))
    ).map((row) => row.id);
    for (const item of list.body.items) expect(hashes).not.toContain(item.id);
    const other = list.body.items.find((item) => !item.current)?.id ?? '';

    // another phone cannot see or revoke them
    const marieList = await marie.get<DeviceList>('/api/patient/devices');
    expect(marieList.body.items).toHaveLength(1);
    expect((await marie.delete(`/api/patient/devices/${other}`)).status).toBe(404);
    expect((await phoneB.get('/api/patient/me')).status).toBe(200);

    expect((await phoneA.delete(`/api/patient/devices/${other}`)).status).toBe(200);
    const refused = await phoneB.get('/api/patient/me');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await phoneA.get('/api/patient/me')).status).toBe(200);
    expect((await phoneA.delete(`/api/patient/devices/${other}`)).status).toBe(404);
    expect((await phoneA.get<DeviceList>('/api/patient/devices')).body.items).toHaveLength(1);

    // revoking this very device signs it out
    const current = (await phoneA.get<DeviceList>('/api/patient/devices')).body.items[0]?.id;
    expect((await phoneA.delete(`/api/patient/devices/${current}`)).status).toBe(200);
    expect((await phoneA.get('/api/patient/me')).status).toBe(401);
  });

  it('a signed-in patient who opts out of the app (SEC-3) is refused at once with a clear message, and can sign out', async () => {
    const f = await makeFamily(t.deps.db);
    const paul = await patientClient(t.app, t.deps.db, f.identities.paul, { lang: 'en' });
    expect((await paul.get('/api/patient/home')).status).toBe(200);
    await t.deps.db.update(patients).set({ appOptOut: true }).where(eq(patients.id, f.paul.id));
    const refused = await paul.get('/api/patient/home');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'APP_ACCESS_DISABLED',
      message:
        'At your request, your file is not shared through the app. Contact the practice to change this choice.',
    });
    expect((await paul.get(`/api/patient/appointments?patientId=${f.lea.id}`)).status).toBe(403);
    expect((await paul.post('/api/patient/sign-out')).status).toBe(200);
    const again = await new TestClient(t.app).post('/api/patient/sign-in', f.identities.paul);
    expect(again.body).toMatchObject({ code: 'APP_ACCESS_DISABLED' });
    // the other parent keeps the children, without Paul
    const marie = await patientClient(t.app, t.deps.db, f.identities.marie);
    expect((await marie.get(`/api/patient/appointments?patientId=${f.lea.id}`)).status).toBe(200);
  });
});
