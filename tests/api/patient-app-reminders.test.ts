import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderList } from '../../src/contracts/patient-app';
import { appointments, jobs, outbox, patients } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/jobs/handlers';
import { runDueJobs } from '../../src/server/jobs/scheduled-jobs';
import {
  scheduleAppReminders,
  scheduleUpcomingAppReminders,
} from '../../src/server/modules/app-reminders/schedule-app-reminders';
import { sendAppReminder } from '../../src/server/modules/app-reminders/send-app-reminder';
import { drainOutbox } from '../../src/server/modules/outbox/drain-outbox';
import { staffClient, TestClient } from '../support/client';
import { makeSchedulingPractice } from '../support/factories';
import { makeAppointment, makeFamily, patientClient } from '../support/patient-session';
import { browserKeys, decryptPush, type LocalPushService, startPushService } from '../support/push-endpoint';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let push: LocalPushService;
beforeAll(async () => {
  push = await startPushService();
  t = await createTestApp();
  // a fixed week: Saturday 20 March 2027, a week before Paris moves to summer time (Sunday 28 March)
  t.clock.advance(Date.parse('2027-03-20T09:00:00Z') - t.clock.now().getTime());
});
afterAll(async () => {
  await t.close();
  await push.close();
});

async function setup() {
  const s = await makeSchedulingPractice(t.deps.db);
  const f = await makeFamily(t.deps.db, s.practice);
  const at = {
    practiceId: s.practice.id,
    practitionerId: s.dentist.id,
    locationId: s.location.id,
    motifId: s.motif.id,
  };
  return { ...s, ...f, at };
}

function appReminderJobs(appointmentId: string) {
  return t.deps.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, 'app_reminder'), like(jobs.uniqueKey, `app_reminder:${appointmentId}:%`)))
    .orderBy(jobs.runAt);
}

function appReminderMessages(practiceId: string) {
  return t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.practiceId, practiceId), eq(outbox.kind, 'app_reminder')));
}

async function runJobsAt(iso: string) {
  t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
  while ((await runDueJobs(t.deps, jobHandlers)) > 0) {
    // until nothing is due
  }
}

describe('reminder settings (APP-7)', () => {
  it('start with one reminder the day before at 12:00; add, refuse duplicates and a sixth, remove', async () => {
    const s = await setup();
    const paul = await patientClient(t.app, t.deps.db, s.identities.paul);
    const initial = await paul.get<ReminderList>('/api/patient/reminders');
    expect(initial.body).toEqual({
      items: [{ id: 'default', daysBefore: 1, time: '12:00' }],
      isDefault: true,
      max: 5,
      channel: 'sms',
    });
    const added = await paul.post<ReminderList>('/api/patient/reminders', { daysBefore: 3, time: '18:30' });
    expect(added.status).toBe(201);
    expect(added.body.isDefault).toBe(false);
    expect(added.body.items.map((item) => [item.daysBefore, item.time])).toEqual([
      [3, '18:30'],
      [1, '12:00'],
    ]);
    const duplicate = await paul.post<{ issues: { path: string }[] }>('/api/patient/reminders', {
      daysBefore: 3,
      time: '18:30',
    });
    expect(duplicate.status).toBe(400);
    for (const time of ['08:00', '09:00', '10:00']) {
      expect((await paul.post('/api/patient/reminders', { daysBefore: 0, time })).status).toBe(201);
    }
    const sixth = await paul.post<{ issues: { message: string }[] }>('/api/patient/reminders', {
      daysBefore: 14,
      time: '07:00',
    });
    expect(sixth.status).toBe(400);
    expect(sixth.body.issues[0]?.message).toBe('Au plus 5 rappels.');
    for (const bad of [
      { daysBefore: 15, time: '12:00' },
      { daysBefore: 1, time: '25:00' },
      { daysBefore: -1, time: '12:00' },
    ]) {
      expect((await paul.post('/api/patient/reminders', bad)).status).toBe(400);
    }
    expect((await paul.delete('/api/patient/reminders/default')).body).toMatchObject({ isDefault: false });
    expect((await paul.delete('/api/patient/reminders/default')).status).toBe(404);
    const left = await paul.get<ReminderList>('/api/patient/reminders');
    expect(left.body.items).toHaveLength(4);

    // another phone keeps its own default
    const marie = await patientClient(t.app, t.deps.db, s.identities.marie);
    expect((await marie.get<ReminderList>('/api/patient/reminders')).body.isDefault).toBe(true);
    expect((await new TestClient(t.app).get('/api/patient/reminders')).status).toBe(401);
  });
});

describe('reminder delivery (NOT-2)', () => {
  it('is due at local day − N at HH:MM + 10 min across the DST change, and sent once however often the job runs', async () => {
    const s = await setup();
    // Monday 29 March 2027 at 10:00 in Paris (summer time, UTC+2), for Léa, Paul's daughter
    const appointment = await makeAppointment(t.deps.db, s.at, s.lea.id, new Date('2027-03-29T08:00:00Z'));
    const paul = await patientClient(t.app, t.deps.db, s.identities.paul);
    expect((await paul.post('/api/patient/reminders', { daysBefore: 2, time: '12:00' })).status).toBe(201);

    const scheduled = await appReminderJobs(appointment.id);
    expect(scheduled.map((job) => [job.runAt.toISOString(), job.payload.phone])).toEqual([
      // Saturday 27 March 12:00 winter time (UTC+1) + 10 min
      ['2027-03-27T11:10:00.000Z', s.phones.paul],
      // Sunday 28 March 12:00 summer time (UTC+2) + 10 min: the clocks changed that night
      ['2027-03-28T10:10:00.000Z', s.phones.paul],
    ]);
    // Marie does not use the app: nothing for her phone, until she signs in
    expect(scheduled.some((job) => job.payload.phone === s.phones.marie)).toBe(false);
    await patientClient(t.app, t.deps.db, s.identities.marie);
    const withMarie = await appReminderJobs(appointment.id);
    expect(
      withMarie.filter((job) => job.payload.phone === s.phones.marie).map((job) => job.runAt.toISOString()),
    ).toEqual(['2027-03-28T10:10:00.000Z']);
    // scheduling again (the hourly pass, the same appointment saved again) adds nothing
    await scheduleUpcomingAppReminders(t.deps);
    await scheduleAppReminders(t.deps.db, t.clock.now(), { appointmentId: appointment.id });
    expect(await appReminderJobs(appointment.id)).toHaveLength(3);

    await runJobsAt('2027-03-27T11:09:00Z');
    expect(await appReminderMessages(s.practice.id)).toHaveLength(0);
    await runJobsAt('2027-03-27T11:10:00Z');
    const sent = await appReminderMessages(s.practice.id);
    expect(sent.map((message) => [message.channel, message.recipient])).toEqual([['sms', s.phones.paul]]);
    expect(sent[0]?.body).toContain('Léa Durand');
    expect(sent[0]?.body).toContain('lundi 29 mars 2027 à 10:00');

    // the same job run again (a retry, another server) sends nothing more
    const [done] = (await appReminderJobs(appointment.id)).filter((job) => job.status === 'done');
    expect(done).toBeDefined();
    if (done) {
      await sendAppReminder(t.deps, done);
      await sendAppReminder(t.deps, done);
    }
    await runJobsAt('2027-03-27T12:00:00Z');
    expect(await appReminderMessages(s.practice.id)).toHaveLength(1);

    await runJobsAt('2027-03-28T10:10:00Z');
    expect((await appReminderMessages(s.practice.id)).map((message) => message.recipient).sort()).toEqual(
      [s.phones.paul, s.phones.paul, s.phones.marie].sort(),
    );
  });

  it('nothing for a cancelled or moved appointment’s old time, a removed reminder or a signed-out phone', async () => {
    const s = await setup();
    const day = (n: number) => new Date(Date.parse('2027-04-05T08:00:00Z') + n * 86_400_000);
    const cancelled = await makeAppointment(t.deps.db, s.at, s.hugo.id, day(1));
    const moved = await makeAppointment(t.deps.db, s.at, s.lea.id, day(2));
    const paulOwn = await makeAppointment(t.deps.db, s.at, s.paul.id, day(3));
    const marieOwn = await makeAppointment(t.deps.db, s.at, s.marie.id, day(3), {
      startsAt: new Date(day(3).getTime() + 3600_000),
      endsAt: new Date(day(3).getTime() + 5400_000),
    });
    const joseOwn = await makeAppointment(t.deps.db, s.at, s.jose.id, day(3), {
      startsAt: new Date(day(3).getTime() + 7200_000),
      endsAt: new Date(day(3).getTime() + 9000_000),
    });
    const optedOut = await makeAppointment(t.deps.db, s.at, s.hugo.id, day(2), {
      startsAt: new Date(day(2).getTime() + 3600_000),
      endsAt: new Date(day(2).getTime() + 5400_000),
    });
    await patientClient(t.app, t.deps.db, s.identities.paul);
    const marie = await patientClient(t.app, t.deps.db, s.identities.marie);
    const jose = await patientClient(t.app, t.deps.db, s.identities.jose);
    for (const appointment of [cancelled, moved, optedOut, paulOwn, marieOwn, joseOwn]) {
      expect((await appReminderJobs(appointment.id)).length, appointment.id).toBeGreaterThan(0);
    }

    await t.deps.db
      .update(appointments)
      .set({ cancelledAt: t.clock.now(), status: 'cancelled' })
      .where(eq(appointments.id, cancelled.id));
    await t.deps.db
      .update(appointments)
      .set({ startsAt: day(8), endsAt: new Date(day(8).getTime() + 1800_000), version: 2 })
      .where(eq(appointments.id, moved.id));
    await t.deps.db.update(patients).set({ appOptOut: true }).where(eq(patients.id, s.hugo.id));
    expect((await marie.delete('/api/patient/reminders/default')).status).toBe(200);
    expect((await jose.post('/api/patient/sign-out')).status).toBe(200);

    // each day's reminders run on time, before their appointment
    for (const n of [1, 2, 3]) await runJobsAt(new Date(day(n).getTime() - 3600_000).toISOString());
    const sent = await appReminderMessages(s.practice.id);
    expect(sent.map((message) => [message.appointmentId, message.recipient])).toEqual([
      [paulOwn.id, s.phones.paul],
    ]);
  });

  it('an appointment booked after the reminders were set gets them; email for a phone that prefers email', async () => {
    const s = await setup();
    await t.deps.db
      .update(patients)
      .set({ notificationChannel: 'email', email: 'paul@mail.example', lang: 'en' })
      .where(eq(patients.id, s.paul.id));
    const paul = await patientClient(t.app, t.deps.db, s.identities.paul);
    expect((await paul.get<ReminderList>('/api/patient/reminders')).body.channel).toBe('email');
    const desk = await staffClient(t.app, s.secretary.email, s.secretary.password);
    const booked = await desk.post<{ id: string }>('/api/console/appointments', {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: s.hugo.id,
      startsAt: '2027-04-13T07:30:00Z',
      patientAgreed: true,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const scheduled = await appReminderJobs(booked.body.id);
    expect(scheduled.map((job) => job.runAt.toISOString())).toEqual(['2027-04-12T10:10:00.000Z']);
    await runJobsAt('2027-04-12T10:10:00Z');
    const [message] = await appReminderMessages(s.practice.id);
    expect(message).toMatchObject({
      channel: 'email',
      recipient: 'paul@mail.example',
      appointmentId: booked.body.id,
    });
    expect(message?.subject).toContain('Reminder');
  });

  it('replace the practice’s reminder for an app user; without app reminders the practice’s one goes', async () => {
    const s = await setup();
    await patientClient(t.app, t.deps.db, s.identities.paul);
    const book = async (patientId: string, startsAt: string) => {
      // signed in again at each booking: the clock jumps days between them
      const desk = await staffClient(t.app, s.secretary.email, s.secretary.password);
      const booked = await desk.post<{ id: string }>('/api/console/appointments', {
        practitionerId: s.dentist.id,
        locationId: s.location.id,
        motifId: s.motif.id,
        patientId,
        startsAt,
        patientAgreed: true,
      });
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      return booked.body.id;
    };
    const kindsFor = async (appointmentId: string) =>
      (await t.deps.db.select().from(outbox).where(eq(outbox.appointmentId, appointmentId)))
        .filter((message) => message.kind.includes('reminder'))
        .map((message) => message.kind)
        .filter((kind, index, kinds) => kinds.indexOf(kind) === index);
    // (the practice's reminder goes by SMS, email or both, as the patient prefers)
    const practiceReminder = ['appointment_reminder'];

    // Hugo is reached in the app through Paul's phone (default reminder): one reminder, the app's
    const hugo = await book(s.hugo.id, '2027-04-20T07:30:00Z');
    // José does not use the app: the practice's reminder
    const jose = await book(s.jose.id, '2027-04-20T08:30:00Z');
    await runJobsAt('2027-04-20T07:00:00Z');
    expect(await kindsFor(hugo)).toEqual(['app_reminder']);
    expect(await kindsFor(jose)).toEqual(practiceReminder);

    // Paul removes his only reminder: the practice's reminder comes back for the next appointment
    const paulAgain = await patientClient(t.app, t.deps.db, s.identities.paul);
    expect((await paulAgain.delete('/api/patient/reminders/default')).status).toBe(200);
    const later = await book(s.hugo.id, '2027-04-27T07:30:00Z');
    await runJobsAt('2027-04-27T07:00:00Z');
    expect(await kindsFor(later)).toEqual(practiceReminder);
  });

  it('a phone that allowed notifications gets its reminder by push, with nothing about the care', async () => {
    t.clock.advance(Date.parse('2027-05-03T09:00:00Z') - t.clock.now().getTime());
    const s = await setup();
    const paul = await patientClient(t.app, t.deps.db, s.identities.paul);
    const keys = browserKeys();
    const subscription = {
      endpoint: `${push.url}/push/reminder-${s.paul.id}`,
      keys: { p256dh: keys.p256dh, auth: keys.auth },
    };
    expect((await paul.post('/api/patient/push/subscriptions', subscription)).status).toBe(201);
    const appointment = await makeAppointment(t.deps.db, s.at, s.hugo.id, new Date('2027-05-11T07:30:00Z'));
    await scheduleAppReminders(t.deps.db, t.clock.now(), { appointmentId: appointment.id });
    await runJobsAt('2027-05-10T10:10:00Z');
    while ((await drainOutbox(t.deps)) > 0) {
      // everything due, earlier tests' messages included
    }

    const [message, ...others] = await appReminderMessages(s.practice.id);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ status: 'sent', channel: 'sms', recipient: s.phones.paul });
    expect(message?.pushedAt).not.toBeNull();
    const arrived = push.received.filter((request) => request.path === `/push/reminder-${s.paul.id}`);
    expect(arrived).toHaveLength(1);
    expect(JSON.parse(decryptPush(arrived[0]?.body ?? Buffer.alloc(0), keys))).toEqual({
      title: s.practice.name,
      body: 'Rappel de rendez-vous',
      url: '/app/rdv',
      tag: `reminder-${appointment.id}`,
    });
  });
});
