import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/contracts/messaging';
import { ofPracticeFr } from '../../src/domain/practice-name';
import { outbox, patients } from '../../src/server/db/schema';
import { drainOutbox } from '../../src/server/modules/outbox/drain-outbox';
import { type Answer, staffClient, type TestClient } from '../support/client';
import { makeStaff } from '../support/factories';
import { makeFamily, patientClient } from '../support/patient-session';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * "The patient learns that the practice answered" (issue 9 §3.14): a reply from the practice queues one
 * "new message" notice per unread stretch, to the account holder, never at night, cancelled when the
 * family reads the thread first. The clock is set to chosen instants of the practice's zone (Paris).
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Moves the test clock to an instant (forwards or back). */
function setClock(iso: string): void {
  t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
}

/** A staff reply as the console sends it (multipart form). */
function reply(desk: TestClient, patientId: string, body: string): Promise<Answer<Message>> {
  const boundary = `----sourire${randomBytes(8).toString('hex')}`;
  const payload = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="body"\r\n\r\n${body}\r\n--${boundary}--\r\n`,
  );
  return desk.request<Message>('POST', `/api/console/messages/threads/${patientId}`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/** The app shows a thread, then marks it read (the GET changes nothing, the POST does). */
async function openThread(app: TestClient, patientId: string): Promise<number[]> {
  const shown = await app.get(`/api/patient/messages/threads/${patientId}`);
  const read = await app.post(`/api/patient/messages/threads/${patientId}/read`);
  return [shown.status, read.status];
}

async function notices(practiceId: string) {
  return t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.practiceId, practiceId), eq(outbox.kind, 'message')))
    .orderBy(outbox.createdAt);
}

async function setup() {
  const f = await makeFamily(t.deps.db);
  const secretary = await makeStaff(t.deps.db, f.practice.id);
  return {
    ...f,
    desk: await staffClient(t.app, secretary.email, secretary.password),
    /** a new console session (the console locks itself after a quiet while) */
    deskAgain: () => staffClient(t.app, secretary.email, secretary.password),
    paulApp: await patientClient(t.app, t.deps.db, f.identities.paul),
  };
}

describe('"you have a new message" notices', () => {
  it('one notice per unread stretch: a second reply while unread sends none; after reading, a new one', async () => {
    setClock('2026-12-02T10:00:00Z'); // Wednesday, 11:00 in Paris
    const s = await setup();
    const first = await reply(s.desk, s.paul.id, 'Votre couronne est prête.');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const [notice, ...others] = await notices(s.practice.id);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      channel: 'sms',
      recipient: s.phones.paul,
      patientId: s.paul.id,
      status: 'pending',
      body: `Nouveau message ${ofPracticeFr(s.practice.name)}. Lisez-le dans l’application : http://sourire.test/app/messagerie/${s.paul.id}`,
      push: {
        phones: [s.phones.paul],
        title: s.practice.name,
        body: `Vous avez un nouveau message ${ofPracticeFr(s.practice.name)}`,
        url: `/app/messagerie/${s.paul.id}`,
      },
    });
    // during the day: due at once; and no word of the message itself
    expect(notice?.nextAttemptAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    expect(JSON.stringify(notice)).not.toContain('couronne');

    expect((await reply(s.desk, s.paul.id, 'Et la facture suit.')).status).toBe(201);
    expect(await notices(s.practice.id)).toHaveLength(1);

    // sent (held: no SMS provider in tests), then the family reads the thread: the next reply notifies
    await drainOutbox(t.deps);
    expect((await notices(s.practice.id)).map((row) => row.status)).toEqual(['held']);
    expect(await openThread(s.paulApp, s.paul.id)).toEqual([200, 200]);
    expect((await reply(s.desk, s.paul.id, 'Un dernier mot.')).status).toBe(201);
    expect((await notices(s.practice.id)).map((row) => row.status)).toEqual(['held', 'pending']);
  });

  it('two replies at the same moment make one notice (the thread row serialises them)', async () => {
    setClock('2026-12-02T11:00:00Z');
    const s = await setup();
    const other = await s.deskAgain();
    const answers = await Promise.all([
      reply(s.desk, s.marie.id, 'Première réponse'),
      reply(other, s.marie.id, 'Seconde réponse'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(await notices(s.practice.id)).toHaveLength(1);
  });

  it("a child's thread notifies the parent who holds the phone, by email in English when preferred", async () => {
    setClock('2026-12-02T14:30:00Z');
    const s = await setup();
    await t.deps.db
      .update(patients)
      .set({ notificationChannel: 'email', lang: 'en' })
      .where(eq(patients.id, s.paul.id));
    expect((await reply(s.desk, s.lea.id, 'Léa peut reprendre le sport.')).status).toBe(201);
    const [notice, ...others] = await notices(s.practice.id);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      channel: 'email',
      recipient: 'paul.durand@test.example',
      patientId: s.lea.id,
      subject: `New message from ${s.practice.name}`,
      // both parents' phones read Léa's thread: both get the push where allowed
      push: { phones: [s.phones.paul, s.phones.marie], url: `/app/messagerie/${s.lea.id}` },
    });
    expect(notice?.body).toContain(`You have a new message from ${s.practice.name}.`);
    expect(notice?.body).toContain(`http://sourire.test/app/messagerie/${s.lea.id}`);
    expect(notice?.body).not.toContain('sport');
  });

  it('no notice for a patient who opted out of the app (nobody reads the thread there)', async () => {
    setClock('2026-12-02T09:30:00Z');
    const s = await setup();
    await t.deps.db.update(patients).set({ appOptOut: true }).where(eq(patients.id, s.jose.id));
    expect((await reply(s.desk, s.jose.id, 'Bonjour')).status).toBe(201);
    expect(await notices(s.practice.id)).toEqual([]);
  });

  it('a reply at 22:00 in Paris waits for 08:00, across the spring change of hour', async () => {
    setClock('2027-03-27T21:00:00Z'); // Saturday 22:00 CET; the clocks go forward that night
    const s = await setup();
    expect((await reply(s.desk, s.paul.id, 'Résultats reçus.')).status).toBe(201);
    const [notice] = await notices(s.practice.id);
    // Sunday 08:00 CEST is 06:00 UTC: a 9-hour night
    expect(notice?.nextAttemptAt.toISOString()).toBe('2027-03-28T06:00:00.000Z');
    await drainOutbox(t.deps); // what was due (the sign-in codes)
    setClock('2027-03-28T05:59:00Z');
    expect(await drainOutbox(t.deps)).toBe(0);
    expect((await notices(s.practice.id))[0]?.status).toBe('pending');
    setClock('2027-03-28T06:00:30Z');
    await drainOutbox(t.deps);
    expect((await notices(s.practice.id))[0]?.status).toBe('held');
  });

  it('a reply after midnight waits for the same morning; in autumn the night is 11 hours', async () => {
    setClock('2026-10-24T20:00:00Z'); // Saturday 22:00 CEST
    const s = await setup();
    expect((await reply(s.desk, s.paul.id, 'Bonsoir')).status).toBe(201);
    setClock('2026-10-25T01:30:00Z'); // 02:30 CET, after the change
    expect(await openThread(s.paulApp, s.paul.id)).toEqual([200, 200]);
    // read at night: the evening's notice is cancelled; a new reply at 02:30 waits for 08:00 CET
    expect((await reply(await s.deskAgain(), s.paul.id, 'Et bonne nuit')).status).toBe(201);
    const [notice, ...others] = await notices(s.practice.id);
    expect(others).toEqual([]);
    expect(notice?.nextAttemptAt.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('reading the thread before the morning cancels the delayed notice', async () => {
    setClock('2026-12-03T21:15:00Z'); // Thursday 22:15 in Paris
    const s = await setup();
    expect((await reply(s.desk, s.lea.id, 'La radio est bonne.')).status).toBe(201);
    expect(await notices(s.practice.id)).toHaveLength(1);
    setClock('2026-12-03T22:40:00Z');
    // a GET alone (a prefetch, a cross-site link) changes nothing: the notice still waits
    expect((await s.paulApp.get(`/api/patient/messages/threads/${s.lea.id}`)).status).toBe(200);
    expect(await notices(s.practice.id)).toHaveLength(1);
    // Paul opens Léa's thread on his phone at 23:40: shown, then marked read
    expect(await openThread(s.paulApp, s.lea.id)).toEqual([200, 200]);
    expect(await notices(s.practice.id)).toEqual([]);
    setClock('2026-12-04T07:05:00Z');
    await drainOutbox(t.deps);
    expect(await notices(s.practice.id)).toEqual([]);
  });

  it('a notice already sent stays in the outbox when the thread is read', async () => {
    setClock('2026-12-04T13:00:00Z');
    const s = await setup();
    await reply(s.desk, s.paul.id, 'Bonjour');
    await drainOutbox(t.deps);
    await openThread(s.paulApp, s.paul.id);
    expect((await notices(s.practice.id)).map((row) => row.status)).toEqual(['held']);
  });
});
