import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appointmentEvents,
  appointments,
  auditLog,
  jobs,
  motifs,
  outbox,
  type patients,
  practices,
  waitlistEntries,
  waitlistOffers,
} from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/jobs/handlers';
import { runDueJobs } from '../../src/server/jobs/scheduled-jobs';
import { staffClient, TestClient } from '../support/client';
import {
  lastCodeSentTo,
  linkResponsable,
  makeMotif,
  makePatient,
  makeSchedulingPractice,
  messagesOfKind,
  nextWeekdayAt,
  testPassword,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const hourMs = 3600_000;
const dayMs = 86_400_000;

interface Entry {
  id: string;
  status: string;
  offersSent: number;
  practitionerId: string | null;
  createdBy: string;
  patient: { id: string; firstName: string; lastName: string };
  motif: { id: string; name: string };
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}
interface Offer {
  status: string;
  startsAt: string;
  expiresAt: string;
  patient: { firstName: string };
}

/** The local day of an instant in Paris (the factories' practices), YYYY-MM-DD. */
function parisDay(at: number | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(at));
}
const today = () => parisDay(t.clock.now().getTime());
const inDays = (days: number) => parisDay(t.clock.now().getTime() + days * dayMs);

/** Moves the clock for the rest of a test, and back afterwards. */
async function withClock<T>(ms: number, work: () => Promise<T>): Promise<T> {
  t.clock.advance(ms);
  try {
    return await work();
  } finally {
    t.clock.advance(-ms);
  }
}

/** A practice with the waiting list on, two dentists Monday–Friday 09:00–12:00, the front desk signed in. */
async function setup(motifChanges: Partial<typeof motifs.$inferInsert> = {}) {
  const s = await makeSchedulingPractice(t.deps.db);
  await t.deps.db
    .update(practices)
    .set({ closedOnPublicHolidays: false })
    .where(eq(practices.id, s.practice.id));
  await t.deps.db
    .update(motifs)
    .set({ onlineBookable: true, minBookingDelayMinutes: 0, maxBookingDelayDays: 90, ...motifChanges })
    .where(eq(motifs.id, s.motif.id));
  const desk = await staffClient(t.app, s.secretary.email, testPassword);
  const leaver = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
  return { ...s, desk, leaver };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** A patient who can be reached, by SMS and email. */
function waitingPatient(s: Setup, overrides: Partial<typeof patients.$inferInsert> = {}) {
  return makePatient(t.deps.db, s.practice.id, {
    email: `p${Math.random().toString(36).slice(2, 10)}@mail.example`,
    ...overrides,
  });
}

async function wait(
  s: Setup,
  patientId: string,
  body: Partial<{ motifId: string; practitionerId: string | null; fromDay: string; toDay: string }> = {},
) {
  const answer = await s.desk.post<Entry>('/api/console/waitlist', {
    patientId,
    motifId: s.motif.id,
    fromDay: today(),
    toDay: inDays(30),
    ...body,
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** The front desk signed in at the clock's time (a session left idle while the clock jumps is locked). */
const deskNow = (s: Setup) => staffClient(t.app, s.secretary.email, testPassword);

/** Books `startsAt` for the leaver and cancels it: the freed slot goes to the waiting list. */
async function freeSlot(
  s: Setup,
  startsAt: string,
  options: { practitionerId?: string; motifId?: string; durationMinutes?: number } = {},
) {
  const desk = await deskNow(s);
  const booked = await desk.post<{ id: string }>('/api/console/appointments', {
    practitionerId: options.practitionerId ?? s.dentist.id,
    locationId: s.location.id,
    motifId: options.motifId ?? s.motif.id,
    patientId: s.leaver.id,
    startsAt,
    patientAgreed: true,
    ...(options.durationMinutes ? { durationMinutes: options.durationMinutes } : {}),
  });
  expect(booked.status).toBe(201);
  const cancelled = await desk.post(`/api/console/appointments/${booked.body.id}/cancel`, {
    by: 'patient',
  });
  expect(cancelled.status).toBe(200);
  await runJobs();
  return booked.body.id;
}

async function runJobs() {
  while ((await runDueJobs(t.deps, jobHandlers)) > 0) {
    // until nothing is due
  }
}

/** The offers queued for a practice, one per offer and channel. */
async function offerMessages(practiceId: string) {
  return messagesOfKind(t.deps.db, practiceId, 'waitlist_offer');
}

/** The link tokens a recipient received, in order. */
async function offerTokensTo(practiceId: string, recipient: string): Promise<string[]> {
  const messages = (await offerMessages(practiceId))
    .filter((message) => message.recipient === recipient)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return [
    ...new Set(
      messages.map((message) => {
        const token = message.body.match(/\/rdv\/offre\/([A-Za-z0-9_-]+)/)?.[1];
        if (!token) throw new Error(`no offer link in ${message.body}`);
        return token;
      }),
    ),
  ];
}

async function entryRow(id: string) {
  const [row] = await t.deps.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  return row;
}

describe('staff: the waiting list', () => {
  it('adds, lists with names (one page after another), cancels; reads and changes are audited', async () => {
    const s = await setup();
    const people = [
      await waitingPatient(s, { lastName: 'Arnaud' }),
      await waitingPatient(s, { lastName: 'Benoit' }),
      await waitingPatient(s, { lastName: 'Carpentier' }),
    ];
    const first = await wait(s, people[0]?.id ?? '', { practitionerId: s.dentist.id });
    expect(first).toMatchObject({
      status: 'active',
      offersSent: 0,
      practitionerId: s.dentist.id,
      createdBy: 'staff',
      patient: { id: people[0]?.id, lastName: 'Arnaud' },
      motif: { id: s.motif.id, name: 'Contrôle' },
    });
    await wait(s, people[1]?.id ?? '');
    await wait(s, people[2]?.id ?? '');

    const page1 = await s.desk.get<Page>('/api/console/waitlist?status=active&limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((entry) => entry.patient.lastName)).toEqual(['Arnaud', 'Benoit']);
    expect(page1.body.nextCursor).not.toBeNull();
    const page2 = await s.desk.get<Page>(
      `/api/console/waitlist?status=active&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((entry) => entry.patient.lastName)).toEqual(['Carpentier']);
    expect(page2.body.nextCursor).toBeNull();

    const cancelled = await s.desk.post<Entry>(`/api/console/waitlist/${first.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await s.desk.post(`/api/console/waitlist/${first.id}/cancel`)).status).toBe(409);
    const active = await s.desk.get<Page>('/api/console/waitlist?status=active');
    expect(active.body.items.map((entry) => entry.id)).not.toContain(first.id);
    const gone = await s.desk.get<Page>('/api/console/waitlist?status=cancelled');
    expect(gone.body.items.map((entry) => entry.id)).toEqual([first.id]);

    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.practiceId, s.practice.id));
    const actions = audits.map((row) => row.action);
    expect(actions.filter((action) => action === 'waitlist.create')).toHaveLength(3);
    expect(actions).toContain('waitlist.cancel');
    const listed = audits.find((row) => row.action === 'waitlist.list');
    expect(listed).toMatchObject({ actorKind: 'staff', actorId: s.secretary.id });
    expect(listed?.details).toMatchObject({ patientIds: [people[0]?.id, people[1]?.id] });
  });

  it('every staff role may use it; the practitioner may be any', async () => {
    const s = await setup();
    const patient = await waitingPatient(s);
    const dentist = await staffClient(t.app, s.dentist.email, testPassword);
    const added = await dentist.post<Entry>('/api/console/waitlist', {
      patientId: patient.id,
      motifId: s.motif.id,
      practitionerId: null,
      fromDay: today(),
      toDay: inDays(3),
    });
    expect(added.status).toBe(201);
    expect(added.body.practitionerId).toBeNull();
    const admin = await staffClient(t.app, s.admin.email, testPassword);
    expect((await admin.get<Page>('/api/console/waitlist')).body.items).toHaveLength(1);
  });

  it('refuses a bad window, unknown or foreign patients, motifs and practitioners, a duplicate', async () => {
    const s = await setup();
    const patient = await waitingPatient(s);
    const base = { patientId: patient.id, motifId: s.motif.id, fromDay: today(), toDay: inDays(10) };
    const post = (body: Record<string, unknown>) =>
      s.desk.post('/api/console/waitlist', { ...base, ...body });

    const past = await post({ fromDay: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.issues).toEqual([{ path: 'fromDay', message: expect.any(String) }]);
    const reversed = await post({ fromDay: inDays(5), toDay: inDays(2) });
    expect(reversed.body.issues).toEqual([{ path: 'toDay', message: 'La fin doit être après le début.' }]);
    const impossible = await post({ toDay: '2026-02-30' });
    expect(impossible.status).toBe(400);

    const elsewhere = await makeSchedulingPractice(t.deps.db);
    const foreigner = await makePatient(t.deps.db, elsewhere.practice.id);
    expect((await post({ patientId: foreigner.id })).body.issues).toEqual([
      { path: 'patientId', message: 'Choix invalide.' },
    ]);
    expect((await post({ motifId: elsewhere.motif.id })).body.issues).toEqual([
      { path: 'motifId', message: 'Choix invalide.' },
    ]);
    expect((await post({ practitionerId: elsewhere.dentist.id })).body.issues).toEqual([
      { path: 'practitionerId', message: 'Choix invalide.' },
    ]);
    expect((await post({ practitionerId: s.secretary.id })).status).toBe(400);

    const created = await post({});
    expect(created.status).toBe(201);
    const twice = await post({ toDay: inDays(20) });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_EXISTS', details: { entryId: created.body.id } });
  });

  it('another practice’s entries are invisible (404) and a cross-site request is refused (403)', async () => {
    const s = await setup();
    const entry = await wait(s, (await waitingPatient(s)).id);
    const elsewhere = await makeSchedulingPractice(t.deps.db);
    const stranger = await staffClient(t.app, elsewhere.secretary.email, testPassword);
    expect((await stranger.get<Page>('/api/console/waitlist')).body.items).toEqual([]);
    const foreign = await stranger.post(`/api/console/waitlist/${entry.id}/cancel`);
    expect(foreign.status).toBe(404);
    expect((await entryRow(entry.id))?.status).toBe('active');

    const crossSite = await s.desk.post(
      `/api/console/waitlist/${entry.id}/cancel`,
      {},
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect((await new TestClient(t.app).get('/api/console/waitlist')).status).toBe(401);
  });
});

describe('public: joining online with a booking token', () => {
  const paul = { phone: '06 39 98 40 01', lastName: 'Durand', firstName: 'Paul', birthDate: '1980-03-14' };

  async function grantFor(s: Setup, identity: Record<string, string>) {
    const visitor = new TestClient(t.app);
    const start = await visitor.post<{ challengeId: string }>(
      `/api/public/practices/${s.practice.slug}/booking/identify`,
      identity,
    );
    expect(start.status).toBe(200);
    const phone = `+33${identity.phone?.replace(/\D/g, '').slice(1)}`;
    const verified = await visitor.post<{ bookingToken: string }>('/api/public/booking/verify', {
      challengeId: start.body.challengeId,
      code: await lastCodeSentTo(t.deps.db, phone),
    });
    expect(verified.status).toBe(200);
    return { visitor, token: verified.body.bookingToken };
  }

  async function family(s: Setup) {
    const parent = await makePatient(t.deps.db, s.practice.id, {
      lastName: 'Durand',
      firstName: 'Paul',
      birthDate: '1980-03-14',
      mobilePhone: '+33639984001',
    });
    const child = await makePatient(t.deps.db, s.practice.id, {
      lastName: 'Durand',
      firstName: 'Léa',
      birthDate: '2014-05-03',
      mobilePhone: null,
    });
    await linkResponsable(t.deps.db, s.practice.id, child.id, parent.id, 'parent1');
    return { parent, child };
  }

  it('a known patient joins for themselves and for their child', async () => {
    const s = await setup();
    const { parent, child } = await family(s);
    const { visitor, token } = await grantFor(s, paul);
    const url = `/api/public/practices/${s.practice.slug}/waitlist`;
    const body = { bookingToken: token, motifId: s.motif.id, fromDay: today(), toDay: inDays(14) };
    const self = await visitor.post<Entry>(url, body);
    expect(self.status).toBe(201);
    expect(self.body).toMatchObject({ createdBy: 'patient', patient: { id: parent.id }, status: 'active' });
    const forChild = await visitor.post<Entry>(url, {
      ...body,
      patientId: child.id,
      practitionerId: s.dentist.id,
    });
    expect(forChild.status).toBe(201);
    expect(forChild.body.patient.id).toBe(child.id);
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, forChild.body.id), eq(auditLog.action, 'waitlist.create')));
    expect(audit).toMatchObject({ actorKind: 'patient', actorId: '+33639984001', patientId: child.id });
  });

  it('refuses without a valid token, for new patients, outside the family, and offline motifs', async () => {
    const s = await setup();
    await family(s);
    const stranger = await makePatient(t.deps.db, s.practice.id);
    const url = `/api/public/practices/${s.practice.slug}/waitlist`;
    const body = { motifId: s.motif.id, fromDay: today(), toDay: inDays(14) };
    const anyone = new TestClient(t.app);
    expect((await anyone.post(url, { ...body, bookingToken: 'x'.repeat(43) })).status).toBe(410);
    expect((await anyone.post(url, body)).status).toBe(400);

    const { visitor, token } = await grantFor(s, paul);
    const elsewhere = await makeSchedulingPractice(t.deps.db);
    expect(
      (
        await visitor.post(`/api/public/practices/${elsewhere.practice.slug}/waitlist`, {
          ...body,
          bookingToken: token,
        })
      ).status,
    ).toBe(410);
    const outsider = await visitor.post(url, { ...body, bookingToken: token, patientId: stranger.id });
    expect(outsider.status).toBe(403);
    expect(outsider.body.reason).toBe('not_in_family');

    const offline = await makeMotif(t.deps.db, s.practice.id, { onlineBookable: false });
    const notOnline = await visitor.post(url, { ...body, bookingToken: token, motifId: offline.id });
    expect(notOnline.body).toMatchObject({ code: 'BOOKING_NOT_ALLOWED', reason: 'motif_not_online' });

    const newcomer = await grantFor(s, {
      phone: '06 39 98 40 09',
      lastName: 'Nouveau',
      firstName: 'Zoé',
      birthDate: '1990-01-01',
    });
    const unknown = await newcomer.visitor.post(url, { ...body, bookingToken: newcomer.token });
    expect(unknown.status).toBe(403);
    expect(unknown.body.reason).toBe('not_in_family');
    const entries = await t.deps.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.practiceId, s.practice.id));
    expect(entries).toEqual([]);
  });
});

describe('matching a freed slot', () => {
  it('offers it by the motif, practitioner and window; a child is reached through a parent', async () => {
    const s = await setup();
    const startsAt = nextWeekdayAt(10);
    const slotDay = parisDay(startsAt);
    const otherMotif = await makeMotif(t.deps.db, s.practice.id, { durationMinutes: 30 });
    const anyPractitioner = await waitingPatient(s, { firstName: 'Anne' });
    const sameDentist = await waitingPatient(s, { firstName: 'Bruno' });
    const otherDentist = await waitingPatient(s, { firstName: 'Chloé' });
    const otherMotifPatient = await waitingPatient(s, { firstName: 'Denis' });
    const windowBefore = await waitingPatient(s, { firstName: 'Emma' });
    const parent = await waitingPatient(s, { firstName: 'Paul', mobilePhone: '+33639984101' });
    const child = await makePatient(t.deps.db, s.practice.id, {
      firstName: 'Léa',
      mobilePhone: null,
      email: null,
    });
    await linkResponsable(t.deps.db, s.practice.id, child.id, parent.id, 'parent1');

    await wait(s, anyPractitioner.id);
    await wait(s, sameDentist.id, { practitionerId: s.dentist.id });
    await wait(s, otherDentist.id, { practitionerId: s.other.id });
    await wait(s, otherMotifPatient.id, { motifId: otherMotif.id });
    await wait(s, windowBefore.id, { fromDay: today(), toDay: parisDay(Date.parse(startsAt) - dayMs) });
    const childEntry = await wait(s, child.id, { fromDay: slotDay, toDay: slotDay });

    await freeSlot(s, startsAt);
    const messages = await offerMessages(s.practice.id);
    const offered = await t.deps.db
      .select({ patientId: waitlistEntries.patientId, offer: waitlistOffers })
      .from(waitlistOffers)
      .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
      .where(eq(waitlistOffers.practiceId, s.practice.id));
    // three at most per round, oldest first: the any-practitioner, the same-dentist, then the child
    expect(offered.map((row) => row.patientId).sort()).toEqual(
      [anyPractitioner.id, sameDentist.id, child.id].sort(),
    );
    expect(offered.every((row) => row.offer.startsAt.toISOString() === startsAt)).toBe(true);
    expect(offered.every((row) => row.offer.endsAt.getTime() === Date.parse(startsAt) + 30 * 60_000)).toBe(
      true,
    );
    expect(messages).toHaveLength(6);
    const toChild = messages.filter((message) => message.patientId === child.id);
    expect(toChild.map((message) => message.recipient).sort()).toEqual(['+33639984101', parent.email].sort());
    const sms = toChild.find((message) => message.channel === 'sms');
    expect(sms?.body).toMatch(
      /^Cabinet \S+ : un RDV s'est libéré .+ à 10:00 avec Alex Bernard\. .+http:\/\/sourire\.test\/rdv\/offre\/[\w-]{43}$/,
    );
    expect(sms?.sensitive).toBe(true);
    expect((await entryRow(childEntry.id))?.offersSent).toBe(1);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.practiceId, s.practice.id), eq(auditLog.action, 'waitlist.offer')));
    expect(audits).toHaveLength(3);
  });

  it('the motif must fit the freed time, and its minimum delay must still allow it', async () => {
    const s = await setup();
    await wait(s, (await waitingPatient(s)).id);
    await freeSlot(s, nextWeekdayAt(9), { durationMinutes: 15 });
    expect(await offerMessages(s.practice.id)).toHaveLength(0);

    const late = await setup({ minBookingDelayMinutes: 9 * 24 * 60 });
    await wait(late, (await waitingPatient(late)).id);
    await freeSlot(late, nextWeekdayAt(9));
    expect(await offerMessages(late.practice.id)).toHaveLength(0);
  });

  it('the patient who cancelled is not offered their own slot; nothing when the list is off', async () => {
    const s = await setup();
    await wait(s, s.leaver.id);
    await freeSlot(s, nextWeekdayAt(9));
    expect(await offerMessages(s.practice.id)).toHaveLength(0);

    const off = await setup();
    await t.deps.db
      .update(practices)
      .set({ waitlistEnabled: false })
      .where(eq(practices.id, off.practice.id));
    await wait(off, (await waitingPatient(off)).id);
    await freeSlot(off, nextWeekdayAt(9));
    expect(await offerMessages(off.practice.id)).toHaveLength(0);
  });

  it('an SMS asked in the night waits for 08:00; the email leaves at once', async () => {
    const s = await setup();
    await wait(s, (await waitingPatient(s)).id);
    // to 23:00 in Paris, a day or so from now
    const now = t.clock.now().getTime();
    let target = now + hourMs;
    while (
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(target) !== '23'
    )
      target += hourMs;
    await withClock(target - now, async () => {
      await freeSlot(s, nextWeekdayAt(10, 0, 8));
      const messages = await offerMessages(s.practice.id);
      const sms = messages.find((message) => message.channel === 'sms');
      const email = messages.find((message) => message.channel === 'email');
      expect(email?.nextAttemptAt.getTime()).toBe(email?.createdAt.getTime());
      const at = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(sms?.nextAttemptAt);
      expect(at).toBe('08:00');
      expect((sms?.nextAttemptAt.getTime() ?? 0) - t.clock.now().getTime()).toBeLessThan(10 * hourMs);
    });
  });
});

describe('limits: no patient is flooded', () => {
  it('one offer per patient per day, even with several requests and several freed slots', async () => {
    const s = await setup();
    const patient = await waitingPatient(s);
    const otherMotif = await makeMotif(t.deps.db, s.practice.id, { durationMinutes: 30 });
    const first = await wait(s, patient.id);
    const second = await wait(s, patient.id, { motifId: otherMotif.id });
    const third = await wait(s, patient.id, { practitionerId: s.dentist.id });

    await freeSlot(s, nextWeekdayAt(9));
    await freeSlot(s, nextWeekdayAt(10));
    await freeSlot(s, nextWeekdayAt(11), { motifId: otherMotif.id });
    await freeSlot(s, nextWeekdayAt(9, 0, 9));
    expect(await offerTokensTo(s.practice.id, patient.email ?? '')).toHaveLength(1);
    const counts = await Promise.all(
      [first, second, third].map(async (entry) => (await entryRow(entry.id))?.offersSent),
    );
    expect(counts.reduce((sum, count) => (sum ?? 0) + (count ?? 0), 0)).toBe(1);

    // the next day, one more
    await withClock(26 * hourMs, async () => {
      await freeSlot(s, nextWeekdayAt(11, 0, 10));
      expect(await offerTokensTo(s.practice.id, patient.email ?? '')).toHaveLength(2);
    });
  });

  it('three offers per request at most, however many slots free up', async () => {
    const s = await setup();
    const patient = await waitingPatient(s);
    const entry = await wait(s, patient.id);
    for (let day = 0; day < 5; day += 1) {
      await withClock(day * 26 * hourMs, async () => {
        await freeSlot(s, nextWeekdayAt(9 + (day % 3), 0, 8 + day));
      });
    }
    expect(await offerTokensTo(s.practice.id, patient.email ?? '')).toHaveLength(3);
    const row = await entryRow(entry.id);
    expect(row).toMatchObject({ offersSent: 3, status: 'active' });
    const offers = await t.deps.db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entry.id));
    expect(offers).toHaveLength(3);
  });

  it('the job run twice, or twice at once, sends each offer once', async () => {
    const s = await setup();
    for (let index = 0; index < 4; index += 1) await wait(s, (await waitingPatient(s)).id);
    const booked = await s.desk.post<{ id: string }>('/api/console/appointments', {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: s.leaver.id,
      startsAt: nextWeekdayAt(10),
    });
    await s.desk.post(`/api/console/appointments/${booked.body.id}/cancel`, { by: 'practice' });
    const [job] = await t.deps.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.practiceId, s.practice.id), eq(jobs.kind, 'waitlist_match')));
    if (!job) throw new Error('no waitlist job scheduled');
    const handler = jobHandlers.waitlist_match;
    if (!handler) throw new Error('no waitlist handler');
    await Promise.all([handler(t.deps, job), handler(t.deps, job)]);
    await runJobs();
    await handler(t.deps, job);
    const messages = await offerMessages(s.practice.id);
    expect(messages).toHaveLength(6);
    expect(new Set(messages.map((message) => message.idempotencyKey)).size).toBe(6);
    const offers = await t.deps.db
      .select()
      .from(waitlistOffers)
      .where(eq(waitlistOffers.practiceId, s.practice.id));
    expect(offers).toHaveLength(3);
  });
});

describe('expiry', () => {
  it('an offer lasts until the motif’s minimum delay before the slot when that comes before 12 hours', async () => {
    const s = await setup();
    await wait(s, (await waitingPatient(s)).id);
    const startsAt = nextWeekdayAt(10, 0, 7);
    // the motif may be booked until 6 hours from now
    const minDelay = Math.floor((Date.parse(startsAt) - t.clock.now().getTime()) / 60_000) - 6 * 60;
    await t.deps.db.update(motifs).set({ minBookingDelayMinutes: minDelay }).where(eq(motifs.id, s.motif.id));
    await freeSlot(s, startsAt);
    const [offer] = await t.deps.db
      .select()
      .from(waitlistOffers)
      .where(eq(waitlistOffers.practiceId, s.practice.id));
    expect(offer?.expiresAt.getTime()).toBe(Date.parse(startsAt) - minDelay * 60_000);
  });

  it('an offer left unanswered expires; the next round goes to the next waiting patients', async () => {
    const s = await setup();
    const people: Awaited<ReturnType<typeof waitingPatient>>[] = [];
    for (let index = 0; index < 4; index += 1) {
      const patient = await waitingPatient(s);
      people.push(patient);
      await wait(s, patient.id);
    }
    await freeSlot(s, nextWeekdayAt(10, 0, 8));
    const [firstToken] = await offerTokensTo(s.practice.id, people[0]?.email ?? '');
    expect(await offerTokensTo(s.practice.id, people[3]?.email ?? '')).toEqual([]);
    const anyone = new TestClient(t.app);
    const offer = await anyone.get<Offer>(`/api/public/offers/${firstToken}`);
    expect(offer.body).toMatchObject({ status: 'open', patient: { firstName: 'Camille' } });
    const [row] = await t.deps.db
      .select()
      .from(waitlistOffers)
      .where(eq(waitlistOffers.practiceId, s.practice.id))
      .limit(1);
    expect(Date.parse(offer.body.expiresAt)).toBe((row?.createdAt.getTime() ?? 0) + 12 * hourMs);

    await withClock(12 * hourMs + 60_000, async () => {
      expect((await anyone.get<Offer>(`/api/public/offers/${firstToken}`)).body.status).toBe('expired');
      const late = await anyone.post(`/api/public/offers/${firstToken}/accept`, {});
      expect(late.status).toBe(403);
      expect(late.body).toMatchObject({ code: 'BOOKING_NOT_ALLOWED', reason: 'offer_expired' });
      expect(String(late.body.message)).toBe('Cette proposition n’est plus valable.');
      await runJobs();
      expect(await offerTokensTo(s.practice.id, people[3]?.email ?? '')).toHaveLength(1);
      // the first three are not offered the same slot again
      expect(await offerTokensTo(s.practice.id, people[0]?.email ?? '')).toHaveLength(1);
    });
  });

  it('a request whose window is over becomes expired', async () => {
    const s = await setup();
    const entry = await wait(s, (await waitingPatient(s)).id, { fromDay: today(), toDay: inDays(1) });
    await withClock(3 * dayMs, async () => {
      const expired = await (await deskNow(s)).get<Page>('/api/console/waitlist?status=expired');
      expect(expired.body.items.map((item) => item.id)).toEqual([entry.id]);
    });
  });
});

describe('accepting an offer', () => {
  async function offered(count = 2) {
    const s = await setup();
    const people: Awaited<ReturnType<typeof waitingPatient>>[] = [];
    for (let index = 0; index < count; index += 1) {
      const patient = await waitingPatient(s, { ownPractitionerId: s.other.id });
      people.push(patient);
      await wait(s, patient.id);
    }
    const startsAt = nextWeekdayAt(10, 30);
    await freeSlot(s, startsAt);
    const tokens = await Promise.all(
      people.map(async (patient) => (await offerTokensTo(s.practice.id, patient.email ?? ''))[0] ?? ''),
    );
    return { ...s, people, tokens, startsAt };
  }

  async function liveAt(s: Setup, startsAt: string) {
    return t.deps.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.practiceId, s.practice.id), eq(appointments.startsAt, new Date(startsAt))));
  }

  it('books the slot for the patient; the others are told it was taken', async () => {
    const s = await offered();
    const [winner, loser] = s.people;
    const anyone = new TestClient(t.app);
    const accepted = await anyone.post<{ id: string; startsAt: string; patient: { lastName: string } }>(
      `/api/public/offers/${s.tokens[0]}/accept`,
      {},
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ startsAt: s.startsAt, patient: { lastName: winner?.lastName } });
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, accepted.body.id));
    expect(row).toMatchObject({
      patientId: winner?.id,
      practitionerId: s.dentist.id,
      channel: 'online',
      patientAgreedOtherPractitioner: true,
    });
    const history = await t.deps.db
      .select()
      .from(appointmentEvents)
      .where(eq(appointmentEvents.appointmentId, accepted.body.id));
    expect(history).toEqual([
      expect.objectContaining({ action: 'created', actorKind: 'patient', actorId: winner?.id }),
    ]);
    const notices = await t.deps.db.select().from(outbox).where(eq(outbox.appointmentId, accepted.body.id));
    expect(notices.map((message) => message.kind)).toEqual([
      'appointment_confirmation',
      'appointment_confirmation',
    ]);
    const reminder = await t.deps.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'appointment_reminder'), eq(jobs.practiceId, s.practice.id)));
    expect(reminder.some((job) => job.payload.appointmentId === accepted.body.id)).toBe(true);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, accepted.body.id), eq(auditLog.action, 'appointment.create')));
    expect(audit).toHaveLength(1);

    const offers = await t.deps.db
      .select()
      .from(waitlistOffers)
      .where(eq(waitlistOffers.practiceId, s.practice.id));
    expect(offers.map((offer) => offer.status).sort()).toEqual(['accepted', 'taken']);
    const entries = await t.deps.db
      .select()
      .from(waitlistEntries)
      .where(inArray(waitlistEntries.patientId, [winner?.id ?? '', loser?.id ?? '']));
    expect(entries.find((entry) => entry.patientId === winner?.id)?.status).toBe('fulfilled');
    expect(entries.find((entry) => entry.patientId === loser?.id)?.status).toBe('active');

    expect((await anyone.get<Offer>(`/api/public/offers/${s.tokens[1]}`)).body.status).toBe('taken');
    const second = await anyone.post(`/api/public/offers/${s.tokens[1]}/accept`, {});
    expect(second.status).toBe(403);
    expect(second.body).toMatchObject({ code: 'BOOKING_NOT_ALLOWED', reason: 'offer_taken' });
    expect(String(second.body.message)).toBe('Ce créneau vient d’être pris par un autre patient.');
    const english = await new TestClient(t.app, { lang: 'en' }).post(
      `/api/public/offers/${s.tokens[1]}/accept`,
      {},
    );
    expect(english.body.message).toBe('This slot was just taken by another patient.');

    // the same link again: the same appointment, nothing booked twice
    const again = await anyone.post<{ id: string }>(`/api/public/offers/${s.tokens[0]}/accept`, {});
    expect(again.body.id).toBe(accepted.body.id);
    expect((await anyone.get<Offer>(`/api/public/offers/${s.tokens[0]}`)).body.status).toBe('accepted');
    expect(await liveAt(s, s.startsAt)).toHaveLength(2); // the cancelled one and the new one
  });

  it('accepted by several patients at once: exactly one booking', async () => {
    const s = await offered(3);
    const answers = await Promise.all(
      s.tokens.map((token) => new TestClient(t.app).post(`/api/public/offers/${token}/accept`, {})),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403, 403]);
    expect(
      answers
        .filter((answer) => answer.status === 403)
        .every((answer) => answer.body.reason === 'offer_taken'),
    ).toBe(true);
    const live = (await liveAt(s, s.startsAt)).filter((row) => !row.cancelledAt);
    expect(live).toHaveLength(1);
    const fulfilled = await t.deps.db
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.practiceId, s.practice.id), eq(waitlistEntries.status, 'fulfilled')));
    expect(fulfilled).toHaveLength(1);
  });

  it('a slot booked meanwhile by the front desk is taken; a cancelled request’s offer is expired', async () => {
    const s = await offered(2);
    const other = await makePatient(t.deps.db, s.practice.id, { ownPractitionerId: s.dentist.id });
    const booked = await s.desk.post('/api/console/appointments', {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: other.id,
      startsAt: s.startsAt,
    });
    expect(booked.status).toBe(201);
    const anyone = new TestClient(t.app);
    expect((await anyone.get<Offer>(`/api/public/offers/${s.tokens[0]}`)).body.status).toBe('taken');
    const refused = await anyone.post(`/api/public/offers/${s.tokens[0]}/accept`, {});
    expect(refused.body).toMatchObject({ code: 'BOOKING_NOT_ALLOWED', reason: 'offer_taken' });

    const [entry] = await t.deps.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.patientId, s.people[1]?.id ?? ''));
    await s.desk.post(`/api/console/waitlist/${entry?.id}/cancel`);
    expect((await anyone.get<Offer>(`/api/public/offers/${s.tokens[1]}`)).body.status).toBe('expired');
    expect((await anyone.post(`/api/public/offers/${s.tokens[1]}/accept`, {})).body.reason).toBe(
      'offer_expired',
    );
  });

  it('asks to accept the instructions first; an unknown link is 404', async () => {
    const s = await offered(1);
    await t.deps.db
      .update(motifs)
      .set({ instructionsBefore: 'Venez à jeun.' })
      .where(eq(motifs.id, s.motif.id));
    const anyone = new TestClient(t.app);
    const view = await anyone.get<{ motif: { instructionsBefore: string } }>(
      `/api/public/offers/${s.tokens[0]}`,
    );
    expect(view.body.motif.instructionsBefore).toBe('Venez à jeun.');
    const missing = await anyone.post(`/api/public/offers/${s.tokens[0]}/accept`, {});
    expect(missing.body.issues).toEqual([{ path: 'acceptedInstructions', message: expect.any(String) }]);
    const accepted = await anyone.post(`/api/public/offers/${s.tokens[0]}/accept`, {
      acceptedInstructions: true,
    });
    expect(accepted.status).toBe(200);
    expect((await anyone.get(`/api/public/offers/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await anyone.post(`/api/public/offers/${'A'.repeat(43)}/accept`, {})).status).toBe(404);
  });
});
