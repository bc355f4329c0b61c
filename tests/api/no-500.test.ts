import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, TestClient } from '../support/client';
import { filesUnder, makePdf, uploadDocument } from '../support/documents';
import {
  makePatient,
  makePractice,
  makeSchedulingPractice,
  makeStaff,
  testPassword,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Inputs a hostile client sends that PostgreSQL or a parser would choke on: each is a 400, never a 500. */
let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  const practice = await makePractice(t.deps.db);
  const staff = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
  admin = await staffClient(t.app, staff.email, testPassword);
});
afterAll(async () => t.close());

const patient = { lastName: 'Martin', firstName: 'Léa', birthDate: '1990-04-12', mobilePhone: '0612345678' };

describe('text that PostgreSQL cannot store', () => {
  it.each([
    ['a NUL byte', 'Lé\u0000a'],
    ['a lone high surrogate', 'Lé\uD800a'],
    ['a lone low surrogate', 'Lé\uDC00a'],
  ])('refuses %s in a JSON body with a field message', async (_, firstName) => {
    const answer = await admin.post('/api/console/patients', { ...patient, firstName });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([
      { path: 'firstName', message: 'Ce texte contient un caractère invalide.' },
    ]);
  });

  it('refuses a NUL byte in a query string, in English for an English reader', async () => {
    const english = await admin.request<Record<string, unknown>>(
      'GET',
      '/api/console/patients?q=ma%00rtin',
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(english.status).toBe(400);
    expect(english.body.issues).toEqual([{ path: 'q', message: 'This text contains an invalid character.' }]);
  });

  it('keeps a well-formed pair of surrogates (an emoji)', async () => {
    const answer = await admin.get(`/api/console/patients?q=${encodeURIComponent('Léa 😀')}`);
    expect(answer.status).toBe(200);
  });
});

describe('crafted list cursors', () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const cursors = {
    'an id that is not a UUID': encode(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
    'the year +275760': encode(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
    'garbage base64': '%%%not-base64%%%',
    'a JSON object': encode({ at: 1 }),
  };
  const lists = [
    '/api/console/patients',
    '/api/console/outbox',
    '/api/console/waitlist',
    '/api/console/messages',
    '/api/console/app-users',
    '/api/console/change-requests',
    '/api/console/signatures/pending',
  ];
  for (const [what, cursor] of Object.entries(cursors)) {
    it(`answers 400 on cursor for ${what} on every console list`, async () => {
      for (const list of lists) {
        const answer = await admin.get(`${list}?cursor=${encodeURIComponent(cursor)}`);
        expect({ list, status: answer.status }).toEqual({ list, status: 400 });
        expect(answer.body.issues).toEqual([{ path: 'cursor', message: expect.any(String) }]);
      }
    });
  }
});

describe('dates far out of range on the slot routes', () => {
  it.each(['9999-12-31T00:00:00Z', '0001-01-01T00:00:00Z'])(
    'answers from=%s with 400 on from, signed out and at the desk',
    async (from) => {
      const s = await makeSchedulingPractice(t.deps.db);
      const visitor = new TestClient(t.app);
      const desk = await staffClient(t.app, s.secretary.email, testPassword);
      const urls: [TestClient, string][] = [
        [visitor, `/api/public/practices/${s.practice.slug}/slots?motifId=${s.motif.id}&from=${from}`],
        [desk, `/api/console/slots?motifId=${s.motif.id}&from=${from}`],
        [desk, `/api/console/agenda?from=${from}&to=${from}`],
      ];
      for (const [client, url] of urls) {
        const answer = await client.get(url);
        expect({ url, status: answer.status }).toEqual({ url, status: 400 });
        expect(answer.body.issues).toEqual([
          { path: 'from', message: 'Date hors des limites acceptées (années 1900 à 2200).' },
          ...(url.includes('agenda') ? [{ path: 'to', message: expect.any(String) }] : []),
        ]);
      }
    },
  );
});

describe('malformed multipart uploads', () => {
  const boundary = '----sourire-fuzz';
  const whole =
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nRadio\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nBonjour\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nModèle\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
    'Content-Type: application/pdf\r\n\r\n%PDF-1.4 truncated';
  const bodies: Record<string, { type: string; payload: string }> = {
    'no boundary': { type: 'multipart/form-data', payload: `${whole}\r\n--${boundary}--\r\n` },
    'a wrong boundary': {
      type: 'multipart/form-data; boundary=other',
      payload: `${whole}\r\n--${boundary}--\r\n`,
    },
    'a truncated body': { type: `multipart/form-data; boundary=${boundary}`, payload: whole },
    'a NUL in a text field': {
      type: `multipart/form-data; boundary=${boundary}`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nRa\u0000dio\r\n--${boundary}--\r\n`,
    },
  };
  for (const [what, body] of Object.entries(bodies)) {
    it(`answers ${what} with 400 on every staff upload route and stores nothing`, async () => {
      const practice = await makePractice(t.deps.db);
      const staff = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
      const desk = await staffClient(t.app, staff.email, testPassword);
      const patientRow = await makePatient(t.deps.db, practice.id);
      const before = await filesUnder(t.deps.config.files.dir);
      for (const url of [
        `/api/console/patients/${patientRow.id}/documents`,
        `/api/console/messages/threads/${patientRow.id}`,
        '/api/console/message-templates',
      ]) {
        const answer = await t.app.inject({
          method: 'POST',
          url,
          remoteAddress: desk.ip,
          headers: {
            'content-type': body.type,
            cookie: `sourire_staff=${desk.cookie('sourire_staff')}`,
          },
          payload: body.payload,
        });
        expect({ url, status: answer.statusCode }).toEqual({ url, status: 400 });
      }
      expect(await filesUnder(t.deps.config.files.dir)).toEqual(before);
    });
  }
});

describe('an empty PATCH', () => {
  it('answers {} on a document with 400 and a clear message', async () => {
    const practice = await makePractice(t.deps.db);
    const staff = await makeStaff(t.deps.db, practice.id, { role: 'admin' });
    const desk = await staffClient(t.app, staff.email, testPassword);
    const patientRow = await makePatient(t.deps.db, practice.id);
    const uploaded = await uploadDocument(
      t.app,
      desk,
      patientRow.id,
      { type: 'quote', title: 'Radio', requiresSignature: 'false' },
      { name: 'radio.pdf', bytes: await makePdf('Radio') },
    );
    expect(uploaded.status).toBe(201);
    const answer = await desk.patch(`/api/console/documents/${uploaded.body.id}`, {});
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([{ path: '', message: 'Indiquez au moins un champ à modifier.' }]);
  });
});
