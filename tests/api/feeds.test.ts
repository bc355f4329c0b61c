import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditLog, calendarFeeds, jobs, practices, staff } from '../../src/server/db/schema';
import { runDueJobs, scheduleJob } from '../../src/server/jobs/scheduled-jobs';
import { newToken } from '../../src/server/modules/auth/tokens';
import { feedJobHandlers, feedSchedulers } from '../../src/server/modules/feeds/job-handlers';
import { nextExportTime } from '../../src/server/modules/feeds/schedule-planning-exports';
import { staffClient, TestClient } from '../support/client';
import {
  makePatient,
  makePractice,
  makeSchedulingPractice,
  makeStaff,
  nextWeekdayAt,
  testPassword,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const dataDir = mkdtempSync(join(tmpdir(), 'sourire-feeds-'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { DATA_DIR: dataDir } });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const dayMs = 86_400_000;
const minute = 60_000;

interface FeedItem {
  practitionerId: string;
  practitionerName: string;
  active: boolean;
  createdAt: string | null;
}
interface CreatedFeed extends FeedItem {
  url: string;
}
interface FeedList {
  patientDetail: string;
  items: FeedItem[];
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function setup(app: TestApp = t) {
  const s = await makeSchedulingPractice(app.deps.db);
  // Léa Durand, a child reached through her contact details: none of them may ever reach a feed
  const patient = await makePatient(app.deps.db, s.practice.id, {
    firstName: 'Léa',
    lastName: 'Durand',
    birthDate: '2012-05-03',
    mobilePhone: '+33639981001',
    email: 'lea.durand@mail.example',
    ownPractitionerId: s.dentist.id,
  });
  return { ...s, patient, app };
}

async function addAppointment(
  s: Setup,
  startsAt: Date | string,
  extra: Partial<typeof appointments.$inferInsert> = {},
) {
  const start = new Date(startsAt);
  const [row] = await s.app.deps.db
    .insert(appointments)
    .values({
      practiceId: s.practice.id,
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: s.patient.id,
      startsAt: start,
      endsAt: new Date(start.getTime() + 30 * minute),
      ...extra,
    })
    .returning();
  if (!row) throw new Error('appointment not created');
  return row;
}

async function signIn(member: { email: string }, app: TestApp = t) {
  return staffClient(app.app, member.email, testPassword);
}

/** Creates the dentist's feed through the console; returns its URL's path. */
async function createFeed(s: Setup): Promise<string> {
  const dentist = await signIn(s.dentist, s.app);
  const created = await dentist.post<CreatedFeed>(`/api/console/calendar-feeds/${s.dentist.id}`);
  expect(created.status).toBe(201);
  return new URL(created.body.url).pathname;
}

function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => ({
    event: new ICAL.Event(component),
    dtstart: component.getFirstProperty('dtstart')?.toICALString() ?? '',
  }));
}

async function audits(practiceId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.practiceId, practiceId), eq(auditLog.action, action)));
}

function parisTime(instant: Date): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

describe('managing one’s calendar URL', () => {
  it('a practitioner creates, regenerates and revokes their own URL; only a hash is stored; all audited', async () => {
    const s = await setup();
    const dentist = await signIn(s.dentist);

    const before = await dentist.get<FeedList>('/api/console/calendar-feeds');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      patientDetail: 'initials',
      items: [
        { practitionerId: s.dentist.id, practitionerName: 'Alex Bernard', active: false, createdAt: null },
      ],
    });

    const created = await dentist.post<CreatedFeed>(`/api/console/calendar-feeds/${s.dentist.id}`);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ practitionerId: s.dentist.id, active: true });
    expect(created.body.url).toMatch(/^http:\/\/sourire\.test\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /feeds\/(.+)\.ics$/.exec(created.body.url)?.[1] ?? '';
    const [stored] = await t.deps.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.practitionerId, s.dentist.id));
    expect(stored?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const first = new URL(created.body.url).pathname;
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get(first)).status).toBe(200);

    // the list says since when, never the URL again
    const listed = await dentist.get<FeedList>('/api/console/calendar-feeds');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ active: true, createdAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const regenerated = await dentist.post<CreatedFeed>(`/api/console/calendar-feeds/${s.dentist.id}`);
    expect(regenerated.status).toBe(201);
    const second = new URL(regenerated.body.url).pathname;
    expect(second).not.toBe(first);
    expect((await anonymous.get(first)).status).toBe(404);
    expect((await anonymous.get(second)).status).toBe(200);
    const live = await t.deps.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.practitionerId, s.dentist.id));
    expect(live.filter((feed) => feed.revokedAt === null)).toHaveLength(1);

    const revoked = await dentist.delete<FeedItem>(`/api/console/calendar-feeds/${s.dentist.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false, createdAt: null });
    expect((await anonymous.get(second)).status).toBe(404);
    expect((await dentist.get<FeedList>('/api/console/calendar-feeds')).body.items[0]?.active).toBe(false);

    for (const action of ['calendar_feed.create', 'calendar_feed.regenerate', 'calendar_feed.revoke']) {
      const rows = await audits(s.practice.id, action);
      expect(rows, action).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorKind: 'staff', actorId: s.dentist.id, entity: 'calendar_feed' });
    }
  });

  it('a practitioner cannot manage a colleague’s URL (403); an admin revokes anyone’s; the front desk nothing', async () => {
    const s = await setup();
    const path = await createFeed(s);
    const colleague = await signIn(s.other);
    expect((await colleague.post(`/api/console/calendar-feeds/${s.dentist.id}`)).status).toBe(403);
    expect((await colleague.delete(`/api/console/calendar-feeds/${s.dentist.id}`)).status).toBe(403);
    const seen = await colleague.get<FeedList>('/api/console/calendar-feeds');
    expect(seen.body.items.map((item) => item.practitionerId)).toEqual([s.other.id]);

    const desk = await signIn(s.secretary);
    expect((await desk.get('/api/console/calendar-feeds')).status).toBe(403);
    expect((await desk.post(`/api/console/calendar-feeds/${s.dentist.id}`)).status).toBe(403);
    expect((await desk.delete(`/api/console/calendar-feeds/${s.dentist.id}`)).status).toBe(403);
    expect((await new TestClient(t.app).get(path)).status).toBe(200);

    const admin = await signIn(s.admin);
    // the admin never holds a practitioner's clear URL
    expect((await admin.post(`/api/console/calendar-feeds/${s.dentist.id}`)).status).toBe(403);
    const all = await admin.get<FeedList>('/api/console/calendar-feeds');
    expect(all.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ practitionerId: s.dentist.id, active: true }),
        expect.objectContaining({ practitionerId: s.other.id, active: false }),
      ]),
    );
    expect(all.body.items).toHaveLength(2);
    expect((await admin.delete(`/api/console/calendar-feeds/${s.dentist.id}`)).status).toBe(200);
    expect((await new TestClient(t.app).get(path)).status).toBe(404);
    const [row] = await audits(s.practice.id, 'calendar_feed.revoke');
    expect(row).toMatchObject({ actorId: s.admin.id });

    // another practice's practitioner does not exist here
    const elsewhere = await setup();
    const foreignPath = await createFeed(elsewhere);
    expect((await admin.delete(`/api/console/calendar-feeds/${elsewhere.dentist.id}`)).status).toBe(404);
    expect((await new TestClient(t.app).get(foreignPath)).status).toBe(200);
  });
});

describe('the feed', () => {
  it('holds the practitioner’s live appointments of the window, with stable UIDs, SEQUENCE, UTC times and the location', async () => {
    const s = await setup();
    const upcoming = await addAppointment(s, nextWeekdayAt(10), {
      version: 3,
      comment: 'Allergie à la pénicilline',
    });
    const recent = await addAppointment(s, new Date(Date.now() - 10 * dayMs));
    const cancelled = await addAppointment(s, nextWeekdayAt(11), {
      cancelledAt: new Date(),
      cancelledBy: 'patient',
      status: 'cancelled',
    });
    const deleted = await addAppointment(s, nextWeekdayAt(14), { deletedAt: new Date() });
    const colleagues = await addAppointment(s, nextWeekdayAt(10), { practitionerId: s.other.id });
    const tooOld = await addAppointment(s, new Date(Date.now() - 40 * dayMs));
    const tooFar = await addAppointment(s, new Date(Date.now() + 200 * dayMs));
    const path = await createFeed(s);

    const answer = await new TestClient(t.app).get<string>(path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(answer.headers['cache-control']).toBe('private, max-age=300');
    const events = parseEvents(answer.body);
    const uids = events.map(({ event }) => event.uid);
    expect(uids.sort()).toEqual([`${recent.id}@sourire`, `${upcoming.id}@sourire`].sort());
    for (const absent of [cancelled, deleted, colleagues, tooOld, tooFar]) {
      expect(answer.body).not.toContain(absent.id);
    }

    const found = events.find(({ event }) => event.uid === `${upcoming.id}@sourire`);
    expect(found?.event.summary).toBe(`${s.motif.name} – L. D.`);
    expect(found?.event.sequence).toBe(3);
    expect(found?.dtstart).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
    expect(found?.event.startDate.toJSDate().toISOString()).toBe(upcoming.startsAt.toISOString());
    expect(found?.event.endDate.toJSDate().toISOString()).toBe(upcoming.endsAt.toISOString());
    expect(found?.event.location).toBe(`${s.location.name}, 1 rue du Test, 69003 Lyon`);

    // never a phone, an email, a birth date, a comment — nor the name in initials mode
    for (const secret of [
      '639981001',
      '06 39 98 10 01',
      'lea.durand',
      'mail.example',
      '2012-05-03',
      '20120503',
      '03/05/2012',
      'pénicilline',
      'Durand',
    ]) {
      expect(answer.body).not.toContain(secret);
    }

    // the same UID after a change, with the new version
    await t.deps.db.update(appointments).set({ version: 4 }).where(eq(appointments.id, upcoming.id));
    const again = parseEvents((await new TestClient(t.app).get<string>(path)).body);
    expect(again.find(({ event }) => event.uid === `${upcoming.id}@sourire`)?.event.sequence).toBe(4);

    // each access showing patients is audited in the practitioner's name
    const reads = await audits(s.practice.id, 'calendar_feed.read');
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ actorKind: 'staff', actorId: s.dentist.id, entity: 'calendar_feed' });
    expect(reads[0]?.details).toMatchObject({ appointments: 2, patientDetail: 'initials' });
  });

  it('shows the full name or no patient at all as the practice chooses (admin only)', async () => {
    const s = await setup();
    const booked = await addAppointment(s, nextWeekdayAt(9));
    const path = await createFeed(s);
    const summary = async () =>
      parseEvents((await new TestClient(t.app).get<string>(path)).body).find(
        ({ event }) => event.uid === `${booked.id}@sourire`,
      )?.event.summary;
    expect(await summary()).toBe(`${s.motif.name} – L. D.`);

    const dentist = await signIn(s.dentist);
    expect(
      (await dentist.request('PUT', '/api/console/calendar-feeds/settings', { patientDetail: 'full' }))
        .status,
    ).toBe(403);
    const admin = await signIn(s.admin);
    const full = await admin.request('PUT', '/api/console/calendar-feeds/settings', {
      patientDetail: 'full',
    });
    expect(full.status).toBe(200);
    expect(await summary()).toBe(`${s.motif.name} – Léa Durand`);
    expect((await dentist.get<FeedList>('/api/console/calendar-feeds')).body.patientDetail).toBe('full');

    await admin.request('PUT', '/api/console/calendar-feeds/settings', { patientDetail: 'none' });
    const readsBefore = (await audits(s.practice.id, 'calendar_feed.read')).length;
    const text = (await new TestClient(t.app).get<string>(path)).body;
    expect(await summary()).toBe(s.motif.name);
    expect(text).not.toContain('Léa');
    expect(text).not.toContain('L. D.');
    // nothing about patients shown: nothing to audit
    expect(await audits(s.practice.id, 'calendar_feed.read')).toHaveLength(readsBefore);
    expect(await audits(s.practice.id, 'settings.practice')).toHaveLength(2);

    const invalid = await admin.request('PUT', '/api/console/calendar-feeds/settings', {
      patientDetail: 'phone',
    });
    expect(invalid.status).toBe(400);
  });

  it('a revoked, guessed or malformed token, or a practitioner who left, answers 404', async () => {
    const s = await setup();
    await addAppointment(s, nextWeekdayAt(9));
    const path = await createFeed(s);
    const client = new TestClient(t.app);
    expect((await client.get(`/api/feeds/${newToken()}.ics`)).status).toBe(404);
    expect((await client.get('/api/feeds/abc.ics')).status).toBe(404);
    expect((await client.get(`${path.slice(0, -5)}x.ics`)).status).toBe(404);
    expect((await client.get(path.replace('.ics', ''))).status).toBe(404);

    await t.deps.db.update(staff).set({ removedAt: new Date() }).where(eq(staff.id, s.dentist.id));
    expect((await client.get(path)).status).toBe(404);
    await t.deps.db.update(staff).set({ removedAt: null }).where(eq(staff.id, s.dentist.id));
    expect((await client.get(path)).status).toBe(200);
    await t.deps.db
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(eq(calendarFeeds.practitionerId, s.dentist.id));
    expect((await client.get(path)).status).toBe(404);
  });
});

describe('DST weeks', () => {
  async function feedAt(clockAt: string, appointmentsAt: string[]) {
    const app = await createTestApp({ database: t.database, config: { DATA_DIR: dataDir } });
    try {
      app.clock.advance(Date.parse(clockAt) - app.clock.now().getTime());
      const s = await setup(app);
      const booked = [];
      for (const at of appointmentsAt) booked.push(await addAppointment(s, at));
      const path = await createFeed(s);
      const events = parseEvents((await new TestClient(app.app).get<string>(path)).body);
      return booked.map((row) => events.find(({ event }) => event.uid === `${row.id}@sourire`)?.dtstart);
    } finally {
      await app.close();
    }
  }

  it('09:00 in Paris stays 09:00 on both sides of the spring and autumn changes', async () => {
    // 28 March 2027: 02:00 CET → 03:00 CEST. Friday before at 09:00 = 08:00Z; Monday after = 07:00Z.
    const spring = await feedAt('2027-03-20T12:00:00Z', ['2027-03-26T08:00:00Z', '2027-03-29T07:00:00Z']);
    expect(spring).toEqual(['DTSTART:20270326T080000Z', 'DTSTART:20270329T070000Z']);
    // 31 October 2027: 03:00 CEST → 02:00 CET. Friday before = 07:00Z; Monday after = 08:00Z.
    const autumn = await feedAt('2027-10-20T12:00:00Z', ['2027-10-29T07:00:00Z', '2027-11-01T08:00:00Z']);
    expect(autumn).toEqual(['DTSTART:20271029T070000Z', 'DTSTART:20271101T080000Z']);
    for (const at of [
      '2027-03-26T08:00:00Z',
      '2027-03-29T07:00:00Z',
      '2027-10-29T07:00:00Z',
      '2027-11-01T08:00:00Z',
    ]) {
      expect(parisTime(new Date(at))).toBe('09:00');
    }
  });

  it('the export falls at 02:00 local, or 03:00 when the spring change skips 02:00', () => {
    expect(nextExportTime('Europe/Paris', new Date('2027-01-10T12:00:00Z'))).toEqual({
      day: '2027-01-11',
      runAt: new Date('2027-01-11T01:00:00Z'),
    });
    expect(nextExportTime('Europe/Paris', new Date('2027-01-11T00:30:00Z'))).toEqual({
      day: '2027-01-11',
      runAt: new Date('2027-01-11T01:00:00Z'),
    });
    expect(nextExportTime('Europe/Paris', new Date('2027-03-27T12:00:00Z'))).toEqual({
      day: '2027-03-28',
      runAt: new Date('2027-03-28T01:00:00Z'),
    });
    expect(nextExportTime('Europe/Paris', new Date('2027-07-01T12:00:00Z'))).toEqual({
      day: '2027-07-02',
      runAt: new Date('2027-07-02T00:00:00Z'),
    });
    expect(nextExportTime('America/New_York', new Date('2027-07-01T12:00:00Z'))).toEqual({
      day: '2027-07-02',
      runAt: new Date('2027-07-02T06:00:00Z'),
    });
  });
});

describe('daily planning export', () => {
  function localDay(instant: Date, offsetDays = 0): string {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(instant);
    return new Date(Date.parse(`${parts}T00:00:00Z`) + offsetDays * dayMs).toISOString().slice(0, 10);
  }

  it('writes the next 30 days as CSV and .ics, keeps 30 days of exports, deletes older ones, audits', async () => {
    const s = await setup();
    const formula = await makePatient(t.deps.db, s.practice.id, {
      firstName: '=HYPERLINK("x")',
      lastName: 'Test',
    });
    const upcoming = await addAppointment(s, nextWeekdayAt(10));
    await addAppointment(s, nextWeekdayAt(11), { practitionerId: s.other.id, patientId: formula.id });
    const cancelled = await addAppointment(s, nextWeekdayAt(14), {
      cancelledAt: new Date(),
      cancelledBy: 'practice',
      status: 'cancelled',
    });
    const beyond = await addAppointment(s, new Date(Date.now() + 35 * dayMs));

    const folder = join(dataDir, 'exports', s.practice.slug);
    const now = t.clock.now();
    const today = localDay(now);
    const old = `planning-${localDay(now, -31)}`;
    const recent = `planning-${localDay(now, -29)}`;
    await mkdir(folder, { recursive: true });
    for (const name of [`${old}.csv`, `${old}.ics`, `${recent}.csv`, `${recent}.ics`, 'notes.txt']) {
      await writeFile(join(folder, name), 'x');
    }
    const leftover = join(folder, `.planning-${today}.csv.abc123.tmp`);
    await writeFile(leftover, 'half');
    const twoDaysAgo = new Date(now.getTime() - 2 * dayMs);
    await utimes(leftover, twoDaysAgo, twoDaysAgo);

    await scheduleJob(t.deps.db, { kind: 'planning_export', practiceId: s.practice.id, runAt: now });
    expect(await runDueJobs(t.deps, feedJobHandlers)).toBe(1);
    const [job] = await t.deps.db.select().from(jobs).where(eq(jobs.practiceId, s.practice.id));
    expect(job).toMatchObject({ status: 'done', lastError: null });

    const files = (await readdir(folder)).sort();
    expect(files).toEqual(
      [
        `${recent}.csv`,
        `${recent}.ics`,
        'notes.txt',
        `planning-${today}.csv`,
        `planning-${today}.ics`,
      ].sort(),
    );

    const csv = await readFile(join(folder, `planning-${today}.csv`), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('date;heure début;heure fin;praticien;lieu;motif;patient;statut');
    const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(
      upcoming.startsAt,
    );
    expect(lines).toContain(`${day};10:00;10:30;Alex Bernard;${s.location.name};Contrôle;L. D.;À renseigner`);
    expect(lines.find((line) => line.includes('Moreau'))).toContain(';H. T.;');
    expect(lines.filter(Boolean)).toHaveLength(3);
    expect(csv).not.toContain('639981001');
    expect(csv).not.toContain('Durand');

    const ics = await readFile(join(folder, `planning-${today}.ics`), 'utf8');
    const events = parseEvents(ics);
    expect(events.map(({ event }) => event.uid)).toContain(`${upcoming.id}@sourire`);
    expect(events).toHaveLength(2);
    expect(ics).not.toContain(cancelled.id);
    expect(ics).not.toContain(beyond.id);
    const event = events.find(({ event: e }) => e.uid === `${upcoming.id}@sourire`)?.event;
    expect(event?.startDate.toJSDate().toISOString()).toBe(upcoming.startsAt.toISOString());
    expect(event?.summary).toBe('Contrôle – L. D.');
    expect(event?.description).toBe('Alex Bernard');

    if (process.platform !== 'win32') {
      expect((await stat(join(folder, `planning-${today}.csv`))).mode & 0o777).toBe(0o600);
    }

    const [audit] = await audits(s.practice.id, 'planning.export');
    expect(audit).toMatchObject({ actorKind: 'system', entity: 'practice', entityId: s.practice.id });
    expect(audit?.details).toMatchObject({
      day: today,
      appointments: 2,
      files: [`planning-${today}.csv`, `planning-${today}.ics`],
    });

    // running again the same day replaces the files, whole
    expect(await runDueJobs(t.deps, feedJobHandlers)).toBe(0);
    await scheduleJob(t.deps.db, { kind: 'planning_export', practiceId: s.practice.id, runAt: now });
    expect(await runDueJobs(t.deps, feedJobHandlers)).toBe(1);
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(join(folder, `planning-${today}.csv`), 'utf8')).toBe(csv);
  });

  it('shows patients in the export as the practice allows', async () => {
    const s = await setup();
    await t.deps.db
      .update(practices)
      .set({ feedPatientDetail: 'full' })
      .where(eq(practices.id, s.practice.id));
    await addAppointment(s, nextWeekdayAt(10));
    const formula = await makePatient(t.deps.db, s.practice.id, {
      firstName: '=HYPERLINK("x")',
      lastName: 'Test',
    });
    await addAppointment(s, nextWeekdayAt(11), { patientId: formula.id });
    await scheduleJob(t.deps.db, {
      kind: 'planning_export',
      practiceId: s.practice.id,
      runAt: t.clock.now(),
    });
    await runDueJobs(t.deps, feedJobHandlers);
    const folder = join(dataDir, 'exports', s.practice.slug);
    const [csvName] = (await readdir(folder)).filter((name) => name.endsWith('.csv'));
    const csv = await readFile(join(folder, csvName ?? ''), 'utf8');
    expect(csv).toContain(';Léa Durand;');
    // a name typed like a formula (on the public booking page) stays text in the spreadsheet
    expect(csv).toContain(`;"'=HYPERLINK(""x"") Test";`);

    await t.deps.db
      .update(practices)
      .set({ feedPatientDetail: 'none' })
      .where(eq(practices.id, s.practice.id));
    await scheduleJob(t.deps.db, {
      kind: 'planning_export',
      practiceId: s.practice.id,
      runAt: t.clock.now(),
    });
    await runDueJobs(t.deps, feedJobHandlers);
    const hidden = await readFile(join(folder, csvName ?? ''), 'utf8');
    expect(hidden).not.toContain('Léa');
    expect(hidden).toContain(';Contrôle;;À renseigner');
  });

  it('is scheduled once per practice and day at 02:00 local, however often and wherever the scheduler runs', async () => {
    const paris = await makePractice(t.deps.db);
    const newYork = await makePractice(t.deps.db, { timeZone: 'America/New_York' });
    await makeStaff(t.deps.db, paris.id, { role: 'admin' });
    const [schedule] = feedSchedulers;
    if (!schedule) throw new Error('no scheduler');
    // two servers at once, then a restart
    await Promise.all([schedule(t.deps), schedule(t.deps)]);
    await schedule(t.deps);

    const now = t.clock.now();
    for (const [practice, timeZone] of [
      [paris, 'Europe/Paris'],
      [newYork, 'America/New_York'],
    ] as const) {
      const rows = await t.deps.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.practiceId, practice.id), eq(jobs.kind, 'planning_export')));
      expect(rows).toHaveLength(1);
      const runAt = rows[0]?.runAt ?? new Date(0);
      expect(runAt.getTime()).toBeGreaterThan(now.getTime());
      expect(runAt.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3600_000);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(runAt);
      // 02:00, or 03:00 on the one night a year 02:00 does not exist
      expect(['02:00', '03:00']).toContain(local);
      expect(rows[0]?.uniqueKey).toBe(`planning_export:${practice.id}:${nextExportTime(timeZone, now).day}`);
    }
  });
});
