import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv, toConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { appointments, jobs, motifs, outbox, practices } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/jobs/handlers';
import { runDueJobs } from '../../src/server/jobs/scheduled-jobs';
import { drainOutbox } from '../../src/server/modules/outbox/drain-outbox';
import { createTransports } from '../../src/server/modules/outbox/transports';
import { staffClient } from '../support/client';
import {
  linkResponsable,
  makePatient,
  makeSchedulingPractice,
  nextWeekdayAt,
  testPassword,
} from '../support/factories';
import { startSmtpServer } from '../support/smtp';
import { createTestApp, openTestDatabase, type TestApp } from '../support/test-app';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  t = await createTestApp({
    database,
    transports: createTransports(toConfig(parseEnv({ SMTP_URL: smtp.url }), () => 'secret')),
  });
});
afterAll(async () => {
  await t.close();
  await database.close();
  await smtp.close();
});

interface Booked {
  id: string;
  startsAt: string;
}

async function setup(timeZone = 'Europe/Paris') {
  const s = await makeSchedulingPractice(t.deps.db);
  await t.deps.db
    .update(practices)
    .set({ timeZone, closedOnPublicHolidays: false })
    .where(eq(practices.id, s.practice.id));
  const email = `patient-${s.practice.id.slice(0, 8)}@mail.example`;
  const patient = await makePatient(t.deps.db, s.practice.id, {
    firstName: 'Léa',
    lastName: 'Durand',
    email,
    notificationChannel: 'both',
    ownPractitionerId: s.dentist.id,
  });
  const desk = await staffClient(t.app, s.secretary.email, testPassword);
  const book = async (startsAt: string) => {
    const answer = await desk.post<Booked>('/api/console/appointments', {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: patient.id,
      startsAt,
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  return { ...s, patient, email, desk, book };
}

const messagesOf = (appointmentId: string) =>
  t.deps.db.select().from(outbox).where(eq(outbox.appointmentId, appointmentId));

async function drainAll() {
  while ((await runDueJobs(t.deps, jobHandlers)) > 0) {
    // run what is due
  }
  while ((await drainOutbox(t.deps)) > 0) {
    // send what is queued
  }
}

describe('confirmation', () => {
  it('arrives by email over real SMTP with every detail and a valid .ics, and by SMS', async () => {
    const s = await setup();
    const booked = await s.book(nextWeekdayAt(10));
    await drainAll();
    const mail = smtp.received.find((item) => item.envelopeTo.includes(s.email));
    expect(mail?.parsed.subject).toMatch(/^Rendez-vous confirmé le .+ à 10:00$/);
    const text = mail?.parsed.text ?? '';
    for (const expected of [
      'Léa Durand',
      'Alex Bernard',
      '10:00 (30 min)',
      'Motif : Contrôle',
      '1 rue du Test, 69003 Lyon',
      'openstreetmap.org',
      '/rdv/gerer/',
    ]) {
      expect(text).toContain(expected);
    }
    const ics = mail?.parsed.attachments.find((attachment) => attachment.filename === 'rendez-vous.ics');
    expect(ics?.contentType).toContain('text/calendar');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics?.content.toString('utf8') ?? '')).getFirstSubcomponent('vevent') ??
        undefined,
    );
    expect(event.uid).toBe(`${booked.id}@sourire`);
    expect(event.startDate.toJSDate().toISOString()).toBe(booked.startsAt);
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(30 * 60_000);
    expect(event.location).toBe('1 rue du Test, 69003 Lyon');
    const sms = (await messagesOf(booked.id)).find((message) => message.channel === 'sms');
    expect(sms).toMatchObject({ kind: 'appointment_confirmation', status: 'held' });
    expect(sms?.body).toContain('10:00');
  });

  it('follows the patient’s channel and the motif’s silence switch', async () => {
    const s = await setup();
    await t.deps.db.update(motifs).set({ notificationsEnabled: false }).where(eq(motifs.id, s.motif.id));
    const silent = await s.book(nextWeekdayAt(9));
    expect(await messagesOf(silent.id)).toHaveLength(0);
    expect(
      await t.deps.db
        .select()
        .from(jobs)
        .where(eq(jobs.uniqueKey, `reminder:${silent.id}:v1`)),
    ).toHaveLength(1);
  });

  it('a move sends a new confirmation, once per version; a practice cancellation a notice', async () => {
    const s = await setup();
    const booked = await s.book(nextWeekdayAt(9));
    await s.desk.patch(`/api/console/appointments/${booked.id}`, { startsAt: nextWeekdayAt(11) });
    await s.desk.patch(`/api/console/appointments/${booked.id}`, {
      comment: 'pas une modification pour le patient',
    });
    await s.desk.post(`/api/console/appointments/${booked.id}/cancel`, { by: 'practice' });
    const kinds = (await messagesOf(booked.id)).map((message) => `${message.kind}:${message.channel}`).sort();
    expect(kinds).toEqual([
      'appointment_cancelled_by_practice:email',
      'appointment_cancelled_by_practice:sms',
      'appointment_confirmation:email',
      'appointment_confirmation:sms',
      'appointment_moved:email',
      'appointment_moved:sms',
    ]);
  });
});

describe('reminders', () => {
  it('go out once, at the right time, even when the job runs twice or on two servers at once', async () => {
    const s = await setup();
    const booked = await s.book(nextWeekdayAt(10));
    const [job] = await t.deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `reminder:${booked.id}:v1`));
    expect(job?.runAt.toISOString()).toBe(
      new Date(Date.parse(booked.startsAt) - 24 * 3600_000).toISOString(),
    );
    const shift = (job?.runAt.getTime() ?? 0) - Date.now() + 60_000;
    t.clock.advance(shift);
    try {
      await Promise.all([runDueJobs(t.deps, jobHandlers), runDueJobs(t.deps, jobHandlers)]);
      await runDueJobs(t.deps, jobHandlers);
      // scheduling it again (a retry) changes nothing either
      await t.deps.db
        .update(jobs)
        .set({ status: 'pending' })
        .where(eq(jobs.id, job?.id ?? ''));
      await runDueJobs(t.deps, jobHandlers);
    } finally {
      t.clock.advance(-shift);
    }
    const reminders = (await messagesOf(booked.id)).filter(
      (message) => message.kind === 'appointment_reminder',
    );
    expect(reminders.map((message) => message.channel).sort()).toEqual(['email', 'sms']);
  });

  it('are not sent for a cancelled or moved-away appointment version', async () => {
    const s = await setup();
    const cancelled = await s.book(nextWeekdayAt(9));
    await s.desk.post(`/api/console/appointments/${cancelled.id}/cancel`, { by: 'patient' });
    const moved = await s.book(nextWeekdayAt(10));
    await s.desk.patch(`/api/console/appointments/${moved.id}`, { startsAt: nextWeekdayAt(11, 0, 8) });
    const shift = Date.parse(nextWeekdayAt(10)) - Date.now() - 23 * 3600_000;
    t.clock.advance(shift);
    try {
      await runDueJobs(t.deps, jobHandlers);
    } finally {
      t.clock.advance(-shift);
    }
    expect(
      (await messagesOf(cancelled.id)).filter((message) => message.kind === 'appointment_reminder'),
    ).toHaveLength(0);
    expect(
      (await messagesOf(moved.id)).filter((message) => message.kind === 'appointment_reminder'),
    ).toHaveLength(0);
    expect(
      await t.deps.db
        .select()
        .from(jobs)
        .where(eq(jobs.uniqueKey, `reminder:${moved.id}:v2`)),
    ).toHaveLength(1);
  });

  it.each([
    ['Europe/Paris', '2027-03-29T07:00:00.000Z', '2027-03-28T07:00:00.000Z'], // Monday 09:00 after the spring change
    ['Europe/Zurich', '2027-11-01T08:00:00.000Z', '2027-10-31T08:00:00.000Z'], // Monday 09:00 after the autumn change
  ])(
    'in the DST week of %s, keep the local hour (09:00 → 09:00 the day before)',
    async (timeZone, startsAt, reminderAt) => {
      const s = await setup(timeZone);
      const booked = await s.book(startsAt);
      const [job] = await t.deps.db
        .select()
        .from(jobs)
        .where(eq(jobs.uniqueKey, `reminder:${booked.id}:v1`));
      expect(job?.runAt.toISOString()).toBe(reminderAt);
      const shift = Date.parse(reminderAt) - Date.now() + 1000;
      t.clock.advance(shift);
      try {
        await runDueJobs(t.deps, jobHandlers);
      } finally {
        t.clock.advance(-shift);
      }
      const [reminder] = (await messagesOf(booked.id)).filter(
        (message) => message.kind === 'appointment_reminder' && message.channel === 'sms',
      );
      expect(reminder?.body).toContain('09:00');
    },
  );
});

describe('failures', () => {
  it('are retried and shown to staff on the appointment', async () => {
    const s = await setup();
    const booked = await s.book(nextWeekdayAt(9, 30));
    await smtp.close();
    try {
      while ((await drainOutbox(t.deps)) > 0) {
        // every send fails and is put back for later
      }
    } finally {
      smtp = await startSmtpServer();
    }
    const detail = await s.desk.get<{
      notifications: { channel: string; status: string; lastError: string | null; attempts: number }[];
    }>(`/api/console/appointments/${booked.id}`);
    const email = detail.body.notifications.find((message) => message.channel === 'email');
    expect(email, JSON.stringify(detail.body.notifications)).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    expect(email?.lastError).toBeTruthy();
    const [row] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.appointmentId, booked.id), eq(outbox.channel, 'email')));
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    const unused = await t.deps.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(unused).toHaveLength(1);
  });
});

describe('a dependant without contact details', () => {
  it('is reached through parent 1 before the guarantor, whatever the roles’ alphabetical order', async () => {
    const s = await setup();
    const guarantor = await makePatient(t.deps.db, s.practice.id, {
      firstName: 'Gérard',
      lastName: 'Garant',
      mobilePhone: '+33639982001',
      email: 'garant@mail.example',
    });
    const parent = await makePatient(t.deps.db, s.practice.id, {
      firstName: 'Paule',
      lastName: 'Durand',
      mobilePhone: '+33639982002',
      email: 'parent@mail.example',
    });
    const child = await makePatient(t.deps.db, s.practice.id, {
      firstName: 'Lou',
      lastName: 'Durand',
      mobilePhone: null,
      email: null,
      notificationChannel: 'both',
      ownPractitionerId: s.dentist.id,
    });
    await linkResponsable(t.deps.db, s.practice.id, child.id, guarantor.id, 'guarantor');
    await linkResponsable(t.deps.db, s.practice.id, child.id, parent.id, 'parent1');
    const answer = await s.desk.post<Booked>('/api/console/appointments', {
      practitionerId: s.dentist.id,
      locationId: s.location.id,
      motifId: s.motif.id,
      patientId: child.id,
      startsAt: nextWeekdayAt(11),
    });
    expect(answer.status).toBe(201);
    const sent = await messagesOf(answer.body.id);
    expect(sent.map((message) => [message.channel, message.recipient]).sort()).toEqual([
      ['email', 'parent@mail.example'],
      ['sms', '+33639982002'],
    ]);
  });
});
