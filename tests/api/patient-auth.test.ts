import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../../src/server/db/schema';
import { TestClient } from '../support/client';
import {
  lastCodeSentTo,
  lastMessageTo,
  linkResponsable,
  makePatient,
  makePractice,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Two parents with their own phones, two children; parent 2 also has a child of their own elsewhere. */
async function durandFamily() {
  const db = t.deps.db;
  const practice = await makePractice(db);
  const paul = await makePatient(db, practice.id, {
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '1980-03-14',
    mobilePhone: '+33639981001',
  });
  const marie = await makePatient(db, practice.id, {
    lastName: 'Martin',
    firstName: 'Marie',
    birthDate: '1982-07-22',
    mobilePhone: '+33639981002',
  });
  const lea = await makePatient(db, practice.id, {
    lastName: 'Durand',
    firstName: 'Léa',
    birthDate: '2012-05-03',
    mobilePhone: null,
  });
  const hugo = await makePatient(db, practice.id, {
    lastName: 'Durand',
    firstName: 'Hugo',
    birthDate: '2015-09-18',
    mobilePhone: null,
  });
  const stranger = await makePatient(db, practice.id, {
    lastName: 'Núñez',
    firstName: 'José',
    birthDate: '1975-11-02',
    mobilePhone: '+33639981003',
  });
  for (const child of [lea, hugo]) {
    await linkResponsable(db, practice.id, child.id, paul.id, 'parent1');
    await linkResponsable(db, practice.id, child.id, marie.id, 'parent2');
  }
  return { practice, paul, marie, lea, hugo, stranger };
}

describe('patient sign-in', () => {
  it('a parent’s phone with a child’s identity sends a code; the session sees the whole family', async () => {
    const f = await durandFamily();
    const client = new TestClient(t.app);
    const start = await client.post<{ challengeId: string; maskedPhone: string }>('/api/patient/sign-in', {
      practice: f.practice.slug,
      phone: '06 39 98 10 01',
      lastName: 'DURAND',
      firstName: 'lea',
      birthDate: '2012-05-03',
    });
    expect(start.status).toBe(200);
    expect(start.body.maskedPhone).toBe('+33 6 •• •• •• 01');
    const sms = await lastMessageTo(t.deps.db, '+33639981001');
    expect(sms).toMatchObject({ channel: 'sms', kind: 'app_sign_in_code', sensitive: true });

    const verified = await client.post('/api/patient/sign-in/verify', {
      challengeId: start.body.challengeId,
      code: await lastCodeSentTo(t.deps.db, '+33639981001'),
    });
    expect(verified.status).toBe(200);
    const me = await client.get<{ family: { id: string; isSelf: boolean }[] }>('/api/patient/me');
    expect(me.status).toBe(200);
    const ids = me.body.family.map((member) => member.id).sort();
    expect(ids).toEqual([f.paul.id, f.lea.id, f.hugo.id].sort());
    expect(me.body.family.find((member) => member.isSelf)?.id).toBe(f.lea.id);
  });

  it('the other parent sees the shared children but not the first parent’s own file', async () => {
    const f = await durandFamily();
    const client = new TestClient(t.app);
    const me = await signInAndRead(
      client,
      f.practice.slug,
      '+33 6 39 98 10 02',
      'Martin',
      'Marie',
      '1982-07-22',
    );
    expect(me.sort()).toEqual([f.marie.id, f.lea.id, f.hugo.id].sort());
    expect((await client.get(`/api/patient/patients/${f.paul.id}`)).status).toBe(404);
    expect((await client.get(`/api/patient/patients/${f.lea.id}`)).status).toBe(200);
  });

  it('a session asking for another family’s patient gets 404', async () => {
    const f = await durandFamily();
    const client = new TestClient(t.app);
    await signInAndRead(client, f.practice.slug, '0639981001', 'Durand', 'Paul', '1980-03-14');
    const answer = await client.get(`/api/patient/patients/${f.stranger.id}`);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
    expect((await client.get('/api/patient/patients/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('says "check what you entered" for a wrong field, whichever it is, and sends nothing', async () => {
    const f = await durandFamily();
    const base = {
      practice: f.practice.slug,
      phone: '0639981001',
      lastName: 'Durand',
      firstName: 'Paul',
      birthDate: '1980-03-14',
    };
    const variants = [
      { ...base, phone: '0639981009' },
      { ...base, lastName: 'Dupont' },
      { ...base, firstName: 'Pierre' },
      { ...base, birthDate: '1980-03-15' },
      { ...base, phone: '0639981003' },
    ];
    const messages = new Set<string>();
    for (const body of variants) {
      const answer = await new TestClient(t.app).post('/api/patient/sign-in', body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('IDENTITY_NOT_MATCHED');
      expect(answer.body.issues).toBeUndefined();
      messages.add(String(answer.body.message));
    }
    expect(messages.size).toBe(1);
    expect(await lastMessageTo(t.deps.db, '+33639981009')).toBeUndefined();
  });

  it('refuses an identity that matches two files', async () => {
    const f = await durandFamily();
    await makePatient(t.deps.db, f.practice.id, {
      lastName: 'Durand',
      firstName: 'Lea',
      birthDate: '2012-05-03',
      mobilePhone: '+33639981001',
    });
    const answer = await new TestClient(t.app).post('/api/patient/sign-in', {
      practice: f.practice.slug,
      phone: '0639981001',
      lastName: 'Durand',
      firstName: 'Léa',
      birthDate: '2012-05-03',
    });
    expect(answer.body.code).toBe('IDENTITY_NOT_MATCHED');
  });

  it('requires every field, with a message per field in the caller’s language', async () => {
    const f = await durandFamily();
    const answer = await new TestClient(t.app, { lang: 'en' }).post('/api/patient/sign-in', {
      practice: f.practice.slug,
      phone: '06',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    const issues = answer.body.issues as { path: string; message: string }[];
    expect(issues.map((issue) => issue.path).sort()).toEqual(['birthDate', 'firstName', 'lastName']);
    expect(issues[0]?.message).toBe('This field is required.');
    const badPhone = await new TestClient(t.app).post('/api/patient/sign-in', {
      practice: f.practice.slug,
      phone: '06 12',
      lastName: 'Durand',
      firstName: 'Paul',
      birthDate: '1980-03-14',
    });
    expect(badPhone.body.issues).toEqual([{ path: 'phone', message: 'Numéro de téléphone invalide.' }]);
  });

  it('blocks a patient who opted out of the app (SEC-3)', async () => {
    const f = await durandFamily();
    await t.deps.db.update(patients).set({ appOptOut: true }).where(eq(patients.id, f.paul.id));
    const answer = await new TestClient(t.app).post('/api/patient/sign-in', {
      practice: f.practice.slug,
      phone: '0639981001',
      lastName: 'Durand',
      firstName: 'Paul',
      birthDate: '1980-03-14',
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('APP_ACCESS_DISABLED');
  });
});

describe('sign-in codes', () => {
  async function start(client: TestClient) {
    const f = await durandFamily();
    const answer = await client.post<{ challengeId: string }>('/api/patient/sign-in', {
      practice: f.practice.slug,
      phone: '0639981001',
      lastName: 'Durand',
      firstName: 'Paul',
      birthDate: '1980-03-14',
    });
    return { ...f, challengeId: answer.body.challengeId };
  }

  it('expires after ten minutes', async () => {
    const client = new TestClient(t.app);
    const { challengeId } = await start(client);
    const code = await lastCodeSentTo(t.deps.db, '+33639981001');
    t.clock.advance(10 * 60_000 + 1);
    const answer = await client.post('/api/patient/sign-in/verify', { challengeId, code });
    expect(answer.status).toBe(410);
    expect(answer.body.code).toBe('CODE_EXPIRED');
  });

  it('dies after five wrong attempts, even for the right code', async () => {
    const client = new TestClient(t.app);
    const { challengeId } = await start(client);
    const code = await lastCodeSentTo(t.deps.db, '+33639981001');
    const wrong = code === '000000' ? '111111' : '000000';
    const left: unknown[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const answer = await client.post('/api/patient/sign-in/verify', { challengeId, code: wrong });
      expect(answer.body.code).toBe('CODE_INVALID');
      left.push((answer.body.details as { attemptsLeft: number }).attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const late = await client.post('/api/patient/sign-in/verify', { challengeId, code });
    expect(late.body.code).toBe('CODE_EXPIRED');
    expect((await client.get('/api/patient/me')).status).toBe(401);
  });

  it('cannot be used twice', async () => {
    const client = new TestClient(t.app);
    const { challengeId } = await start(client);
    const code = await lastCodeSentTo(t.deps.db, '+33639981001');
    expect((await client.post('/api/patient/sign-in/verify', { challengeId, code })).status).toBe(200);
    expect(
      (await new TestClient(t.app).post('/api/patient/sign-in/verify', { challengeId, code })).status,
    ).toBe(410);
  });

  it('can be resent after 60 s, and the new code replaces the old one', async () => {
    const client = new TestClient(t.app);
    const { challengeId } = await start(client);
    const first = await lastCodeSentTo(t.deps.db, '+33639981001');
    const early = await client.post('/api/patient/sign-in/resend', { challengeId });
    expect(early.status).toBe(429);
    expect(Number(early.headers['retry-after'])).toBeGreaterThan(50);
    t.clock.advance(61_000);
    const resent = await client.post('/api/patient/sign-in/resend', { challengeId });
    expect(resent.status).toBe(200);
    const second = await lastCodeSentTo(t.deps.db, '+33639981001');
    if (first !== second) {
      expect((await client.post('/api/patient/sign-in/verify', { challengeId, code: first })).body.code).toBe(
        'CODE_INVALID',
      );
    }
    expect((await client.post('/api/patient/sign-in/verify', { challengeId, code: second })).status).toBe(
      200,
    );
  });

  it('signs out and the session cookie stops working', async () => {
    const client = new TestClient(t.app);
    const { challengeId } = await start(client);
    await client.post('/api/patient/sign-in/verify', {
      challengeId,
      code: await lastCodeSentTo(t.deps.db, '+33639981001'),
    });
    const cookie = client.cookie('sourire_patient');
    expect(cookie).toBeTruthy();
    expect((await client.post('/api/patient/sign-out')).status).toBe(200);
    const replay = new TestClient(t.app);
    const answer = await replay.request('GET', '/api/patient/me', undefined, {
      cookie: `sourire_patient=${cookie}`,
    });
    expect(answer.status).toBe(401);
  });

  it('a patient session cannot reach staff routes', async () => {
    const client = new TestClient(t.app);
    const { challengeId } = await start(client);
    await client.post('/api/patient/sign-in/verify', {
      challengeId,
      code: await lastCodeSentTo(t.deps.db, '+33639981001'),
    });
    expect((await client.get('/api/console/outbox')).status).toBe(401);
  });
});

async function signInAndRead(
  client: TestClient,
  practice: string,
  phone: string,
  lastName: string,
  firstName: string,
  birthDate: string,
): Promise<string[]> {
  const start = await client.post<{ challengeId: string; maskedPhone: string }>('/api/patient/sign-in', {
    practice,
    phone,
    lastName,
    firstName,
    birthDate,
  });
  expect(start.status).toBe(200);
  const digits = phone.replace(/\D/g, '');
  const e164 = `+33${digits.startsWith('33') ? digits.slice(2) : digits.slice(1)}`;
  const verified = await client.post('/api/patient/sign-in/verify', {
    challengeId: start.body.challengeId,
    code: await lastCodeSentTo(t.deps.db, e164),
  });
  expect(verified.status).toBe(200);
  const me = await client.get<{ family: { id: string }[] }>('/api/patient/me');
  return me.body.family.map((member) => member.id);
}
